namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>One signature line of a signed note: <c>— {key name} base64(key ID || signature)</c>.</summary>
/// <param name="KeyName">The signer's key name.</param>
/// <param name="KeyId">The 4-byte key ID (big-endian).</param>
/// <param name="Signature">The signature bytes after the key ID.</param>
public sealed record CheckpointSignature(string KeyName, uint KeyId, byte[] Signature);
