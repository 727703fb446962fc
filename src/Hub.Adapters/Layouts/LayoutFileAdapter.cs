using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Hub.Adapters.Csv;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>
/// Reads any CSV or fixed-width export described by a <see cref="LayoutDefinition"/> and yields canonical
/// records of the layout's kind: no code per vendor. Every record is accepted or rejected (with its bytes,
/// <c>file:line</c> and the field at fault); a file that cannot be read at all (empty where a header is
/// expected, header lacking columns) throws <see cref="SourceReadException"/>.
/// </summary>
/// <remarks>
/// The watermark holds, per file, its fingerprint and the last line stored (<see cref="Describe"/>): a run
/// that stopped resumes after the last stored batch, an unchanged file read through is skipped, and a new
/// export (another size or write time) is read again from the start. Batches never span files.
/// </remarks>
public sealed class LayoutFileAdapter : ISnapshotSource, ISourceHealth
{
    private readonly LayoutDefinition _layout;
    private readonly LayoutFileOptions _options;
    private readonly RecordMapping _mapping;
    private readonly Encoding _encoding;
    private readonly TimeSpan _offset;
    private readonly bool _verifyCheckDigits;
    private GaijiTable? _gaiji;

    /// <summary>Creates the adapter; throws <see cref="AdapterOptionsException"/> listing every problem of the options and layout.</summary>
    public LayoutFileAdapter(LayoutFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(options.Layout?.Name ?? Path.GetFileName(options.LayoutPath) ?? "layout");
        _options = options;
        _layout = options.ResolveLayout();
        _mapping = LayoutLoader.Mapping(_layout.RecordKind, options.Catalog, [])!;
        _encoding = TextEncodings.Get(_layout.Encoding)!;
        _offset = TimeSpan.Parse(_layout.TimeZone.TrimStart('+'), CultureInfo.InvariantCulture);
        _verifyCheckDigits = options.VerifyCheckDigits ?? _layout.VerifyCheckDigits;
    }

    /// <summary>The layout read.</summary>
    public LayoutDefinition Layout => _layout;

    /// <summary>The files this adapter reads now, in order.</summary>
    public IReadOnlyList<FileInfo> Files()
    {
        if (File.Exists(_options.DataPath))
        {
            return [new FileInfo(_options.DataPath)];
        }

        if (!Directory.Exists(_options.DataPath))
        {
            throw new SourceReadException($"{_layout.Name}: the export {_options.DataPath} does not exist.", isTransient: true);
        }

        return new DirectoryInfo(_options.DataPath).EnumerateFiles()
            .Where(f => FileSystemName.MatchesSimpleExpression(_layout.FilePattern, f.Name, ignoreCase: false))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The position a watermark stands for, in words.</summary>
    public static string Describe(Watermark watermark) => FileWatermark.Parse(watermark).Describe();

    /// <inheritdoc />
    public IAsyncEnumerable<SourceBatch> ReadSnapshotAsync(CancellationToken cancellationToken) => ReadAsync(Watermark.Start, cancellationToken);

    /// <inheritdoc />
    public Task<SourceHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var files = Files();
            return Task.FromResult(files.Count == 0
                ? SourceHealth.Unhealthy($"{_layout.Name}: no file matching {_layout.FilePattern} in the export folder.")
                : SourceHealth.Healthy($"{_layout.Name}: {files.Count} file(s), {files.Sum(f => f.Length)} bytes."));
        }
        catch (SourceReadException ex)
        {
            return Task.FromResult(SourceHealth.Unhealthy(ex.Message));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = Files();
        var mark = FileWatermark.Parse(since);
        mark.Retain(files.ToDictionary(f => f.Name, FileWatermark.Fingerprint, StringComparer.Ordinal));
        var gaiji = _gaiji ??= LoadGaiji(files);

        foreach (var file in files)
        {
            var fingerprint = FileWatermark.Fingerprint(file);
            var resumeAfter = mark.ResumeAfter(file.Name, fingerprint);
            if (resumeAfter == FileWatermark.End)
            {
                continue;
            }

            var items = new List<SourceItem>(Math.Min(_options.BatchSize, 4096));
            long lastLine = resumeAfter;
            await foreach (var (line, item) in ReadFileAsync(file, resumeAfter, gaiji, cancellationToken).ConfigureAwait(false))
            {
                lastLine = line;
                if (item is null)
                {
                    continue;
                }

                items.Add(item);
                if (items.Count >= _options.BatchSize)
                {
                    mark.Set(file.Name, fingerprint, lastLine);
                    yield return new SourceBatch(items, mark.ToWatermark());
                    items = new List<SourceItem>(Math.Min(_options.BatchSize, 4096));
                }
            }

            mark.Set(file.Name, fingerprint, FileWatermark.End);
            yield return new SourceBatch(items, mark.ToWatermark());
        }
    }

    private GaijiTable LoadGaiji(IReadOnlyList<FileInfo> files)
    {
        var path = _options.GaijiTablePath;
        if (path is null && _layout.GaijiTable is { } relative)
        {
            var folder = Directory.Exists(_options.DataPath) ? _options.DataPath : files.Count > 0 ? files[0].DirectoryName! : ".";
            path = Path.Combine(folder, relative);
        }

        if (path is null)
        {
            return GaijiTable.Empty;
        }

        try
        {
            return GaijiTable.Load(path);
        }
        catch (Exception ex) when (ex is IOException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            throw new SourceReadException($"{_layout.Name}: the 外字 table {Path.GetFileName(path)} cannot be read: {ex.Message}", isTransient: false, ex);
        }
    }

    /// <summary>Each record after <paramref name="resumeAfter"/> with its line; header lines give a null item.</summary>
    private async IAsyncEnumerable<(long Line, SourceItem? Item)> ReadFileAsync(FileInfo file, long resumeAfter, GaijiTable gaiji, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var fixedWidth = _layout.Format == "fixed-width";
        var records = fixedWidth
            ? FixedWidthRecordReader.ReadAsync(stream, _layout.RecordLength!.Value, _layout.LineEnd != "none", ct)
            : new CsvRecordReader(stream).ReadAsync(ct);

        RecordConverter? converter = null;
        var cells = new List<string>(32);
        var expectedColumns = 0;
        var first = true;
        await foreach (var record in records.ConfigureAwait(false))
        {
            var raw = record.Raw;
            var bytes = (ReadOnlySpan<byte>)raw;
            if (first && bytes.StartsWith(Utf8Bom) && _encoding is UTF8Encoding)
            {
                bytes = bytes[3..];
            }

            var location = string.Create(CultureInfo.InvariantCulture, $"{file.Name}:{record.Line}");
            if (fixedWidth)
            {
                first = false;
                converter ??= Converter(null, gaiji, file.Name);
                if (record.Line <= resumeAfter)
                {
                    continue;
                }

                yield return (record.Line, FixedWidthItem(converter, location, raw, bytes));
                continue;
            }

            if (first && _layout.Header && !fixedWidth)
            {
                first = false;
                var header = TextEncodings.TryDecode(_encoding, bytes)
                    ?? throw new SourceReadException($"{location}: the header is not valid {_layout.Encoding}; is the file in another encoding?", isTransient: false);
                if (!CsvFields.TrySplit(header, cells, out var headerError))
                {
                    throw new SourceReadException($"{location}: header: {headerError}.", isTransient: false);
                }

                expectedColumns = cells.Count;
                converter = Converter(cells.Select(c => c.Trim()).ToList(), gaiji, file.Name);
                yield return (record.Line, null);
                continue;
            }

            first = false;
            converter ??= Converter(null, gaiji, file.Name);
            if (record.Line <= resumeAfter)
            {
                continue;
            }

            yield return (record.Line, CsvItem(converter, location, raw, bytes, cells, expectedColumns));
        }

        if (first && _layout.Header && !fixedWidth)
        {
            throw new SourceReadException($"{file.Name}: the file is empty; a header row was expected (truncated export?).", isTransient: false);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private SourceItem CsvItem(RecordConverter converter, string location, byte[] raw, ReadOnlySpan<byte> bytes, List<string> cells, int expectedColumns)
    {
        if (!TrySplit(bytes, cells, out var csvError))
        {
            return SourceItem.Rejected(location, raw, csvError);
        }

        var needed = expectedColumns > 0 ? expectedColumns : converter.Fields.Max(f => f.Index ?? 0);
        if (expectedColumns > 0 ? cells.Count != expectedColumns : cells.Count < needed)
        {
            return SourceItem.Rejected(location, raw, string.Create(CultureInfo.InvariantCulture, $"expected {needed} columns, found {cells.Count}"));
        }

        var texts = new string?[converter.Fields.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = cells[converter.Fields[i].Index!.Value - 1];
        }

        return converter.Convert(location, raw, texts);
    }

    /// <summary>Splits a record into <paramref name="cells"/>; UTF-8 is split as bytes and each field decoded alone, other encodings are decoded whole first.</summary>
    private bool TrySplit(ReadOnlySpan<byte> bytes, List<string> cells, [NotNullWhen(false)] out string? error)
    {
        if (_encoding is UTF8Encoding)
        {
            if (!Utf8.IsValid(bytes))
            {
                error = $"row is not valid {_layout.Encoding}";
                return false;
            }

            return CsvFields.TrySplitUtf8(bytes, cells, out error);
        }

        var text = TextEncodings.TryDecode(_encoding, bytes);
        if (text is null)
        {
            error = $"row is not valid {_layout.Encoding}";
            return false;
        }

        return CsvFields.TrySplit(text, cells, out error);
    }

    private SourceItem FixedWidthItem(RecordConverter converter, string location, byte[] raw, ReadOnlySpan<byte> bytes)
    {
        var length = _layout.RecordLength!.Value;
        if (bytes.Length != length)
        {
            return SourceItem.Rejected(location, raw, string.Create(CultureInfo.InvariantCulture,
                $"record is {bytes.Length} bytes; the layout's records are {length} bytes{(bytes.Length < length ? " (truncated?)" : string.Empty)}"));
        }

        var texts = new string?[converter.Fields.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            var f = converter.Fields[i];
            texts[i] = TextEncodings.TryDecode(_encoding, bytes.Slice(f.Offset, f.Length));
        }

        return converter.Convert(location, raw, texts);
    }

    private RecordConverter Converter(List<string>? header, GaijiTable gaiji, string fileName)
    {
        var fields = new List<CompiledField>(_layout.Fields.Count);
        var missing = new List<string>();
        foreach (var f in _layout.Fields)
        {
            var index = f.Index;
            if (index is null && f.Column is not null && header is not null)
            {
                var at = header.IndexOf(f.Column);
                if (at < 0)
                {
                    missing.Add(f.Column);
                }

                index = at + 1;
            }

            var codes = f.Codes is null ? null : _layout.CodeTables[f.Codes];
            var kind = _mapping.Fields[f.Field];
            var form = f.Form ?? (kind == FieldKind.EraDate ? "any" : null);
            var trim = f.Trim ?? (_layout.Format == "fixed-width" ? "both" : "none");
            fields.Add(new CompiledField(f.Field, kind, form, codes, trim, f.Column, index, f.Offset ?? 0, f.Length ?? 0));
        }

        if (missing.Count > 0)
        {
            throw new SourceReadException($"{fileName}:1: the header lacks column(s) {string.Join(", ", missing)} required by layout {_layout.Name}.", isTransient: false);
        }

        return new RecordConverter(_mapping, fields, gaiji, _verifyCheckDigits, _offset);
    }
}
