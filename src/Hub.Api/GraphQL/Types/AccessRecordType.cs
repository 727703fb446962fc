using GraphQL.Types;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Proofs;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>アクセス記録 as a privacy officer or the resident concerned reads it.</summary>
internal sealed class AccessRecordType : ObjectGraphType<AccessRecordView>
{
    public AccessRecordType()
    {
        Name = "AccessRecord";
        Description = "アクセス記録: who read whose personal data, when, from which terminal, for which task, purpose and case.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("Position in the hash chain").Resolve(c => c.Source.Record.Sequence);
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Description("When (UTC)").Resolve(c => c.Source.Record.RecordedAt);
        Field<NonNullGraphType<StringGraphType>>("userId").Description("操作者 (staff user id)").Resolve(c => c.Source.Record.UserId);
        Field<StringGraphType>("clientId").Description("端末 / client id").Resolve(c => c.Source.Record.ClientId);
        Field<NonNullGraphType<StringGraphType>>("task").Description("事務コード").Resolve(c => c.Source.Record.Task);
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("利用目的").Resolve(c => c.Source.Record.Purpose);
        Field<StringGraphType>("case").Description("案件").Resolve(c => c.Source.Record.Case);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The operation's root fields").Resolve(c => c.Source.Record.Operation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("subjects")
            .Description("宛名番号 of the residents concerned (for a resident: only their own)")
            .Resolve(c => c.Source.Subjects);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fieldPaths")
            .Description("Catalog paths read")
            .Resolve(c => AccessRecordFormat.SplitPaths(c.Source.Record.FieldPaths));
        Field<NonNullGraphType<BooleanGraphType>>("myNumberUsed").Description("個人番号 read or used to find the person").Resolve(c => c.Source.Record.MyNumberUsed);
        Field<NonNullGraphType<StringGraphType>>("policyVersion").Description("The policy version in force").Resolve(c => c.Source.Record.PolicyVersion);
        Field<NonNullGraphType<StringGraphType>>("hash").Description("The record's chain hash (SHA-256 hex over its columns and the previous record's hash)").Resolve(c => c.Source.Record.Hash);
        Field<AccessRecordProofType>("proof")
            .Description("Inclusion proof against the latest signed checkpoint; null until a checkpoint covers the record (within Hub:Audit:Checkpoints:Interval)")
            .ResolveAsync(async c =>
            {
                if (c.RequestServices!.GetService<CheckpointSigner>() is not { } signer)
                {
                    return null;
                }

                var record = c.Source.Record;
                var proof = await c.RequestServices!.GetRequiredService<AccessRecordProofs>().ProveAsync(record, null, c.CancellationToken).ConfigureAwait(false);
                if (proof is null)
                {
                    return null;
                }

                // The record's subjects go into the document only when the reader sees all of them.
                var withSubjects = AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers).All(c.Source.Subjects.Contains);
                var document = AccessRecordProofDocument.Create(record, proof, signer.Verifier, withSubjects).ToJson();
                return (object)new AccessRecordProofView(proof, signer.Verifier.ToString(), document);
            });
    }
}

/// <summary>An access record and the subjects the reader may see in it.</summary>
internal sealed record AccessRecordView(AccessRecord Record, IReadOnlyList<string> Subjects);
