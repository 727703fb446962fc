using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Hub.Adapters.Csv;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Layouts;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.ResidentRegistry;

/// <summary>
/// Reads the resident registry (住民記録) export: CSV in the demo layout (<c>schemas/adapters/resident-registry.md</c>),
/// UTF-8 unless <see cref="ResidentRegistryCsvOptions.Encoding"/> says otherwise. The watermark is the file's fingerprint
/// and the last line stored, so a run that stopped midway resumes after the last stored batch; a new export starts over.
/// </summary>
public sealed class ResidentRegistryCsvAdapter : ISnapshotSource, ISourceHealth
{
    private readonly ResidentRegistryCsvOptions _options;
    private readonly Encoding _encoding;

    /// <summary>Creates the adapter; throws with every problem of <paramref name="options"/> listed.</summary>
    public ResidentRegistryCsvAdapter(ResidentRegistryCsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid("resident-registry");
        _options = options;
        _encoding = TextEncodings.Get(options.Encoding)!;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<SourceBatch> ReadSnapshotAsync(CancellationToken cancellationToken) => ReadAsync(Watermark.Start, cancellationToken);

    /// <inheritdoc />
    public Task<SourceHealth> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(File.Exists(_options.FilePath)
        ? SourceHealth.Healthy($"resident-registry: {Path.GetFileName(_options.FilePath)} present.")
        : SourceHealth.Unhealthy($"resident-registry: the export {_options.FilePath} does not exist."));

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = new FileInfo(_options.FilePath);
        if (!file.Exists)
        {
            throw new SourceReadException($"resident-registry: the export {_options.FilePath} does not exist.", isTransient: true);
        }
        var fingerprint = string.Create(CultureInfo.InvariantCulture, $"{file.Length}-{file.LastWriteTimeUtc.Ticks}");
        var resumeAfter = ResumeLine(since, fingerprint);
        var name = file.Name;

        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var reader = new CsvRecordReader(stream);
        ResidentRowParser? parser = null;
        var fields = new List<string>(32);
        var items = new List<SourceItem>(_options.BatchSize);
        var expectedColumns = 0;
        var atenaColumn = 0;
        long lastLine = 0;

        await foreach (var record in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lastLine = record.Line;
            if (parser is null)
            {
                (parser, expectedColumns, atenaColumn) = ReadHeader(record, name, fields);
                continue;
            }

            if (record.Line <= resumeAfter)
            {
                continue;
            }

            items.Add(ReadRow(record, name, parser, expectedColumns, atenaColumn, fields));
            if (items.Count >= _options.BatchSize)
            {
                yield return new SourceBatch(items, Mark(fingerprint, lastLine));
                items = new List<SourceItem>(_options.BatchSize);
            }
        }

        if (parser is null)
        {
            throw new SourceReadException($"{name}: the file is empty; a header row was expected (truncated export?).", isTransient: false);
        }

        if (items.Count > 0 || lastLine > resumeAfter)
        {
            yield return new SourceBatch(items, Mark(fingerprint, lastLine));
        }
    }

    private (ResidentRowParser Parser, int Columns, int AtenaColumn) ReadHeader(CsvRecord record, string name, List<string> fields)
    {
        var text = TextEncodings.TryDecode(_encoding, record.Raw)
            ?? throw new SourceReadException($"{name}:{record.Line}: the header is not valid {_options.Encoding}; is the file in another encoding?", isTransient: false);
        if (!CsvFields.TrySplit(text.TrimStart('\uFEFF'), fields, out var error))
        {
            throw new SourceReadException($"{name}:{record.Line}: header: {error}.", isTransient: false);
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            columns[fields[i].Trim()] = i;
        }

        var missing = ResidentCsvColumns.Names.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? throw new SourceReadException($"{name}:{record.Line}: header lacks column(s) {string.Join(", ", missing)}.", isTransient: false)
            : (new ResidentRowParser(columns, _options.VerifyCheckDigits), fields.Count, columns[ResidentCsvColumns.Names[ResidentCsvColumns.AtenaNumber]]);
    }

    private SourceItem ReadRow(CsvRecord record, string name, ResidentRowParser parser, int expectedColumns, int atenaColumn, List<string> fields)
    {
        var location = string.Create(CultureInfo.InvariantCulture, $"{name}:{record.Line}");
        string? csvError;
        if (_encoding is UTF8Encoding)
        {
            if (!Utf8.IsValid(record.Raw))
            {
                return SourceItem.Rejected(location, record.Raw, "row is not valid UTF-8", KeyOf(record.Raw, atenaColumn));
            }

            CsvFields.TrySplitUtf8(record.Raw, fields, out csvError);
        }
        else if (TextEncodings.TryDecode(_encoding, record.Raw) is { } text)
        {
            CsvFields.TrySplit(text, fields, out csvError);
        }
        else
        {
            return SourceItem.Rejected(location, record.Raw, $"row is not valid {_options.Encoding}", KeyOf(record.Raw, atenaColumn));
        }

        if (csvError is not null)
        {
            return SourceItem.Rejected(location, record.Raw, csvError);
        }

        if (fields.Count != expectedColumns)
        {
            return SourceItem.Rejected(location, record.Raw, $"expected {expectedColumns} columns, found {fields.Count}");
        }

        return parser.TryParse(fields, out var resident, out var error, out var key)
            ? SourceItem.Accepted(location, record.Raw, resident!)
            : SourceItem.Rejected(location, record.Raw, error!, key);
    }

    // The 宛名番号 of a row that cannot be decoded, read from its bytes (digits are ASCII in every encoding the hub reads),
    // so that the quarantine entry is closed when the row loads later (a fixed encoding, a corrected export).
    private string? KeyOf(byte[] raw, int atenaColumn) =>
        CsvFields.TryGetAsciiField(raw, atenaColumn, out var text) && AtenaNumber.TryParse(text, _options.VerifyCheckDigits, out var atena, out _) ? atena.Value : null;

    private static long ResumeLine(Watermark since, string fingerprint)
    {
        var parts = since.Value?.Split('|') ?? [];
        return parts.Length == 2 && parts[0] == fingerprint && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0;
    }

    private static Watermark Mark(string fingerprint, long line) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{fingerprint}|{line}"));
}
