using System.Text;

namespace Hub.Adapters.Tests.Csv;

/// <summary>Generated CSV text and bytes full of what breaks readers: quotes, doubled quotes, commas, CR, LF, CRLF, blank lines, multi-byte characters.</summary>
internal static class CsvInputs
{
    private static readonly string[] Pieces = ["a", "12", "藤田", "ｶﾞ", "𠮷", ",", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\u3000", ",\"x,y\"", "\"q\"\"q\""];

    /// <summary>A record-ish text of up to <paramref name="maxPieces"/> pieces.</summary>
    public static string Text(Random random, int maxPieces)
    {
        var sb = new StringBuilder();
        var n = random.Next(maxPieces + 1);
        for (var i = 0; i < n; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>A whole file: UTF-8 or CP932, with or without a BOM.</summary>
    public static byte[] File(Random random, int maxPieces)
    {
        var text = Text(random, maxPieces);
        return random.Next(4) switch
        {
            0 => Encoding.GetEncoding(932).GetBytes(text.Replace("𠮷", "吉", StringComparison.Ordinal)),
            1 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };
    }
}
