using System.Security.Cryptography;
using Hub.Api.Tests.Hosting;

namespace Hub.Api.Tests.Audit.Checkpoints;

/// <summary>The server refuses to start outside Development without a checkpoint key and witness: exit 2, one message naming every setting.</summary>
public sealed class CheckpointStartupTests
{
    [Fact]
    public async Task Startup_ProductionWithoutCheckpointSettings_Exit2NamingEachSetting()
    {
        var dir = Directory.CreateTempSubdirectory("hub-checkpoint-start-").FullName;
        await using var hub = HubProcess.Start(dir, "Production", "--Urls=http://127.0.0.1:0", "--Hub:Demo:SeedWhenEmpty=false",
            $"--Hub:Auth:SigningKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}", "--Hub:Audit:Checkpoints:Interval=00:05:00");

        Assert.Equal(2, await hub.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        var error = hub.StandardError;
        Assert.Contains("hub: Setting Hub:Audit:Checkpoints:SigningKeyFile", error, StringComparison.Ordinal); // one message, the first line prefixed
        Assert.Contains("Hub:Audit:Checkpoints:SigningKeyFile is required in environment 'Production'", error, StringComparison.Ordinal);
        Assert.Contains("Hub:Audit:Checkpoints:WitnessDirectory or Hub:Audit:Checkpoints:WitnessUrl is required", error, StringComparison.Ordinal);
        Assert.Contains("Hub:Audit:Checkpoints:Interval must be between", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "data", "audit", "checkpoint-signing-key.pem"))); // no key is generated outside Development
        Directory.Delete(dir, recursive: true);
    }
}
