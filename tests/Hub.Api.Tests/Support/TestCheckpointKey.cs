using System.Security.Cryptography;

namespace Hub.Api.Tests.Support;

/// <summary>One ECDSA P-256 checkpoint signing key (PEM in a temporary file) for every host and command a test run starts.</summary>
internal static class TestCheckpointKey
{
    private static readonly Lazy<string> Path = new(() =>
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hub-test-checkpoint-key-" + Guid.NewGuid().ToString("N")[..12] + ".pem");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        System.IO.File.WriteAllText(file, key.ExportPkcs8PrivateKeyPem());
        return file;
    });

    /// <summary>The PEM file.</summary>
    public static string File => Path.Value;
}
