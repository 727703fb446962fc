using System.Globalization;

namespace Hub.Adapters.Domain.Text;

/// <summary>未登録外字: a character <see cref="GaijiTable.Map"/> could not map, kept as-is in the text.</summary>
/// <param name="Index">UTF-16 index in the input text.</param>
/// <param name="CodePoint">The code point (a lone surrogate is reported as itself).</param>
public readonly record struct UnmappedCharacter(int Index, int CodePoint)
{
    /// <summary>「U+E001 at 3」, for quarantine reasons.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"U+{CodePoint:X4} at {Index}");
}
