using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Dates;

/// <summary>
/// Dates already parsed during one read, by their text: an export writes the same 生年月日 for many
/// people, and a <see cref="JapaneseEraDate"/> is immutable, so one parsed value serves every row that
/// writes the same text. Bounded, since the texts come from the source; not thread-safe (one per reader).
/// </summary>
internal sealed class EraDateMemo
{
    private const int Limit = 65_536;
    private readonly Dictionary<string, JapaneseEraDate> _parsed = new(StringComparer.Ordinal);

    /// <summary>As <see cref="JapaneseEraDate.TryParse(string?, out JapaneseEraDate?)"/>, answering repeated texts from memory.</summary>
    public bool TryParse(string text, [NotNullWhen(true)] out JapaneseEraDate? date)
    {
        if (_parsed.TryGetValue(text, out date))
        {
            return true;
        }

        if (!JapaneseEraDate.TryParse(text, out date))
        {
            return false;
        }

        if (_parsed.Count < Limit)
        {
            _parsed[text] = date;
        }

        return true;
    }
}
