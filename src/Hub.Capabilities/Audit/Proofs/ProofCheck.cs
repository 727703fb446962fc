namespace Hub.Capabilities.Audit.Proofs;

/// <summary>One step of checking a proof document: passed, failed, or not checkable (null) with what it means.</summary>
/// <param name="Passed">True, false, or null when the step cannot be done with what the document holds.</param>
/// <param name="Text">What was checked.</param>
public sealed record ProofCheck(bool? Passed, string Text);
