using Hub.Sync.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Sync.Tests.Resilience;

public sealed class SourceResilienceOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblem() => Assert.Empty(new SourceResilienceOptions().Validate());

    [Fact]
    public void ThrowIfInvalid_SeveralBadSettings_OneMessageListsEveryProblem()
    {
        var options = new SourceResilienceOptions { MaxRetryAttempts = -1, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromDays(2) };

        var e = Assert.Throws<HubSyncConfigurationException>(options.ThrowIfInvalid);

        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.Contains("Hub:Sync:Resilience:MaxRetryAttempts", lines[0], StringComparison.Ordinal);
        Assert.Contains("Hub:Sync:Resilience:BaseDelay", lines[1], StringComparison.Ordinal);
        Assert.Contains("Hub:Sync:Resilience:MaxDelay", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxDelayBelowBaseDelay_SaysSo()
    {
        var problems = new SourceResilienceOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(5) }.Validate();

        Assert.Equal(["Setting Hub:Sync:Resilience:MaxDelay (00:00:05) must not be less than BaseDelay (00:00:10)."], problems);
    }

    [Fact]
    public void AddHubSync_BadResilienceSettings_FailsAtRegistrationNamingEachSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Sync:Resilience:MaxRetryAttempts"] = "1000",
            ["Hub:Sync:Resilience:BaseDelay"] = "-00:00:01",
        }).Build();

        var e = Assert.Throws<HubSyncConfigurationException>(() => new ServiceCollection().AddHubSync(configuration));

        Assert.Contains("MaxRetryAttempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("BaseDelay", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(IOException), true)]
    [InlineData(typeof(TimeoutException), true)]
    [InlineData(typeof(FileNotFoundException), false)]
    [InlineData(typeof(InvalidDataException), false)]
    [InlineData(typeof(FormatException), false)]
    [InlineData(typeof(OperationCanceledException), false)]
    public void IsTransient_ByKind(Type kind, bool transient) =>
        Assert.Equal(transient, TransientSourceFailure.IsTransient((Exception)Activator.CreateInstance(kind)!));

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(404, false)]
    [InlineData(400, false)]
    public void IsTransient_HttpStatus(int status, bool transient) =>
        Assert.Equal(transient, TransientSourceFailure.IsTransient(new HttpRequestException("x", null, (System.Net.HttpStatusCode)status)));
}
