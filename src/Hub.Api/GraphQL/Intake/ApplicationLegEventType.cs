using GraphQL.Types;
using Hub.Capabilities.Intake;
using Hub.Data.Entities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>One status change of a leg.</summary>
internal sealed class ApplicationLegEventType : ObjectGraphType<IntakeLegEvent>
{
    public ApplicationLegEventType()
    {
        Name = "ApplicationLegEvent";
        Description = "One status change of a leg (経過): from, to, who, when, why and the message for the resident.";
        Field<ApplicationLegStatusType>("from").Description("The status before; null for the submission").Resolve(c => c.Source.FromStatus is { } s ? Enum.Parse<IntakeLegStatus>(s) : null);
        Field<NonNullGraphType<ApplicationLegStatusType>>("to").Description("The status after").Resolve(c => Enum.Parse<IntakeLegStatus>(c.Source.ToStatus));
        Field<NonNullGraphType<StringGraphType>>("toLabel").Description("The status after, in Japanese").Resolve(c => IntakeStatusModel.Label(Enum.Parse<IntakeLegStatus>(c.Source.ToStatus)));
        Field<NonNullGraphType<StringGraphType>>("actorKind").Description("department, applicant or counter").Resolve(c => c.Source.ActorKind);
        Field<StringGraphType>("actor").Description("Who (staff user id): for staff; null for a resident principal").Resolve(c => c.Gate().IsResident ? null : c.Source.Actor);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When (UTC)").Resolve(c => c.Source.At);
        Field<StringGraphType>("reason").Description("Why (staff-facing): for staff; null for a resident principal").Resolve(c => c.Gate().IsResident ? null : c.Source.Reason);
        Field<StringGraphType>("message").Description("The message for the resident").Resolve(c => c.Source.Message);
    }
}
