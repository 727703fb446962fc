using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.Policies;
using Hub.Capabilities.Requests;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>
/// Four eyes (起案 → 審査 → 決裁), invariants, per-node versions and the replay of past access for privacy officers. The
/// rules (approver other than the authors, legal basis on every allow, invariants) live in <see cref="PolicyAdministration"/>;
/// these fields only call it.
/// </summary>
internal static class PolicyReviewFields
{
    /// <summary>The most days a replay reads.</summary>
    public const int MaxReplayDays = 366;

    public static void AddPolicyReviewQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyInvariantType>>>>("policyInvariants")
            .Description("The invariants (不変条件) every approval is checked against. Privacy officers only.")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .Resolve(c => Administration(c).Invariants.Invariants);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvariantViolationType>>>>("policyInvariantViolations")
            .Description("The invariants a version violates, each with its first counterexample (empty: all hold). POLICY_REJECTED when it does not check. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The version")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await PolicyAdminErrors.GuardAsync(() => Administration(c).CheckInvariantsAsync(c.GetArgument<int>("version"), c.CancellationToken)).ConfigureAwait(false));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyNodeType>>>>("policyNodes")
            .Description("Which version each hub node serves and since when (ノード別の適用版). Privacy officers only.")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<IPolicyNodeRegistry>().ListAsync(c.CancellationToken).ConfigureAwait(false));
        query.Field<NonNullGraphType<PolicyReplayType>>("policyReplay")
            .Description($"Replays the access records of the last `days` days (1–{MaxReplayDays}) against a draft: which past requests, by whom, it would refuse. Reads users, tasks and fields, never whom a record is about. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("draft", "The draft's version number")
            .Argument<NonNullGraphType<IntGraphType>>("days", "How many days back (1–366)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c =>
            {
                var days = c.GetArgument<int>("days");
                if (days is < 1 or > MaxReplayDays)
                {
                    throw Errors.HubErrors.BadUserInput("days", $"must be 1 to {MaxReplayDays}");
                }

                return await PolicyAdminErrors.GuardAsync(() => c.RequestServices!.GetRequiredService<PolicyReplay>().ReplayAsync(c.GetArgument<int>("draft"), days, c.CancellationToken)).ConfigureAwait(false);
            });
    }

    public static void AddPolicyReviewMutations(this ObjectGraphType mutation)
    {
        Step(mutation, "submitPolicyDraft", "起案 → 審査: submits a draft for review. POLICY_REVIEW_REFUSED (extensions.problems) when it is not a draft, does not check, or an allow has no legal basis.", (a, n, who, why, ct) => a.SubmitAsync(n, who, why, ct));
        Step(mutation, "approvePolicyDraft", "審査 → 決裁: approves a version under review. POLICY_REVIEW_REFUSED when the caller created, edited or submitted it (the approver must be another officer), it does not check, or an invariant is violated (each with a counterexample).", (a, n, who, why, ct) => a.ApproveAsync(n, who, why, ct));
        Step(mutation, "returnPolicyDraft", "差戻し: returns a version under review or approved to a draft.", (a, n, who, why, ct) => a.ReturnAsync(n, who, why, ct));
    }

    private static void Step(ObjectGraphType mutation, string name, string description, Func<PolicyAdministration, int, string, string, CancellationToken, Task<PolicyVersion>> call) =>
        mutation.Field<PolicyVersionType>(name)
            .Description(description + " Every step and refusal is in the policy audit trail. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The version")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why (kept in the audit trail)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await PolicyAdminErrors.GuardAsync(() => call(
                Administration(c), c.GetArgument<int>("version"), c.RequestContext().UserId, c.GetArgument<string>("reason"), c.CancellationToken)).ConfigureAwait(false));

    private static PolicyAdministration Administration(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PolicyAdministration>();
}
