using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Hub.Policy.Functions;

/// <summary>Compiled regular expressions shared by the built-in functions, keyed by pattern text.</summary>
internal static class RegexCache
{
    private const int Limit = 10_000;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        if (Cache.Count >= Limit)
        {
            Cache.Clear();
        }

        // Go's RE2 has no backtracking blow-ups; a timeout keeps .NET's engine from hanging on hostile patterns.
        regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Cache[pattern] = regex;
        return regex;
    }
}
