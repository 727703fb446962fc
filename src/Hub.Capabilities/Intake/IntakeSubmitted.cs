using Hub.Data.Entities.Intake;

namespace Hub.Capabilities.Intake;

/// <summary>The case a submission made or found.</summary>
/// <param name="Case">The case with its legs.</param>
/// <param name="Replayed">True when no new case was made: the idempotency key or the business key (event, person, date) named an existing one.</param>
/// <param name="GuidePaths">Catalog paths the guide that chose the legs read (for the submitter's access record); empty on a replay.</param>
/// <param name="GuideSubjects">宛名番号 those paths were read of.</param>
public sealed record IntakeSubmitted(IntakeCase Case, bool Replayed, IReadOnlyList<string> GuidePaths, IReadOnlyList<string> GuideSubjects);
