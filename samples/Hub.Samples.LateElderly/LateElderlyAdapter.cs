using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Samples.LateElderly;

/// <summary>
/// Reads 後期高齢者医療 資格 (late-stage elderly medical care qualifications) and yields records of <c>lateElderly</c>, a kind
/// declared as data (<c>schemas/records/late-elderly.schema.json</c>). A row that does not fit is rejected with
/// <c>file:line</c> and the column at fault, never its value. The watermark is the file's size and write time: an unchanged
/// export is not read again.
/// </summary>
internal sealed class LateElderlyAdapter(LateElderlyOptions options) : ISourceAdapter
{
    private const string Kind = "lateElderly";
    private const int Columns = 7;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = new FileInfo(options.FilePath);
        if (!file.Exists)
        {
            throw new SourceReadException($"late-elderly: the export {file.Name} does not exist.", isTransient: true);
        }

        var mark = new Watermark(string.Create(CultureInfo.InvariantCulture, $"{file.Length}:{file.LastWriteTimeUtc.Ticks}"));
        if (since == mark)
        {
            yield break;
        }

        using var reader = new StreamReader(file.FullName, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var items = new List<SourceItem>(options.BatchSize);
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (line == 1)
            {
                continue; // header
            }

            items.Add(Item($"{file.Name}:{line}", text));
            if (items.Count == options.BatchSize)
            {
                yield return new SourceBatch(items, Watermark.Start);
                items = new List<SourceItem>(options.BatchSize);
            }
        }

        yield return new SourceBatch(items, mark);
    }

    private static SourceItem Item(string location, string text)
    {
        var raw = Encoding.UTF8.GetBytes(text);
        var cells = text.Split(',');
        if (cells.Length != Columns)
        {
            return SourceItem.Rejected(location, raw, string.Create(CultureInfo.InvariantCulture, $"expected {Columns} columns, found {cells.Length}"));
        }

        var atena = cells[0];
        if (atena.Length == 0 || !atena.All(char.IsAsciiDigit))
        {
            return SourceItem.Rejected(location, raw, "atena_number: not digits");
        }

        if (cells[1].Length != 8 || !cells[1].All(char.IsAsciiDigit))
        {
            return SourceItem.Rejected(location, raw, "insured_number: not 8 digits", atena);
        }

        if (!TryDay(cells[2], out var acquired))
        {
            return SourceItem.Rejected(location, raw, "acquired_on: not a date (yyyymmdd)", atena);
        }

        DateOnly? lost = null;
        if (cells[4].Length > 0)
        {
            if (!TryDay(cells[4], out var l))
            {
                return SourceItem.Rejected(location, raw, "lost_on: not a date (yyyymmdd)", atena);
            }

            lost = l;
        }

        if (!DateTimeOffset.TryParse(cells[6], CultureInfo.InvariantCulture, DateTimeStyles.None, out var updated))
        {
            return SourceItem.Rejected(location, raw, "updated_at: not a timestamp", atena);
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["atenaNumber"] = atena,
            ["insuredNumber"] = cells[1],
            ["acquiredOn"] = acquired,
            ["lostOn"] = lost,
        };

        // The kind's key (x-hub-key: insuredNumber, acquiredOn), as RecordKind.KeyOf writes it.
        var key = string.Create(CultureInfo.InvariantCulture, $"{cells[1]}|{acquired:yyyy-MM-dd}");
        return SourceItem.Accepted(location, raw, new CanonicalGenericRecord { Kind = Kind, Key = key, Values = values, SourceTimestamp = updated });
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
