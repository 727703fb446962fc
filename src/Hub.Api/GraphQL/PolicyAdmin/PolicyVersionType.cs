using GraphQL.Types;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>ポリシー版: one version of the model and policy.</summary>
internal sealed class PolicyVersionType : ObjectGraphType<PolicyVersion>
{
    public PolicyVersionType()
    {
        Name = "PolicyVersion";
        Description = "One version of the hub's access-control model and policy (ポリシー版): draft, published (in force) or superseded.";
        Field<NonNullGraphType<IntGraphType>>("number").Description("Version number").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("state").Description("DRAFT (起案), IN_REVIEW (審査中), APPROVED (決裁済), PUBLISHED or SUPERSEDED").Resolve(c => StateName(c.Source.State));
        Field<NonNullGraphType<StringGraphType>>("author").Description("Who created or last edited it (staff user id)").Resolve(c => c.Source.Author);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was created or last edited").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why").Resolve(c => c.Source.Reason);
        Field<IntGraphType>("basedOn").Description("The version it started from").Resolve(c => c.Source.BasedOn);
        Field<DateTimeOffsetGraphType>("publishedAt").Description("When it was published").Resolve(c => c.Source.PublishedAt);
        Field<StringGraphType>("publishedBy").Description("Who published it").Resolve(c => c.Source.PublishedBy);
        Field<NonNullGraphType<StringGraphType>>("modelText").Description("model.conf").Resolve(c => c.Source.ModelText);
        Field<NonNullGraphType<StringGraphType>>("policyText").Description("The policy CSV").Resolve(c => c.Source.PolicyText);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrdinanceRowType>>>>("ordinances")
            .Description("The ordinance table (条例・別表の表) this version is checked against: its own, or the hub's file when it has none")
            .Resolve(c => c.RequestServices!.GetRequiredService<PolicyAdministration>().OrdinancesOf(c.Source)?.Entries ?? []);
        Field<NonNullGraphType<BooleanGraphType>>("ordinancesEdited").Description("Whether the version carries its own ordinance table (false: the hub's file)").Resolve(c => c.Source.OrdinancesText is not null);
    }

    /// <summary>The state as the API spells it (upper snake case).</summary>
    public static string StateName(PolicyVersionState state) => state == PolicyVersionState.InReview ? "IN_REVIEW" : state.ToString().ToUpperInvariant();
}
