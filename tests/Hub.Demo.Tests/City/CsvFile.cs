using System.Text;

namespace Hub.Demo.Tests.City;

/// <summary>A strict RFC 4180 reader for the tests: fields as written, quotes undone, LF or CRLF rows.</summary>
internal static class CsvFile
{
    public static List<string[]> ReadAll(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Data rows as dictionaries keyed by the header's column names (rows of another width are skipped).</summary>
    public static List<Dictionary<string, string>> ReadRecords(string path)
    {
        var rows = ReadAll(path);
        var header = rows[0];
        return [.. rows.Skip(1).Where(r => r.Length == header.Length).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
