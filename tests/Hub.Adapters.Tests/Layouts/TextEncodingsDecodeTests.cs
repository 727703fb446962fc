using System.Text;
using Hub.Adapters.Layouts;

namespace Hub.Adapters.Tests.Layouts;

/// <summary><see cref="TextEncodings.TryDecode"/>'s single-byte shortcut gives exactly what the strict decoder gives, and fails where it fails.</summary>
public sealed class TextEncodingsDecodeTests
{
    private static string? Strict(Encoding encoding, byte[] bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("cp932")]
    [InlineData("euc-jp")]
    public void TryDecode_EveryByteAlone_SameAsStrictDecoder(string name)
    {
        var encoding = TextEncodings.Get(name)!;
        for (var b = 0; b < 256; b++)
        {
            byte[] bytes = [(byte)b];
            Assert.Equal(Strict(encoding, bytes), TextEncodings.TryDecode(encoding, bytes));
        }
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("cp932")]
    [InlineData("euc-jp")]
    public void TryDecode_GeneratedFields_SameAsStrictDecoder(string name)
    {
        var encoding = TextEncodings.Get(name)!;
        var lenient = Encoding.GetEncoding(encoding.CodePage);
        var random = new Random(name.Length);
        string[] pieces = ["0123", "ABC xyz", "ﾔﾏﾀﾞ ﾀﾛｳ", "山田", "\uE000", "~\\", "   "];
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(6)).Select(_ => pieces[random.Next(pieces.Length)]));
            var bytes = lenient.GetBytes(text);
            if (random.Next(4) == 0 && bytes.Length > 0)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256); // possibly not valid any more
            }

            Assert.Equal(Strict(encoding, bytes), TextEncodings.TryDecode(encoding, bytes));
        }
    }
}
