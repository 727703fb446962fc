using Hub.Capabilities.Intake;
using Hub.Data.Entities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>A leg with its applicant's 宛名番号 and its history, as the API shows it.</summary>
internal sealed record ApplicationLegView(IntakeLeg Leg, string AtenaNumber, IReadOnlyList<IntakeLegEvent> History)
{
    public IntakeLegStatus Status => Enum.Parse<IntakeLegStatus>(Leg.Status);
}

/// <summary>A case with its legs, as the API shows it.</summary>
internal sealed record ApplicationView(IntakeCase Case, IReadOnlyList<ApplicationLegView> Legs, bool Replayed = false)
{
    public IntakeCaseStatus Status => IntakeStatusModel.Derive(Legs.Select(l => l.Status));

    public static async Task<ApplicationView> LoadAsync(IntakeQueries queries, IntakeCase c, bool replayed, CancellationToken ct)
    {
        var history = await queries.HistoryAsync([.. c.Legs.Select(l => l.Id)], ct).ConfigureAwait(false);
        return new ApplicationView(c, [.. c.Legs.OrderBy(l => l.Ordinal).Select(l => new ApplicationLegView(l, c.AtenaNumber, [.. history[l.Id]]))], replayed);
    }
}
