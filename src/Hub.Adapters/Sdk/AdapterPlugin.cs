namespace Hub.Adapters.Sdk;

/// <summary>
/// The base of an adapter plug-in with options of type <typeparamref name="TOptions"/>:
/// <c>public sealed class AcmePlugin : AdapterPlugin&lt;AcmeOptions&gt; { public override ISourceAdapter Create(AcmeOptions o) =&gt; new AcmeAdapter(o); }</c>.
/// The hub loads it in a load context of its own, shares this SDK with it, and checks the SDK version it was built
/// against (<see cref="HubSdk"/>). Whatever it throws fails the run, never the hub.
/// </summary>
/// <typeparam name="TOptions">The adapter's options: public settable properties with documented defaults, problems listed by <see cref="AdapterOptions.Validate()"/>.</typeparam>
public abstract class AdapterPlugin<TOptions> : IAdapterPlugin
    where TOptions : AdapterOptions, new()
{
    /// <summary>Creates the adapter for one run.</summary>
    public abstract ISourceAdapter Create(TOptions options);

    /// <inheritdoc />
    public AdapterOptions CreateOptions() => new TOptions();

    /// <inheritdoc />
    public ISourceAdapter Create(AdapterOptions options) => Create((TOptions)options);
}
