using System.Net;
using GraphQL;
using Hub.Api.GraphQL;
using Hub.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Api.Tests.Http;

/// <summary>
/// The execution timeout: the hub's clock is a manual one, and the executer moves it past the timeout as execution
/// starts, so the request runs into its deadline (ten minutes, were the clock real) without the test waiting.
/// </summary>
public sealed class ExecutionTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Execution_PastTheTimeout_LimitExceededAndNoData()
    {
        var clock = new ManualTimers();
        await using var factory = HubHost.Create(
            "Development",
            HubHost.ScratchSqlite(),
            new Dictionary<string, string?> { ["Hub:GraphQL:ExecutionTimeout"] = "00:10:00" },
            services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                services.AddSingleton<IDocumentExecuter<HubSchema>>(sp =>
                    new DeadlinePassingExecuter(clock, sp.GetRequiredService<IDocumentExecuter>(), sp.GetRequiredService<HubSchema>()));
            });
        var client = new GraphQLClient(factory.CreateClient());

        var (response, body) = await client.SendAsync(GraphQLClient.Post("{ resident(atenaNumber: \"200001\") { name } }"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.False(body.AsObject().ContainsKey("data"), body.ToJsonString());
        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.Equal("LIMIT_EXCEEDED", (string?)error!["extensions"]!["code"]);
        Assert.Contains("Hub:GraphQL:ExecutionTimeout", (string?)error["message"], StringComparison.Ordinal);
    }

    /// <summary>Runs the real executer after firing the timers set for the execution timeout.</summary>
    private sealed class DeadlinePassingExecuter(ManualTimers clock, IDocumentExecuter inner, HubSchema schema) : IDocumentExecuter<HubSchema>
    {
        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options)
        {
            clock.Fire(Timeout);
            options.Schema = schema;
            return inner.ExecuteAsync(options);
        }
    }

    /// <summary>The system clock, except that timers fire only when <see cref="Fire"/> says so.</summary>
    private sealed class ManualTimers : TimeProvider
    {
        private readonly List<(TimeSpan Due, TimerCallback Callback, object? State)> _timers = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_timers)
            {
                _timers.Add((dueTime, callback, state));
            }

            return new NeverTimer();
        }

        /// <summary>Fires every timer created with <paramref name="due"/>.</summary>
        public void Fire(TimeSpan due)
        {
            List<(TimeSpan Due, TimerCallback Callback, object? State)> firing;
            lock (_timers)
            {
                firing = [.. _timers.Where(t => t.Due == due)];
            }

            foreach (var timer in firing)
            {
                timer.Callback(timer.State);
            }
        }

        private sealed class NeverTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
