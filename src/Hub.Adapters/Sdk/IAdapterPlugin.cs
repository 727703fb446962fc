namespace Hub.Adapters.Sdk;

/// <summary>
/// 取込プラグイン: the entry point of an adapter assembly dropped into the hub's plug-in folder. The hub finds the one
/// public, non-abstract type implementing this interface (with a public parameterless constructor), binds the source's
/// <c>Hub:Sources:&lt;name&gt;:Options</c> into <see cref="CreateOptions"/>' object, validates it at startup, and calls
/// <see cref="Create"/> once per run. Derive from <see cref="AdapterPlugin{TOptions}"/> rather than implementing this.
/// </summary>
public interface IAdapterPlugin
{
    /// <summary>A new options object holding its documented defaults; the host binds configuration into it.</summary>
    AdapterOptions CreateOptions();

    /// <summary>Creates the adapter for one run from options <see cref="CreateOptions"/> made and the host validated.</summary>
    ISourceAdapter Create(AdapterOptions options);
}
