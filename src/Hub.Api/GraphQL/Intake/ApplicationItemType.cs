using GraphQL.Types;
using Hub.Capabilities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>One item of a leg's form as released to the reader.</summary>
internal sealed class ApplicationItemType : ObjectGraphType<IntakeLegItem>
{
    public ApplicationItemType()
    {
        Name = "ApplicationItem";
        Description = "One item of a leg's form: pre-filled (FILLED, UNCERTAIN), typed by the applicant (TYPED) or missing (UNAVAILABLE, WITHHELD, NOT_APPLICABLE); a value only where the reader's task reads the item's path.";
        Field<NonNullGraphType<StringGraphType>>("section").Description("applicant, spouse or member").Resolve(c => c.Source.Section);
        Field<StringGraphType>("subject").Description("宛名番号 of the person the item is about").Resolve(c => c.Source.Subject.Length == 0 ? null : c.Source.Subject);
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => c.Source.Label);
        Field<StringGraphType>("path").Description("Catalog path; null for an item only the applicant answers").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<StringGraphType>>("status").Description("FILLED, UNCERTAIN, TYPED, UNAVAILABLE, WITHHELD or NOT_APPLICABLE").Resolve(c => Upper(c.Source.Status));
        Field<StringGraphType>("value").Resolve(c => c.Source.Value);
        Field<StringGraphType>("source").Description("The source system of a pre-filled value, or applicant").Resolve(c => c.Source.Source);
    }

    private static string Upper(string status) => status == IntakeLegItem.Typed ? status
        : string.Concat(status.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : char.ToUpperInvariant(ch).ToString()));
}
