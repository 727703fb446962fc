using Hub.Capabilities;
using System.Text.Json;
using Hub.Api.Security;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Hosting;

/// <summary>
/// Once the server listens, prints to standard output how to use it: the GraphQL URL and, in Development,
/// a development token and a ready-to-paste curl command for a resident that exists.
/// </summary>
internal sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, IHostEnvironment environment, HubDbContextFactory factory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Off the lifetime callback: the banner's query must not hold up "Application started".
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(PrintAsync, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static string CurlCommand(string graphqlUrl, string token, string atenaNumber)
    {
        var query = $"{{ resident(atenaNumber: \"{atenaNumber}\") {{ atenaNumber name nameKana birthDate {{ text precision }} sex address household {{ householdNumber members {{ name relationship }} }} }} }}";
        var body = JsonSerializer.Serialize(new { query });
        return $"curl -s {graphqlUrl} -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' "
            + "-H 'X-Hub-Task: resident-registry' -H 'X-Hub-Purpose: counter-identity-check' -H 'X-Hub-Case: DEMO-0001' "
            + $"-d '{body.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }

    private async Task PrintAsync()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var url = address.TrimEnd('/') + "/graphql";
        var lines = new List<string> { string.Empty, $"MunicipalHub is serving GraphQL at {url}" };
        if (environment.IsDevelopment())
        {
            await using var db = factory.CreateDbContext();
            // A household head with at least two members beside them, so the sample shows a household.
            var household = await db.Residents.Living()
                .Where(r => r.HouseholdNumber != null)
                .GroupBy(r => r.HouseholdNumber)
                .Where(g => g.Count() >= 3)
                .Select(g => g.Key)
                .OrderBy(k => k)
                .FirstOrDefaultAsync();
            var sample = household is null ? null : await db.Households.Latest()
                .Where(h => h.HouseholdNumber == household)
                .Select(h => h.HeadAtenaNumber)
                .FirstOrDefaultAsync();
            var token = DevelopmentTokens.Issue("demo-resident-clerk", ["resident-clerk"], TimeSpan.FromHours(8));
            lines.Add("Development token (8 hours, user demo-resident-clerk of the default policy, task resident-registry):");
            lines.Add(token);
            if (sample is not null)
            {
                lines.Add("Query a resident of the demo city:");
                lines.Add(CurlCommand(url, token, sample));
            }
        }

        lines.Add(string.Empty);
        await Console.Out.WriteLineAsync(string.Join(Environment.NewLine, lines));
    }
}
