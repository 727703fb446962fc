using GraphQL.Types;
using Hub.Capabilities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>One answer the applicant types.</summary>
internal sealed class ApplicationAnswerInputType : InputObjectGraphType<IntakeAnswer>
{
    public ApplicationAnswerInputType()
    {
        Name = "ApplicationAnswerInput";
        Description = "The value of a form item the hub could not fill (UNAVAILABLE, UNCERTAIN, WITHHELD), or a correction of a pre-filled one. Without form, it answers that item on every form of the application.";
        Field<NonNullGraphType<StringGraphType>>("item").Description("The item id, e.g. phone");
        Field<NonNullGraphType<StringGraphType>>("value");
        Field<StringGraphType>("form").Description("The form id; omitted: every form of the application with this item");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new IntakeAnswer((string)value["item"]!, (string)value["value"]!, value.TryGetValue("form", out var f) ? f as string : null);
    }
}
