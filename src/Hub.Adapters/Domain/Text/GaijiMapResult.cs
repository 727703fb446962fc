namespace Hub.Adapters.Domain.Text;

/// <summary>外字変換結果: the mapped text and the characters that could not be mapped (kept in the text, never replaced by '?').</summary>
/// <param name="Text">The text with every mapped 外字 replaced by its Unicode string.</param>
/// <param name="Unmapped">Private Use Area characters without a mapping, U+FFFD left by a decoder, lone surrogates.</param>
public sealed record GaijiMapResult(string Text, IReadOnlyList<UnmappedCharacter> Unmapped)
{
    /// <summary>True when every character could be mapped.</summary>
    public bool IsComplete => Unmapped.Count == 0;
}
