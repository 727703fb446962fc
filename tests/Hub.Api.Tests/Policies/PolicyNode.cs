using Hub.Api.Extensions;
using Hub.Policy.Administration;
using Hub.Policy.Masks;
using Hub.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Api.Tests.Policies;

/// <summary>
/// One hub node's policy services — the registrations the host uses (<c>AddHubPolicy</c>) on a database shared with
/// other nodes — with their hosted services started, as the host starts them.
/// </summary>
internal sealed class PolicyNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<IHostedService> _hosted;

    private PolicyNode(ServiceProvider services, IReadOnlyList<IHostedService> hosted) => (_services, _hosted) = (services, hosted);

    public PolicyAdministration Administration => _services.GetRequiredService<PolicyAdministration>();

    public FieldMaskCache Masks => _services.GetRequiredService<FieldMaskCache>();

    public PolicyVersionWatcher Watcher => _services.GetRequiredService<PolicyVersionWatcher>();

    public static async Task<PolicyNode> StartAsync(TestDatabase database, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hub:Policy:PollInterval"] = pollInterval.ToString("c") })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddHubDatabase(database.Options)
            .AddHubPolicy(configuration)
            .BuildServiceProvider();
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(cancellationToken);
        }

        return new PolicyNode(services, hosted);
    }

    /// <summary>Waits until <paramref name="condition"/> holds on this node or <paramref name="limit"/> passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hosted.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
