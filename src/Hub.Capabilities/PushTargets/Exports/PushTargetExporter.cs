using System.Text;
using System.Text.Json;
using Hub.Capabilities.Audit;
using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Capabilities.Requests;
using Hub.Policy.Masks;

namespace Hub.Capabilities.PushTargets.Exports;

/// <summary>
/// Streams a saved push-target list as CSV or NDJSON with only the fields the caller's task may
/// <c>extract</c>. Before the first byte it writes ONE access record naming every resident of the export
/// (a first pass over 宛名番号 only); the row pass then releases only residents that record names, so a
/// resident who joined the selection between the passes is held back rather than released unrecorded.
/// </summary>
public sealed class PushTargetExporter(PushTargetQuery query, IAccessRecordWriter records)
{
    private const int FlushEvery = 1000;

    public async Task<PushTargetExportResult> ExportAsync(
        PushTargetDefinition definition,
        FieldMask mask,
        HubRequestContext context,
        Stream output,
        PushTargetExportFormat format,
        DateOnly? asOf,
        CancellationToken cancellationToken)
    {
        if (!string.Equals(context.Task, definition.Task, StringComparison.Ordinal))
        {
            throw new PushTargetExportForbiddenException($"The list '{definition.Id}' is extracted under the task '{definition.Task}', not '{context.Task}'.");
        }

        // A list filtered on a field discloses it for every resident on it: the criteria's fields need 'extract' too.
        var criteriaPaths = CriterionPaths.Of(definition.Criteria);
        if (criteriaPaths.FirstOrDefault(p => !mask.Allows(p, FieldAction.Extract)) is { } forbidden)
        {
            throw new PushTargetExportForbiddenException($"The list '{definition.Id}' selects on {forbidden}, which the task '{context.Task}' may not extract.");
        }

        var fields = PushTargetFields.All.Where(f => mask.Allows(f.Path, FieldAction.Extract)).ToList();
        if (fields.Count == 0)
        {
            throw new PushTargetExportForbiddenException($"The task '{context.Task}' may not extract any field of a push-target list for '{context.UserId}'.");
        }

        var date = asOf ?? query.Today;
        var subjects = new List<string>();
        await foreach (var atena in query.StreamAtenaNumbersAsync(definition.Criteria, date, cancellationToken).ConfigureAwait(false))
        {
            subjects.Add(atena);
        }

        var paths = fields.Select(f => f.Path).Union(criteriaPaths, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var record = await records.AppendAsync(context, new AccessEntry([$"export:push-targets/{definition.Id}"], subjects, paths, MyNumberUsed: false), mask.Version, cancellationToken).ConfigureAwait(false);
        var named = new HashSet<string>(subjects, StringComparer.Ordinal);

        long written = 0;
        await using var text = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        if (format == PushTargetExportFormat.Csv)
        {
            await text.WriteLineAsync(string.Join(',', fields.Select(f => f.Column).Append("age_uncertain"))).ConfigureAwait(false);
        }

        await foreach (var row in query.StreamAsync(definition.Criteria, date, cancellationToken).ConfigureAwait(false))
        {
            if (!named.Contains(row.AtenaNumber))
            {
                continue;
            }

            await text.WriteLineAsync(format == PushTargetExportFormat.Csv ? CsvLine(fields, row) : JsonLine(fields, row)).ConfigureAwait(false);
            if (++written % FlushEvery == 0)
            {
                await text.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new PushTargetExportResult(written, [.. fields.Select(f => f.Path)], record.Sequence);
    }

    private static string CsvLine(List<(string Path, string Column, Func<PushTargetRow, string?> Value)> fields, PushTargetRow row)
    {
        var line = new StringBuilder();
        foreach (var field in fields)
        {
            var value = field.Value(row) ?? string.Empty;
            line.Append(value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value).Append(',');
        }

        return line.Append(row.AgeUncertain ? "true" : "false").ToString();
    }

    private static string JsonLine(List<(string Path, string Column, Func<PushTargetRow, string?> Value)> fields, PushTargetRow row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var field in fields)
            {
                json.WriteString(field.Path[(field.Path.LastIndexOf('.') + 1)..], field.Value(row));
            }

            json.WriteBoolean("ageUncertain", row.AgeUncertain);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Format from <c>?format=</c> (csv, ndjson) or the Accept header; CSV by default.</summary>
    public static PushTargetExportFormat? ParseFormat(string? format, string? accept) =>
        format?.ToLowerInvariant() switch
        {
            "csv" => PushTargetExportFormat.Csv,
            "ndjson" or "jsonl" => PushTargetExportFormat.Ndjson,
            null or "" => accept is not null && (accept.Contains("ndjson", StringComparison.OrdinalIgnoreCase) || accept.Contains("jsonl", StringComparison.OrdinalIgnoreCase))
                ? PushTargetExportFormat.Ndjson
                : PushTargetExportFormat.Csv,
            _ => null,
        };

    /// <summary>The content type of <paramref name="format"/>.</summary>
    public static string ContentType(PushTargetExportFormat format) =>
        format == PushTargetExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
}
