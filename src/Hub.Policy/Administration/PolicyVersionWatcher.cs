using Hub.Policy.Enforcement;
using Hub.Policy.Masks;

namespace Hub.Policy.Administration;

/// <summary>
/// Keeps one hub node on the published version: polls the store (every 2 s by default, so a publication is picked up
/// within the 5 s the hub promises) and, when the published version changes, builds its enforcer and swaps it into
/// the <see cref="FieldMaskCache"/>. A version that fails to build is not swapped in; the one in force stays.
/// </summary>
public sealed class PolicyVersionWatcher(IPolicyVersionStore store, FieldMaskCache cache, TimeProvider timeProvider, TimeSpan? interval = null)
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(2);

    /// <summary>The version this node enforces; null before the first successful load.</summary>
    public int? CurrentVersion { get; private set; }

    /// <summary>The enforcer of <see cref="CurrentVersion"/>.</summary>
    public Enforcer? CurrentEnforcer { get; private set; }

    /// <summary>The last load failure (message only), or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Checks the store once; returns true when a new version was swapped in.</summary>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var published = await store.GetPublishedAsync(cancellationToken).ConfigureAwait(false);
        if (published is null || published.Number == CurrentVersion)
        {
            return false;
        }

        try
        {
            var enforcer = PolicyAdministration.Build(published);
            cache.Publish(published.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), enforcer);
            (CurrentVersion, CurrentEnforcer, LastError) = (published.Number, enforcer, null);
            return true;
        }
        catch (Exception ex) when (ex is Model.PolicyFormatException or Matchers.MatcherSyntaxException or ArgumentException)
        {
            LastError = $"version {published.Number}: {ex.Message}";
            return false;
        }
    }

    /// <summary>Polls until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, timeProvider);
        await PollOnceAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await PollOnceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
