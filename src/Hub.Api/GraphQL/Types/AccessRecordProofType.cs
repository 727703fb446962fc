using GraphQL.Types;

namespace Hub.Api.GraphQL.Types;

/// <summary>An access record's inclusion proof against a signed checkpoint (RFC 9162), as GraphQL returns it.</summary>
internal sealed class AccessRecordProofType : ObjectGraphType<AccessRecordProofView>
{
    public AccessRecordProofType()
    {
        Name = "AccessRecordProof";
        Description = "Proof that the record is in the access log a signed checkpoint commits to (RFC 9162 inclusion proof). Check it offline with `hub audit verify-proof` (docs/audit.md).";
        Field<NonNullGraphType<LongGraphType>>("leafIndex").Description("The record's leaf in the Merkle tree (sequence − 1)").Resolve(c => c.Source.Proof.LeafIndex);
        Field<NonNullGraphType<LongGraphType>>("treeSize").Description("Records the checkpoint covers").Resolve(c => c.Source.Proof.TreeSize);
        Field<NonNullGraphType<StringGraphType>>("leafHash").Description("SHA-256(0x00 || the record's chain hash), base64").Resolve(c => Convert.ToBase64String(c.Source.Proof.LeafHash));
        Field<NonNullGraphType<StringGraphType>>("rootHash").Description("The checkpoint's root hash, base64").Resolve(c => Convert.ToBase64String(c.Source.Proof.RootHash));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("auditPath")
            .Description("The audit path, nearest the leaf first, base64")
            .Resolve(c => c.Source.Proof.AuditPath.Select(Convert.ToBase64String).ToList());
        Field<NonNullGraphType<StringGraphType>>("checkpoint").Description("The signed checkpoint (C2SP signed note) the proof is against").Resolve(c => c.Source.Proof.Checkpoint.Text);
        Field<NonNullGraphType<StringGraphType>>("verifierKey").Description("The verifier key of the log's signing key; compare it with the one the city publishes").Resolve(c => c.Source.VerifierKey);
        Field<NonNullGraphType<StringGraphType>>("document")
            .Description("The whole proof as one JSON document to keep and check offline (hub audit verify-proof); other residents the record names are withheld")
            .Resolve(c => c.Source.Document);
    }
}
