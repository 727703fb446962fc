namespace Hub.Demo.City;

/// <summary>A name as written and its reading (full-width katakana).</summary>
internal readonly record struct NamePair(string Text, string Kana)
{
    /// <summary>Parses "佐藤:サトウ,鈴木:スズキ" into pairs.</summary>
    public static NamePair[] ParseList(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(':'))
            .Select(p => new NamePair(p[0], p[1]))];
}
