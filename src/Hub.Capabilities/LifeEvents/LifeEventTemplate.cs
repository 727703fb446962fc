using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Capabilities.LifeEvents;

/// <summary>The reason texts of life-event rules: <c>{fact}</c> placeholders filled from the facts.</summary>
public static partial class LifeEventTemplate
{
    /// <summary>What a placeholder of a fact the request's task may not read is rendered as.</summary>
    public const string Withheld = "（非開示）";

    /// <summary>The facts the placeholders of <paramref name="template"/> name.</summary>
    public static IEnumerable<string> Facts(string? template) =>
        template is null ? [] : Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>
    /// <paramref name="template"/> with each placeholder replaced by its fact's value; a fact absent from
    /// <paramref name="facts"/> (withheld) is rendered as <see cref="Withheld"/>.
    /// </summary>
    public static string Render(string template, IReadOnlyDictionary<string, object?> facts, LifeEventFacts? known = null) =>
        Placeholder().Replace(template, m => facts.TryGetValue(m.Groups[1].Value, out var v)
            ? v switch
            {
                null => "不明",
                bool b => b ? "はい" : "いいえ",
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => v.ToString() ?? string.Empty,
            }
            : (known ?? LifeEventFacts.BuiltIn).Catalog.ContainsKey(m.Groups[1].Value) ? Withheld : m.Value);

    [GeneratedRegex(@"\{([A-Za-z0-9.]+)\}")]
    internal static partial Regex Placeholder();
}
