using System.Globalization;
using System.Text;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>
/// A file adapter's position: per file read, its fingerprint (size and last write time) and the last
/// line or record stored, or <c>end</c> once the file was read through. A file whose fingerprint changed
/// (a new export) is read again from its start; a file read through and unchanged is skipped.
/// Encoded <c>name|size-ticks|line</c> per file, ';'-separated, in name order.
/// </summary>
internal sealed class FileWatermark
{
    public const long End = long.MaxValue;

    private readonly SortedDictionary<string, (string Fingerprint, long Line)> _files = new(StringComparer.Ordinal);

    public static string Fingerprint(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.Length}-{file.LastWriteTimeUtc.Ticks}");

    public static FileWatermark Parse(Watermark watermark)
    {
        var result = new FileWatermark();
        if (watermark.IsStart)
        {
            return result;
        }

        foreach (var entry in watermark.Value.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('|');
            if (parts.Length == 3)
            {
                var line = parts[2] == "end" ? End : long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;
                result._files[parts[0]] = (parts[1], line);
            }
        }

        return result;
    }

    /// <summary>The line to resume after in <paramref name="name"/> (0: from the start; <see cref="End"/>: skip the file).</summary>
    public long ResumeAfter(string name, string fingerprint) =>
        _files.TryGetValue(name, out var e) && e.Fingerprint == fingerprint ? e.Line : 0;

    /// <summary>Keeps only the files still present with the same fingerprint.</summary>
    public void Retain(IReadOnlyDictionary<string, string> present)
    {
        foreach (var name in _files.Keys.ToList())
        {
            if (!present.TryGetValue(name, out var fp) || fp != _files[name].Fingerprint)
            {
                _files.Remove(name);
            }
        }
    }

    public void Set(string name, string fingerprint, long line) => _files[name] = (fingerprint, line);

    public Watermark ToWatermark()
    {
        var sb = new StringBuilder();
        foreach (var (name, (fp, line)) in _files)
        {
            if (sb.Length > 0)
            {
                sb.Append(';');
            }

            sb.Append(name).Append('|').Append(fp).Append('|').Append(line == End ? "end" : line.ToString(CultureInfo.InvariantCulture));
        }

        return new Watermark(sb.ToString());
    }

    public string Describe() =>
        _files.Count == 0 ? "nothing read" : string.Join(", ", _files.Select(f => f.Value.Line == End ? $"{f.Key} read through" : $"{f.Key} up to line {f.Value.Line}"));
}
