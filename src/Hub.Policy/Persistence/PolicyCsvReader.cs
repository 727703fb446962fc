using Hub.Policy.Model;

namespace Hub.Policy.Persistence;

/// <summary>
/// Reads Casbin policy CSV the way Casbin's file adapter does: each line trimmed; empty lines and lines
/// starting with <c>#</c> skipped; fields split on commas with leading spaces trimmed and RFC 4180
/// double quotes (<c>""</c> inside a quoted field is one quote; a bare quote in an unquoted field is an error).
/// </summary>
public static class PolicyCsvReader
{
    /// <summary>Parses policy text into rules, in order. Throws <see cref="PolicyFormatException"/> on a malformed line.</summary>
    public static IReadOnlyList<PolicyRule> Parse(string text, string source = "policy.csv")
    {
        var rules = new List<PolicyRule>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var offset = lines[i].Length - lines[i].TrimStart().Length;
            var fields = SplitLine(line, source, i + 1, offset);
            if (fields.Count == 0 || fields[0].Length == 0)
            {
                throw new PolicyFormatException(source, i + 1, offset + 1, "policy line has no type");
            }

            rules.Add(new PolicyRule(fields[0], fields.Skip(1).ToArray(), i + 1));
        }

        return rules;
    }

    /// <summary>Reads and parses a policy file.</summary>
    public static IReadOnlyList<PolicyRule> Load(string path) => Parse(File.ReadAllText(path), path);

    private static List<string> SplitLine(string line, string source, int lineNumber, int offset)
    {
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new PolicyFormatException(source, lineNumber, offset + i + 1, "extraneous or missing \" in quoted field");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(line[i++]);
                }

                fields.Add(sb.ToString());
                if (i < line.Length && line[i] != ',')
                {
                    throw new PolicyFormatException(source, lineNumber, offset + i + 1, "extraneous or missing \" in quoted field");
                }
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"')
                    {
                        throw new PolicyFormatException(source, lineNumber, offset + i + 1, "bare \" in non-quoted field");
                    }

                    i++;
                }

                fields.Add(line[start..i]);
            }

            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }
}
