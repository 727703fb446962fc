using System.Text;

namespace Hub.Policy.Model;

/// <summary>
/// Reads Casbin's INI-like model format: sections, <c>key = value</c>, <c>#</c>/<c>;</c> comments (whole-line
/// and trailing, outside quotes), and lines continued with a trailing backslash.
/// </summary>
internal static class ModelParser
{
    private static readonly Dictionary<string, string> SectionKeys = new(StringComparer.Ordinal)
    {
        ["request_definition"] = "r",
        ["policy_definition"] = "p",
        ["role_definition"] = "g",
        ["policy_effect"] = "e",
        ["matchers"] = "m",
        ["constraint_definition"] = "c",
    };

    public static PolicyModel Parse(string text, string source)
    {
        var entries = new Dictionary<string, List<ModelEntry>>(StringComparer.Ordinal);
        foreach (var key in SectionKeys.Values)
        {
            entries[key] = [];
        }

        string? section = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var raw = lines[i];
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
            {
                continue;
            }

            if (trimmed[0] == '[')
            {
                var close = trimmed.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new PolicyFormatException(source, lineNumber, raw.IndexOf('[', StringComparison.Ordinal) + 1, "section header is missing ']'");
                }

                var name = trimmed[1..close].Trim();
                if (!SectionKeys.TryGetValue(name, out section))
                {
                    throw new PolicyFormatException(source, lineNumber, raw.IndexOf(name, StringComparison.Ordinal) + 1, $"unknown section '{name}'");
                }

                continue;
            }

            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new PolicyFormatException(source, lineNumber, raw.Length - raw.TrimStart().Length + 1, "expected 'key = value'");
            }

            if (section is null)
            {
                throw new PolicyFormatException(source, lineNumber, 1, "entry outside any section");
            }

            var key = raw[..equals].Trim();
            var after = raw[(equals + 1)..];
            var valueColumn = equals + 2 + (after.Length - after.TrimStart().Length);
            var value = new StringBuilder(raw[(equals + 1)..]);
            while (EndsWithContinuation(value) && i + 1 < lines.Length)
            {
                var joined = value.ToString().TrimEnd();
                value.Clear().Append(joined[..^1].TrimEnd()).Append(' ').Append(lines[++i].Trim());
            }

            var cleaned = StripComment(value.ToString()).Trim();
            if (key.Length == 0 || key[0].ToString() != section || !IsKeySuffix(key.AsSpan(1)))
            {
                throw new PolicyFormatException(source, lineNumber, raw.Length - raw.TrimStart().Length + 1, $"key '{key}' does not belong in this section (expected '{section}', '{section}2' …)");
            }

            entries[section].Add(new ModelEntry(key, cleaned, lineNumber, valueColumn));
        }

        return Build(entries, source, text);
    }

    private static PolicyModel Build(Dictionary<string, List<ModelEntry>> entries, string source, string text)
    {
        foreach (var required in new[] { ("r", "request_definition"), ("p", "policy_definition"), ("e", "policy_effect"), ("m", "matchers") })
        {
            if (entries[required.Item1].Count == 0)
            {
                throw new PolicyFormatException(source, 0, 0, $"missing required section [{required.Item2}]");
            }
        }

        var requests = entries["r"].ToDictionary(e => e.Key, e => Tokens(e, source), StringComparer.Ordinal);
        var policies = entries["p"].ToDictionary(e => e.Key, e => Tokens(e, source), StringComparer.Ordinal);
        var roles = entries["g"].ToDictionary(e => e.Key, e => Role(e, source), StringComparer.Ordinal);
        return new PolicyModel(
            source,
            requests,
            policies,
            roles,
            entries["e"].ToDictionary(e => e.Key, StringComparer.Ordinal),
            entries["m"].ToDictionary(e => e.Key, StringComparer.Ordinal),
            entries["c"].ToDictionary(e => e.Key, StringComparer.Ordinal),
            text);
    }

    private static IReadOnlyList<string> Tokens(ModelEntry entry, string source)
    {
        var tokens = entry.Value.Split(',').Select(t => t.Trim()).ToArray();
        foreach (var token in tokens)
        {
            if (token.Length == 0 || !token.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                throw new PolicyFormatException(source, entry.Line, entry.ValueColumn, $"'{entry.Key}' has an invalid token '{token}'");
            }
        }

        return tokens;
    }

    private static RoleDefinition Role(ModelEntry entry, string source)
    {
        var value = entry.Value;
        var open = value.IndexOf('(', StringComparison.Ordinal);
        var plain = open < 0 ? value : value[..open];
        var conditions = 0;
        if (open >= 0)
        {
            var close = value.IndexOf(')', open);
            if (close < 0)
            {
                throw new PolicyFormatException(source, entry.Line, entry.ValueColumn + open, "role condition part is missing ')'");
            }

            conditions = value[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        var arity = plain.Split(',').Count(p => p.Trim() == "_");
        if (arity < 2)
        {
            throw new PolicyFormatException(source, entry.Line, entry.ValueColumn, $"role definition '{entry.Key}' needs at least two places ('_, _')");
        }

        return new RoleDefinition(entry.Key, arity, conditions);
    }

    private static bool IsKeySuffix(ReadOnlySpan<char> suffix)
    {
        foreach (var c in suffix)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWithContinuation(StringBuilder value)
    {
        var s = value.ToString().TrimEnd();
        return s.EndsWith('\\');
    }

    /// <summary>Removes a trailing <c>#</c> or <c>;</c> comment that is not inside a quoted string.</summary>
    internal static string StripComment(string value)
    {
        char quote = '\0';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '#' or ';')
            {
                return value[..i];
            }
        }

        return value;
    }
}
