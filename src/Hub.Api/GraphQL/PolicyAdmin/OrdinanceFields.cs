using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.Requests;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>Editing a draft's 条例・別表の表 (ordinance table); the rules live in <see cref="PolicyAdministration"/>.</summary>
internal static class OrdinanceFields
{
    public static void AddOrdinanceMutations(this ObjectGraphType mutation)
    {
        mutation.Field<PolicyVersionType>("addOrdinanceRow")
            .Description("Adds a row to a draft's ordinance table (条例・別表の表). BAD_USER_INPUT (argument basis, field, actions, task or reason) when the basis or reason is blank, the field matches no catalog field or an action is not read, extract or lookup. Recorded in the policy audit trail. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The draft")
            .Argument<NonNullGraphType<StringGraphType>>("task", "The task code (事務コード)")
            .Argument<NonNullGraphType<StringGraphType>>("field", "The catalog path or keyMatch pattern, e.g. resident.myNumber")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions", "read, extract, lookup")
            .Argument<NonNullGraphType<StringGraphType>>("basis", "The legal basis (法的根拠)")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why (kept in the audit trail)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await Guard(() => Administration(c).AddOrdinanceRowAsync(
                c.GetArgument<int>("version"), c.RequestContext().UserId, c.GetArgument<string>("reason"), c.GetArgument<string>("task"), c.GetArgument<string>("field"),
                c.GetArgument<List<string>>("actions"), c.GetArgument<string>("basis"), c.CancellationToken)).ConfigureAwait(false));
        mutation.Field<PolicyVersionType>("removeOrdinanceRow")
            .Description("Removes the rows for (task, field) from a draft's ordinance table. NOT_FOUND when there is none. Recorded in the policy audit trail. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The draft")
            .Argument<NonNullGraphType<StringGraphType>>("task", "The task code (事務コード)")
            .Argument<NonNullGraphType<StringGraphType>>("field", "The field path or pattern, as the row has it")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why (kept in the audit trail)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await Guard(() => Administration(c).RemoveOrdinanceRowAsync(
                c.GetArgument<int>("version"), c.RequestContext().UserId, c.GetArgument<string>("reason"), c.GetArgument<string>("task"), c.GetArgument<string>("field"), c.CancellationToken)).ConfigureAwait(false));
        mutation.Field<PolicyVersionType>("replaceOrdinances")
            .Description("Replaces a draft's whole ordinance table (CSV task,field,actions,basis). POLICY_REJECTED with the line when it does not parse or a row names no catalog field. Privacy officers only.")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The draft")
            .Argument<NonNullGraphType<StringGraphType>>("text", "The CSV")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why (kept in the audit trail)")
            .Principal(EnforcementMetadata.PrivacyOfficer)
            .ResolveAsync(async c => await Guard(() => Administration(c).ReplaceOrdinancesAsync(
                c.GetArgument<int>("version"), c.RequestContext().UserId, c.GetArgument<string>("reason"), c.GetArgument<string>("text"), c.CancellationToken)).ConfigureAwait(false));
    }

    private static Task<PolicyVersion> Guard(Func<Task<PolicyVersion>> call) =>
        PolicyAdminErrors.GuardAsync(async () =>
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (ArgumentException e) when (e.ParamName is "task" or "field" or "actions" or "basis")
            {
                throw Errors.HubErrors.BadUserInput(e.ParamName, e.Message.Split(" (Parameter", 2)[0]);
            }
        });

    private static PolicyAdministration Administration(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PolicyAdministration>();
}
