using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.Prefill;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>
/// Policy administration (ポリシー管理) for privacy officers (role <c>role:privacy-officer</c> in the <c>privacy-audit</c>
/// task): versions, diffs and previews on the query; drafts, edits, publication and rollback as mutations. Everyone else
/// gets FIELD_FORBIDDEN and nothing. Every change is recorded in Hub.Policy's own hash-chained audit trail.
/// </summary>
internal static class PolicyAdminFields
{
    public static void AddPolicyQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyVersionType>>>>("policyVersions")
            .Description("Every policy version, oldest first: privacy officers only.")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await Store(c).ListAsync(c.CancellationToken).ConfigureAwait(false));
        query.Field<NonNullGraphType<PolicyDiffType>>("policyDiff")
            .Description("Rules added and removed from one version to another: privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("from", "The earlier version")
            .Argument<NonNullGraphType<IntGraphType>>("to", "The later version")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await PolicyAdminErrors.GuardAsync(() => Administration(c).DiffAsync(c.GetArgument<int>("from"), c.GetArgument<int>("to"), c.CancellationToken)).ConfigureAwait(false));
        query.Field<NonNullGraphType<PolicyPreviewType>>("policyPreview")
            .Description("What publishing a draft would change against the version in force: (user, task, field, action) decisions, and pre-fill form items (schemas/forms) that would lose or gain their value. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("draft", "The draft's version number")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await PolicyAdminErrors.GuardAsync(() => Administration(c).PreviewAsync(
                c.GetArgument<int>("draft"), c.RequestServices!.GetRequiredService<FormCatalog>().PathsByForm(), c.CancellationToken)).ConfigureAwait(false));
    }

    public static void AddPolicyMutations(this ObjectGraphType mutation)
    {
        mutation.Field<PolicyVersionType>("createPolicyDraft")
            .Description("A new draft. Without policyText/modelText it copies the version in force (or basedOn). Privacy officers only.")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why (kept in the audit trail)")
            .Argument<StringGraphType>("policyText", "The policy CSV")
            .Argument<StringGraphType>("modelText", "model.conf")
            .Argument<IntGraphType>("basedOn", "The version it starts from (default: the version in force)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await PolicyAdminErrors.GuardAsync(async () =>
            {
                var store = Store(c);
                var basis = c.GetArgument<int?>("basedOn") is { } n
                    ? await store.GetAsync(n, c.CancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"policy version {n} does not exist")
                    : await store.GetPublishedAsync(c.CancellationToken).ConfigureAwait(false);
                var model = c.GetArgument<string?>("modelText") ?? basis?.ModelText ?? throw new ExecutionError("No version to start from: give modelText and policyText.") { Code = "BAD_USER_INPUT" };
                var policy = c.GetArgument<string?>("policyText") ?? basis!.PolicyText;
                return await Administration(c).CreateDraftAsync(c.RequestContext().UserId, c.GetArgument<string>("reason"), model, policy, basis?.Number, c.CancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false));
        mutation.Field<PolicyVersionType>("editPolicyDraft")
            .Description("Replaces a draft's policy (and optionally its model). Only drafts can be edited. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The draft")
            .Argument<NonNullGraphType<StringGraphType>>("policyText", "The policy CSV")
            .Argument<StringGraphType>("modelText", "model.conf (unchanged when omitted)")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await PolicyAdminErrors.GuardAsync(() => Administration(c).UpdateDraftAsync(
                c.GetArgument<int>("version"), c.RequestContext().UserId, c.GetArgument<string>("reason"), c.GetArgument<string>("policyText"), c.GetArgument<string?>("modelText"), c.CancellationToken)).ConfigureAwait(false));
        mutation.Field<PolicyVersionType>("publishPolicy")
            .Description("Publishes a draft. Refused with POLICY_REJECTED and the checker's errors (extensions.diagnostics) when it does not parse or check, POLICY_CONFLICT when its base is no longer in force; the version in force then stays. Every node picks up a publication at its next poll.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The draft")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await PolicyAdminErrors.GuardAsync(() => Administration(c).PublishAsync(
                c.GetArgument<int>("version"), c.RequestContext().UserId, c.GetArgument<string>("reason"), c.CancellationToken)).ConfigureAwait(false));
        mutation.Field<PolicyVersionType>("rollbackPolicy")
            .Description("Brings back an earlier version as a new published version (history is never rewritten). Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("toVersion", "The version to bring back")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await PolicyAdminErrors.GuardAsync(() => Administration(c).RollbackAsync(
                c.GetArgument<int>("toVersion"), c.RequestContext().UserId, c.GetArgument<string>("reason"), c.CancellationToken)).ConfigureAwait(false));
    }

    private static PolicyAdministration Administration(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PolicyAdministration>();

    private static IPolicyVersionStore Store(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IPolicyVersionStore>();
}
