using System.Collections.Concurrent;
using System.Text;

namespace Hub.Adapters.Domain.Vocabulary;

/// <summary>Shared reading of vocabulary input: trims, drops spaces, folds full-width digits and letters.</summary>
internal static class VocabularyText
{
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Finds the value whose code or English name (any case) or Japanese label equals the cleaned text.</summary>
    public static bool TryFind<T>(string? text, IReadOnlyList<T> all, Func<T, (string Code, string Name, string Label)> keys, string term, out T value, out string? error, IReadOnlyDictionary<string, T>? aliases = null)
        where T : struct
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"{term}: empty";
            return false;
        }

        if (Memo<T>.Found.TryGetValue(text, out value))
        {
            error = null;
            return true;
        }

        var s = Clean(text);
        foreach (var item in all)
        {
            var (code, name, label) = keys(item);
            if (string.Equals(s, code, StringComparison.OrdinalIgnoreCase) || string.Equals(s, name, StringComparison.OrdinalIgnoreCase) || s == label)
            {
                value = item;
                error = null;
                Memo<T>.Remember(text, item);
                return true;
            }
        }

        if (aliases is not null && aliases.TryGetValue(s, out value))
        {
            error = null;
            Memo<T>.Remember(text, value);
            return true;
        }

        error = $"{term}: 「{text}」 is not one of {string.Join(", ", all.Select(i => keys(i) is var k && k.Code == k.Name ? k.Label : $"{k.Code} {k.Label}"))}";
        return false;
    }

    // Texts already found, per vocabulary (each vocabulary type has one list and one set of aliases): an export
    // repeats a handful of codes millions of times. Bounded, since the texts come from the source.
    private static class Memo<T>
        where T : struct
    {
        private const int Limit = 4_096;

        public static readonly ConcurrentDictionary<string, T> Found = new(StringComparer.Ordinal);

        public static void Remember(string text, T value)
        {
            if (Found.Count < Limit)
            {
                Found.TryAdd(text, value);
            }
        }
    }
}
