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
        mutation.Field<PolicyVersionType>("grantPolicyCell")
            .Description("Allows one cell (role × task × field × action) in a draft with a legal basis (番号法 第9条 別表 item, 条例 article …): an allow line for exactly the cell gets the basis, a deny line for it goes. BAD_USER_INPUT (argument basis or reason) when either is blank. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The draft")
            .Argument<NonNullGraphType<StringGraphType>>("role", "The role, e.g. role:tax-clerk")
            .Argument<NonNullGraphType<StringGraphType>>("task", "The task code (事務コード)")
            .Argument<NonNullGraphType<StringGraphType>>("field", "The catalog path")
            .Argument<NonNullGraphType<StringGraphType>>("action", "read, extract or lookup")
            .Argument<NonNullGraphType<StringGraphType>>("basis", "The legal basis (法的根拠)")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why (kept in the audit trail)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await Cell(c, (a, n, who, why, cell, basis) => a.GrantAsync(n, who, why, cell, basis, c.CancellationToken)).ConfigureAwait(false));
        mutation.Field<PolicyVersionType>("revokePolicyCell")
            .Description("Refuses one cell in a draft: its allow line goes; a deny line citing `basis` is added when a wildcard line still allows it. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The draft")
            .Argument<NonNullGraphType<StringGraphType>>("role", "The role")
            .Argument<NonNullGraphType<StringGraphType>>("task", "The task code (事務コード)")
            .Argument<NonNullGraphType<StringGraphType>>("field", "The catalog path")
            .Argument<NonNullGraphType<StringGraphType>>("action", "read, extract or lookup")
            .Argument<NonNullGraphType<StringGraphType>>("basis", "Why the cell is refused (cited by a deny line)")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why (kept in the audit trail)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await Cell(c, (a, n, who, why, cell, basis) => a.RevokeAsync(n, who, why, cell, basis, c.CancellationToken)).ConfigureAwait(false));
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

    private static Task<PolicyVersion> Cell(IResolveFieldContext c, Func<PolicyAdministration, int, string, string, PolicyCell, string, Task<PolicyVersion>> call) =>
        PolicyAdminErrors.GuardAsync(async () =>
        {
            try
            {
                var cell = new PolicyCell(c.GetArgument<string>("role").Trim(), c.GetArgument<string>("task").Trim(), c.GetArgument<string>("field").Trim(), c.GetArgument<string>("action").Trim());
                return await call(Administration(c), c.GetArgument<int>("version"), c.RequestContext().UserId, c.GetArgument<string>("reason"), cell, c.GetArgument<string>("basis")).ConfigureAwait(false);
            }
            catch (ArgumentException e) when (e.ParamName is "basis" or "cell")
            {
                // A cell's problems start with the part they are about (role, task, field, action): that argument.
                var problem = e.Message.Split(" (Parameter", 2)[0];
                throw e.ParamName == "basis"
                    ? Errors.HubErrors.BadUserInput("basis", "is empty: every change of a cell cites its legal basis")
                    : Errors.HubErrors.BadUserInput(problem.Split(' ', 2)[0], problem.Split(' ', 2)[1]);
            }
        });

    private static PolicyAdministration Administration(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PolicyAdministration>();
}
