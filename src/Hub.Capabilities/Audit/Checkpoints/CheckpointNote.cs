using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// A signed checkpoint (署名付きチェックポイント) in the C2SP formats (c2sp.org/tlog-checkpoint inside
/// c2sp.org/signed-note):
/// <code>
/// municipalhub.local/access-records      origin
/// 1234                                   tree size
/// 3Tz4X…=                                root hash, base64
/// time 2026-12-07T01:02:03.456Z          extension line: when it was signed
///
/// — municipalhub.local/access-records BASE64(key ID || ECDSA signature)
/// </code>
/// The signature covers the body (the lines before the blank line, with their final newline).
/// </summary>
public sealed class CheckpointNote
{
    private const string SignaturePrefix = "\u2014 ";
    private const string TimePrefix = "time ";

    private CheckpointNote(string origin, long treeSize, byte[] rootHash, DateTimeOffset? signedAt, string body, IReadOnlyList<CheckpointSignature> signatures)
    {
        Origin = origin;
        TreeSize = treeSize;
        RootHash = rootHash;
        SignedAt = signedAt;
        Body = body;
        Signatures = signatures;
    }

    /// <summary>The log's name.</summary>
    public string Origin { get; }

    /// <summary>Records the checkpoint covers.</summary>
    public long TreeSize { get; }

    /// <summary>MTH of those records (32 bytes).</summary>
    public byte[] RootHash { get; }

    /// <summary>When it was signed, from the <c>time</c> extension line (absent in checkpoints of other logs).</summary>
    public DateTimeOffset? SignedAt { get; }

    /// <summary>The signed text, ending in a newline.</summary>
    public string Body { get; }

    /// <summary>The signature lines.</summary>
    public IReadOnlyList<CheckpointSignature> Signatures { get; }

    /// <summary>The whole note as written to the witness.</summary>
    public string Text => Body + "\n" + string.Concat(Signatures.Select(s => SignaturePrefix + s.KeyName + " " + Convert.ToBase64String(Encode(s)) + "\n"));

    /// <summary>The body of a checkpoint of <paramref name="treeSize"/> records with root <paramref name="rootHash"/>, signed at <paramref name="signedAt"/>.</summary>
    public static string FormatBody(string origin, long treeSize, ReadOnlySpan<byte> rootHash, DateTimeOffset signedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{origin}\n{treeSize}\n{Convert.ToBase64String(rootHash)}\n{TimePrefix}{signedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\n");

    /// <summary>A note from its body and signatures.</summary>
    public static CheckpointNote Create(string body, IReadOnlyList<CheckpointSignature> signatures) => Parse(body + "\n" + string.Concat(signatures.Select(s => SignaturePrefix + s.KeyName + " " + Convert.ToBase64String(Encode(s)) + "\n")));

    /// <summary>Parses a signed checkpoint.</summary>
    /// <exception cref="CheckpointFormatException">It is not one; the message says which part.</exception>
    public static CheckpointNote Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Length > 16_384)
        {
            throw new CheckpointFormatException("a checkpoint is at most 16 KB");
        }

        if (text.Any(c => c < ' ' && c != '\n'))
        {
            throw new CheckpointFormatException("a checkpoint holds no control characters but newlines");
        }

        var split = text.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new CheckpointFormatException("no blank line between the checkpoint's text and its signatures");
        }

        var body = text[..(split + 1)];
        var signatures = new List<CheckpointSignature>();
        foreach (var line in text[(split + 2)..].Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                throw new CheckpointFormatException("a signature line must start with an em dash and a space");
            }

            var parts = line[SignaturePrefix.Length..].Split(' ');
            byte[] bytes;
            try
            {
                bytes = parts.Length == 2 ? Convert.FromBase64String(parts[1]) : [];
            }
            catch (FormatException)
            {
                bytes = [];
            }

            if (parts.Length != 2 || parts[0].Length == 0 || bytes.Length < 5)
            {
                throw new CheckpointFormatException("a signature line is: em dash, space, key name, space, base64 of key ID and signature");
            }

            signatures.Add(new CheckpointSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]));
        }

        if (signatures.Count == 0)
        {
            throw new CheckpointFormatException("the checkpoint carries no signature");
        }

        var lines = body[..^1].Split('\n');
        if (lines.Length < 3 || lines.Any(l => l.Length == 0))
        {
            throw new CheckpointFormatException("a checkpoint's text is at least three non-empty lines: origin, tree size, root hash");
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || (lines[1].Length > 1 && lines[1][0] == '0'))
        {
            throw new CheckpointFormatException("the second line (tree size) is not a decimal number without leading zeros");
        }

        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            root = [];
        }

        if (root.Length != 32)
        {
            throw new CheckpointFormatException("the third line (root hash) is not the base64 of 32 bytes");
        }

        DateTimeOffset? signedAt = null;
        foreach (var extension in lines.Skip(3))
        {
            if (extension.StartsWith(TimePrefix, StringComparison.Ordinal)
                && DateTimeOffset.TryParseExact(extension[TimePrefix.Length..], "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                signedAt = time;
            }
        }

        return new CheckpointNote(lines[0], size, root, signedAt, body, signatures);
    }

    /// <summary>A one-line description: origin, size, root (base64) and time.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Origin} size {TreeSize} root {Convert.ToBase64String(RootHash)}{(SignedAt is { } t ? $" signed {t.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}" : string.Empty)}");

    private static byte[] Encode(CheckpointSignature signature)
    {
        var bytes = new byte[4 + signature.Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, signature.KeyId);
        signature.Signature.CopyTo(bytes, 4);
        return bytes;
    }

    /// <summary>The UTF-8 bytes the signatures cover.</summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(Body);
}
