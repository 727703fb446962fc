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
    private int? _failedVersion;

    /// <summary>The version this node enforces; null before the first successful load.</summary>
    public int? CurrentVersion { get; private set; }

    /// <summary>The enforcer of <see cref="CurrentVersion"/>.</summary>
    public Enforcer? CurrentEnforcer { get; private set; }

    /// <summary>The last load failure (message only), or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// Checks the store once; returns true when a new version was swapped in. Asks only for the number of the version
    /// in force, and reads the version itself when that number changed.
    /// </summary>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var number = await store.GetPublishedNumberAsync(cancellationToken).ConfigureAwait(false);
        if (number is null || number == CurrentVersion || number == _failedVersion)
        {
            return false;
        }

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
            (LastError, _failedVersion) = ($"version {published.Number}: {ex.Message}", published.Number);
            return false;
        }
    }

    /// <summary>The poll interval.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>
    /// Polls until <paramref name="cancellationToken"/> is cancelled. A store that fails (a database briefly out of
    /// reach) is reported in <see cref="LastError"/> and asked again at the next tick; the version in force stays.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, timeProvider);
        try
        {
            do
            {
                await TryPollAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task TryPollAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PollOnceAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the store is any implementation; whatever it throws, the node keeps its version and retries
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LastError = $"store: {ex.Message}";
        }
    }
}
