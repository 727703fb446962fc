using Hub.Capabilities.Records;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>
/// One value a field held (項目の履歴): from when (business time, the 異動日 of the change that brought it) until the next
/// value, when the hub recorded it, and from which system. Consecutive versions of the record that hold the same value
/// of this field are one entry: a version made by a change of another field must not show in this field's history.
/// </summary>
/// <param name="AtenaNumber">宛名番号 of the resident.</param>
/// <param name="Value">The value as text.</param>
/// <param name="Uncertain">A partly unknown or off-calendar date.</param>
/// <param name="ValidFrom">Business time the value started (from resident.changeDate of the change).</param>
/// <param name="ValidTo">Business time the next value started; null for the latest value.</param>
/// <param name="RecordedAt">When the hub recorded the value.</param>
/// <param name="SupersededAt">When the hub recorded the next value; null for the latest.</param>
/// <param name="SourceSystem">取得元システム.</param>
internal sealed record FieldVersion(string AtenaNumber, string? Value, bool Uncertain, DateTime ValidFrom, DateTime? ValidTo, DateTime RecordedAt, DateTime? SupersededAt, string SourceSystem)
{
    /// <summary>The catalog path business times come from: showing them discloses it.</summary>
    public const string BusinessTimePath = "resident.changeDate";

    /// <summary>The values of <paramref name="path"/> across <paramref name="versions"/> (oldest first), one entry per value.</summary>
    public static IReadOnlyList<FieldVersion> Of(string path, IReadOnlyList<ResidentRecord> versions)
    {
        var runs = new List<(CatalogValue Value, ResidentRecord First)>();
        foreach (var version in versions)
        {
            var value = CatalogValues.Read(path, version);
            if (runs.Count == 0 || runs[^1].Value.Text != value.Text || runs[^1].Value.Uncertain != value.Uncertain)
            {
                runs.Add((value, version));
            }
        }

        return [.. runs.Select((run, i) =>
        {
            var next = i + 1 < runs.Count ? runs[i + 1].First : null;
            return new FieldVersion(run.First.AtenaNumber, run.Value.Text, run.Value.Uncertain, run.First.ValidFrom, next?.ValidFrom, run.First.RecordedAt, next?.RecordedAt, run.First.SourceSystem);
        })];
    }
}
