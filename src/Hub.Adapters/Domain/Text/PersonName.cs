namespace Hub.Adapters.Domain.Text;

/// <summary>
/// 氏名: a name exactly as the source holds it, in 行政事務標準文字 (MJ+): IVS sequences, Private Use
/// Area characters, surrogate pairs and half-width kana are all kept, beside a derived
/// <see cref="SearchKey"/> for searching. Equality is ordinal on <see cref="Original"/>.
/// </summary>
public sealed record PersonName
{
    private PersonName(string original)
    {
        Original = original;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, original[++i]);
                ContainsPrivateUse |= TextScan.IsPrivateUse(codePoint);
                ContainsIvs |= TextScan.IsIvs(codePoint);
                continue;
            }

            ContainsPrivateUse |= TextScan.IsPrivateUse(c);
            ContainsHalfWidthKana |= TextScan.IsHalfWidthKana(c);
            IsWellFormed &= !char.IsSurrogate(c);
        }

        SearchKey = Text.SearchKey.Normalize(original);
    }

    /// <summary>The name exactly as given.</summary>
    public string Original { get; }

    /// <summary>The normalized key (<see cref="Text.SearchKey.Normalize"/>): widths and kana folded, IVS and spaces dropped.</summary>
    public string SearchKey { get; }

    /// <summary>True when the name holds a Private Use Area character (an unmapped 外字 or an MJ character coded there).</summary>
    public bool ContainsPrivateUse { get; }

    /// <summary>True when the name holds an IVS selector (異体字, U+E0100–U+E01EF).</summary>
    public bool ContainsIvs { get; }

    /// <summary>True when the name holds half-width katakana (from a legacy system).</summary>
    public bool ContainsHalfWidthKana { get; }

    /// <summary>False when the name holds a lone surrogate (broken UTF-16 from a bad conversion); the text is kept as given.</summary>
    public bool IsWellFormed { get; } = true;

    /// <summary>Wraps <paramref name="original"/>; throws <see cref="ArgumentException"/> when it is null, empty or only spaces.</summary>
    public static PersonName From(string original)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(original);
        return new PersonName(original);
    }

    /// <summary>True when both names have the same search key (e.g. 「ﾔﾏﾀﾞ ﾀﾛｳ」 and 「ヤマダタロウ」).</summary>
    public bool Matches(PersonName other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(SearchKey, other.SearchKey, StringComparison.Ordinal);
    }

    /// <summary>The original name.</summary>
    public override string ToString() => Original;
}
