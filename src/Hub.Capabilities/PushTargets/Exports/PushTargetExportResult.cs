namespace Hub.Capabilities.PushTargets.Exports;

/// <summary>What an export released.</summary>
/// <param name="Rows">Residents written.</param>
/// <param name="Paths">Catalog paths written (the fields the task may <c>extract</c>).</param>
/// <param name="AccessRecordId">Sequence number of the one access record naming every resident of the export.</param>
public sealed record PushTargetExportResult(long Rows, IReadOnlyList<string> Paths, long AccessRecordId);
