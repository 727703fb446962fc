namespace Hub.Capabilities.Records;

/// <summary>
/// 住民検索 as clerks search: every key given must match. Keys are folded as the stored ones are
/// (<see cref="Hub.Adapters.Domain.Text.SearchKey"/>: width, case, spaces, hiragana/katakana).
/// </summary>
/// <param name="KanaKey">Beginning of 氏名カナ's search key.</param>
/// <param name="NameKey">Beginning of 氏名's search key: kanji, or a foreign resident's legal name in romaji.</param>
/// <param name="AddressPrefix">Beginning of 住所 as written.</param>
/// <param name="BirthDate">A day the 生年月日 can denote.</param>
public sealed record ResidentSearch(string? KanaKey, string? NameKey, string? AddressPrefix, DateOnly? BirthDate)
{
    /// <summary>Beginning of 通称's search key (a foreign resident's registered alias name).</summary>
    public string? AliasKey { get; init; }

    /// <summary>
    /// Include removed residents (消除: 転出, 死亡 …). False leaves them out, which decides on 住民状態
    /// (<c>resident.status</c>): the caller must be allowed to read it.
    /// </summary>
    public bool IncludeRemoved { get; init; }
}
