using Hub.Adapters.Sdk;

namespace Hub.Samples.LateElderly;

/// <summary>
/// The plug-in the hub finds in <c>Hub.Samples.LateElderly.dll</c>: declared as
/// <c>Hub:Sources:late-elderly:Kind assembly</c>, <c>Assembly Hub.Samples.LateElderly</c>, <c>Record lateElderly</c>.
/// </summary>
public sealed class LateElderlyPlugin : AdapterPlugin<LateElderlyOptions>
{
    /// <inheritdoc />
    public override ISourceAdapter Create(LateElderlyOptions options) => new LateElderlyAdapter(options);
}
