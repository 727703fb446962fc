using GraphQL;
using GraphQL.Types;
using Hub.Capabilities.Prefill;

namespace Hub.Api.GraphQL.Prefill;

/// <summary>A form pre-filled for one resident.</summary>
internal sealed class PrefillType : ObjectGraphType<PrefillResult>
{
    /// <summary>What the complexity analyzer counts per item list: forms are bounded by their definitions, not by a page size.</summary>
    public const double ItemsPerForm = 8;

    /// <summary>What the complexity analyzer counts per member list (a typical household's size).</summary>
    public const double MembersPerHousehold = 4;

    public PrefillType()
    {
        Name = "Prefill";
        Description = "A form (schemas/forms) pre-filled for one resident: each item with value, source system, as-of time and status.";
        Field<NonNullGraphType<StringGraphType>>("formId").Description("The form's id").Resolve(c => c.Source.Form.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("様式名").Resolve(c => c.Source.Form.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PrefillItemType>>>>("items").Description("The applicant's items, in form order")
            .WithComplexityImpact(1, ItemsPerForm)
            .Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PrefillWarningType>>>>("warnings")
            .Description("What the counter must see before using the form, e.g. REMOVED for an applicant no longer in the registry; empty when none (or when the task may not read what would decide one)")
            .Resolve(c => c.Source.Warnings);
        Field<StringGraphType>("membersLabel").Description("The member section's label; null when the form has none").Resolve(c => c.Source.Form.HouseholdMembers?.Label);
        Field<PrefillStatusType>("membersStatus")
            .Description("For a form with a member section: FILLED when members are listed, WITHHELD when the task may not read household.members, UNAVAILABLE when the resident has no household; else null")
            .Resolve(c => c.Source.MembersStatus);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PrefillMemberType>>>>("members")
            .Description("The member section for every living member of the applicant's household (head first, then by birth)")
            .WithComplexityImpact(1, MembersPerHousehold)
            .Resolve(c => c.Source.Members);
        Field<StringGraphType>("spouseLabel").Description("The spouse section's label; null when the form has none").Resolve(c => c.Source.Form.Spouse?.Label);
        Field<PrefillStatusType>("spouseStatus")
            .Description("For a form with a spouse section: FILLED when the applicant's spouse (配偶者: 世帯主 and 妻/夫 by 続柄) is in the household, UNAVAILABLE when none is, WITHHELD when the task may not read household.members and every member's resident.relationship; else null")
            .Resolve(c => c.Source.SpouseStatus);
        Field<PrefillMemberType>("spouse").Description("The spouse section for the applicant's spouse; null unless spouseStatus is FILLED").Resolve(c => c.Source.Spouse);
    }
}
