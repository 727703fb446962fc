using System.Security.Cryptography;
using Hub.Capabilities.Audit.Checkpoints;

namespace Hub.Api.Tests.Audit.Checkpoints;

/// <summary>Checkpoints in the C2SP formats: written, read back, signed and verified; altered ones and foreign keys refused; the options' validation.</summary>
public sealed class CheckpointNoteTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 1, 2, 3, 456, TimeSpan.Zero);

    [Fact]
    public void Sign_ThenParse_RoundTripsAndVerifies()
    {
        var signer = new CheckpointSigner("city.example.jp/hub/access-records", ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var root = SHA256.HashData([1, 2, 3]);

        var note = CheckpointNote.Parse(signer.Sign(1234, root, At).Text);

        Assert.Equal("city.example.jp/hub/access-records", note.Origin);
        Assert.Equal(1234, note.TreeSize);
        Assert.Equal(root, note.RootHash);
        Assert.Equal(At, note.SignedAt);
        Assert.Equal($"city.example.jp/hub/access-records\n1234\n{Convert.ToBase64String(root)}\ntime 2026-12-07T01:02:03.456Z\n", note.Body);
        Assert.StartsWith(note.Body + "\n\u2014 city.example.jp/hub/access-records ", note.Text, StringComparison.Ordinal);
        Assert.True(signer.Verifier.Verify(note));
    }

    [Fact]
    public void Verify_AlteredBodyOrAnotherKey_Refused()
    {
        var signer = new CheckpointSigner("city.example.jp/log", ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var other = new CheckpointSigner("city.example.jp/log", ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var text = signer.Sign(10, new byte[32], At).Text;

        Assert.False(signer.Verifier.Verify(CheckpointNote.Parse(text.Replace("\n10\n", "\n11\n", StringComparison.Ordinal))));
        Assert.False(other.Verifier.Verify(CheckpointNote.Parse(text)));
        Assert.True(signer.Verifier.Verify(CheckpointNote.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal))));
    }

    [Fact]
    public void VerifierKey_PrintedThenParsed_SameKeyForEveryKey()
    {
        // Base64 of a public key often holds '+': the parse must split off only the name and the key ID.
        for (var i = 0; i < 30; i++)
        {
            var signer = new CheckpointSigner("city.example.jp/log", ECDsa.Create(ECCurve.NamedCurves.nistP256));
            var parsed = CheckpointVerifierKey.Parse(signer.Verifier.ToString());

            Assert.Equal(signer.Verifier.ToString(), parsed.ToString());
            Assert.Equal(signer.Verifier.KeyId, parsed.KeyId);
            Assert.True(parsed.Verify(signer.Sign(1, new byte[32], At)));
        }
    }

    [Fact]
    public void VerifierKey_KeyIdNotOfItsKey_Refused()
    {
        var key = new CheckpointSigner("city.example.jp/log", ECDsa.Create(ECCurve.NamedCurves.nistP256)).Verifier.ToString();
        var parts = key.Split('+', 3);
        var wrongId = $"{parts[0]}+{(Convert.ToUInt32(parts[1], 16) ^ 1):x8}+{parts[2]}";

        Assert.Throws<CheckpointFormatException>(() => CheckpointVerifierKey.Parse(wrongId));
        Assert.Throws<CheckpointFormatException>(() => CheckpointVerifierKey.Parse("city.example.jp/log+0000"));
    }

    [Theory]
    [InlineData("origin\n12\nnot-base64\n\n\u2014 k AAAAAAAA\n", "root hash")]
    [InlineData("origin\n012\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u2014 k AAAAAAAA\n", "tree size")]
    [InlineData("origin\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "no blank line")]
    [InlineData("origin\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n- k AAAAAAAA\n", "em dash")]
    public void Parse_Malformed_SaysWhichPart(string text, string part)
    {
        var failure = Assert.Throws<CheckpointFormatException>(() => CheckpointNote.Parse(text));

        Assert.Contains(part, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ProductionWithNothingAndBadTimes_EveryProblemListed()
    {
        var options = new CheckpointOptions { Interval = TimeSpan.FromMinutes(2), MaxLag = TimeSpan.FromMinutes(1), Origin = "has space" };

        var problems = options.Validate(isDevelopment: false, "Production");

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:Audit:Checkpoints:SigningKeyFile is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:Audit:Checkpoints:WitnessDirectory or Hub:Audit:Checkpoints:WitnessUrl is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:Audit:Checkpoints:Interval", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:Audit:Checkpoints:MaxLag", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:Audit:Checkpoints:Origin", StringComparison.Ordinal));
        Assert.Empty(new CheckpointOptions().Validate(isDevelopment: true, "Development"));
        Assert.Empty(new CheckpointOptions { Enabled = false }.Validate(isDevelopment: false, "Production"));
    }
}
