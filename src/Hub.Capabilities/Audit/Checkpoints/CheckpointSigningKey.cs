using System.Security.Cryptography;
using Hub.Capabilities;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// Loads the checkpoint key from <see cref="CheckpointOptions.SigningKeyFile"/>; in Development without one, generates a
/// P-256 key into <see cref="CheckpointOptions.DevelopmentKeyFile"/> on first use and keeps it (owner-only permissions).
/// </summary>
public static class CheckpointSigningKey
{
    /// <summary>The signer for <paramref name="options"/>.</summary>
    /// <exception cref="HubConfigurationException">The key file is missing, unreadable or not an ECDSA P-256 private key; the message names the setting.</exception>
    public static CheckpointSigner Load(CheckpointOptions options, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.SigningKeyFile;
        var setting = $"{CheckpointOptions.SectionName}:SigningKeyFile";
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!isDevelopment)
            {
                throw new HubConfigurationException($"Setting {setting} is required outside Development.");
            }

            path = CheckpointOptions.DevelopmentKeyFile;
            if (!File.Exists(path))
            {
                Generate(path);
            }
        }

        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HubConfigurationException($"Setting {setting} names a file that cannot be read ({path}): {e.Message}", e);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new HubConfigurationException($"Setting {setting} names a file that holds no ECDSA private key in PEM ({path}).", e);
        }

        if (key.KeySize != 256 || !HasPrivateKey(key))
        {
            key.Dispose();
            throw new HubConfigurationException($"Setting {setting} names a key that is not an ECDSA P-256 private key ({path}).");
        }

        return new CheckpointSigner(options.Origin, key);
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            return key.ExportParameters(includePrivateParameters: true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void Generate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process generated it first: keep theirs.
            File.Delete(temporary);
        }
    }
}
