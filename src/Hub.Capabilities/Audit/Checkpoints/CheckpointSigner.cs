using System.Security.Cryptography;
using System.Text;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>Signs checkpoints with the configured ECDSA P-256 key (SHA-256, DER signature) under the log's origin as key name.</summary>
public sealed class CheckpointSigner
{
    private readonly ECDsa _key;

    /// <summary>Creates the signer; <paramref name="key"/> must be a P-256 private key.</summary>
    public CheckpointSigner(string origin, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("the checkpoint key must be ECDSA P-256", nameof(key));
        }

        Origin = origin;
        _key = key;
        Verifier = CheckpointVerifierKey.From(origin, key);
    }

    /// <summary>The log's origin (also the key name).</summary>
    public string Origin { get; }

    /// <summary>The public half, to publish and to check checkpoints with.</summary>
    public CheckpointVerifierKey Verifier { get; }

    /// <summary>A signed checkpoint of <paramref name="treeSize"/> records with root <paramref name="rootHash"/>, signed at <paramref name="at"/>.</summary>
    public CheckpointNote Sign(long treeSize, byte[] rootHash, DateTimeOffset at)
    {
        var body = CheckpointNote.FormatBody(Origin, treeSize, rootHash, at);
        var signature = _key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return CheckpointNote.Create(body, [new CheckpointSignature(Origin, Verifier.KeyId, signature)]);
    }
}
