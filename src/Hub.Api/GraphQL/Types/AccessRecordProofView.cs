using Hub.Capabilities.Audit.Proofs;

namespace Hub.Api.GraphQL.Types;

/// <summary>A proof with its verifier key and its self-contained document.</summary>
internal sealed record AccessRecordProofView(AccessRecordProof Proof, string VerifierKey, string Document);
