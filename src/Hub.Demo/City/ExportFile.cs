using System.Buffers;
using System.Text;

namespace Hub.Demo.City;

/// <summary>
/// One export file being written: UTF-8 without BOM, LF line ends, a buffered writer, a row count
/// (header excluded). CSV fields are quoted per RFC 4180 only when they contain a comma, quote or line
/// break.
/// </summary>
internal sealed class ExportFile : IDisposable
{
    private const int BufferSize = 1 << 16;
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter _writer = StreamWriter.Null;

    public ExportFile(string root, string relativePath, string? header)
    {
        RelativePath = relativePath;
        FullPath = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
        var stream = new FileStream(FullPath, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);
        _writer = new StreamWriter(stream, Utf8NoBom, BufferSize) { NewLine = "\n" };
        if (header is not null)
        {
            _writer.Write(header);
            _writer.Write('\n');
        }
    }

    private ExportFile(string root, string relativePath, int rows)
    {
        RelativePath = relativePath;
        FullPath = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Rows = rows;
    }

    /// <summary>A file written by other means (fixed-width CP932, SQLite), for the manifest.</summary>
    public static ExportFile Written(string root, string relativePath, int rows) => new(root, relativePath, rows);

    /// <summary>Path relative to the output directory, '/' separated.</summary>
    public string RelativePath { get; }

    public string FullPath { get; }

    /// <summary>Data rows written (header excluded).</summary>
    public int Rows { get; private set; }

    public void WriteCsvRow(params ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            WriteField(fields[i]);
        }

        _writer.Write('\n');
        Rows++;
    }

    /// <summary>A line written as is (NDJSON, or a deliberately malformed CSV row).</summary>
    public void WriteLine(string line)
    {
        _writer.Write(line);
        _writer.Write('\n');
        Rows++;
    }

    public static string Quote(string field)
    {
        if (field.AsSpan().IndexOfAny(NeedsQuoting) < 0)
        {
            return field;
        }

        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public void Dispose() => _writer.Dispose();

    private void WriteField(string field)
    {
        if (field.AsSpan().IndexOfAny(NeedsQuoting) < 0)
        {
            _writer.Write(field);
            return;
        }

        _writer.Write(Quote(field));
    }
}
