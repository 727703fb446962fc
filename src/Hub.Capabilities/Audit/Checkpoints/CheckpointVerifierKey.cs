using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// The public half of the checkpoint key as a C2SP verifier key (c2sp.org/signed-note, signature type 0x02, ECDSA):
/// <c>{name}+{key ID, 8 hex digits}+{base64(0x02 || DER SubjectPublicKeyInfo)}</c>, the key ID being the first four
/// bytes of SHA-256 of the DER public key. One line the city publishes, so anyone can check a checkpoint offline.
/// </summary>
public sealed class CheckpointVerifierKey
{
    /// <summary>The signed-note signature type of ECDSA.</summary>
    public const byte EcdsaType = 0x02;

    private readonly ECDsa _key;
    private readonly byte[] _subjectPublicKeyInfo;

    private CheckpointVerifierKey(string name, byte[] subjectPublicKeyInfo)
    {
        Name = name;
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        _key = ECDsa.Create();
        _key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        KeyId = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(subjectPublicKeyInfo));
    }

    /// <summary>The key name (the log's origin).</summary>
    public string Name { get; }

    /// <summary>The key ID.</summary>
    public uint KeyId { get; }

    /// <summary>The verifier key of <paramref name="key"/>'s public half under <paramref name="name"/>.</summary>
    public static CheckpointVerifierKey From(string name, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new CheckpointVerifierKey(name, key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Parses a verifier key line.</summary>
    /// <exception cref="CheckpointFormatException">It is not an ECDSA P-256 verifier key, or its key ID does not match its key.</exception>
    public static CheckpointVerifierKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Name and key ID first; the base64 key may itself hold '+'.
        var parts = text.Trim().Split('+', 3);
        byte[] key;
        try
        {
            key = parts.Length == 3 ? Convert.FromBase64String(parts[2]) : [];
        }
        catch (FormatException)
        {
            key = [];
        }

        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length != 8 || key.Length < 2 || key[0] != EcdsaType)
        {
            throw new CheckpointFormatException("a verifier key is name+keyid+base64(0x02 || public key), the keyid 8 hex digits");
        }

        CheckpointVerifierKey parsed;
        try
        {
            parsed = new CheckpointVerifierKey(parts[0], key[1..]);
        }
        catch (CryptographicException)
        {
            throw new CheckpointFormatException("the verifier key's public key is not a DER SubjectPublicKeyInfo of an ECDSA key");
        }

        if (parsed._key.KeySize != 256)
        {
            throw new CheckpointFormatException("the verifier key is not a P-256 key");
        }

        if (!uint.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id) || id != parsed.KeyId)
        {
            throw new CheckpointFormatException("the verifier key's key ID does not match its public key");
        }

        return parsed;
    }

    /// <summary>Whether <paramref name="note"/> carries a valid signature by this key (a signature line with this name and key ID that verifies).</summary>
    public bool Verify(CheckpointNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var line = note.Signatures.FirstOrDefault(s => s.KeyName == Name && s.KeyId == KeyId);
        return line is not null && _key.VerifyData(note.SignedBytes(), line.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The verifier key line.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}+{KeyId:x8}+{Convert.ToBase64String([EcdsaType, .. _subjectPublicKeyInfo])}");
}
