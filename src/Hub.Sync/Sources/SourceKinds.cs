namespace Hub.Sync.Sources;

/// <summary>The values of <c>Hub:Sources:&lt;name&gt;:Kind</c>: how the hub reads a source.</summary>
public static class SourceKinds
{
    /// <summary>A layout file (<c>*.layout.json</c>) read by the SDK's <c>LayoutFileAdapter</c>: no code.</summary>
    public const string Layout = "layout";

    /// <summary>One of the hub's built-in adapters (<see cref="BuiltinAdapters"/>), named by <c>Adapter</c>.</summary>
    public const string Builtin = "builtin";

    /// <summary>An adapter assembly from the plug-in folder (<c>Hub:Plugins:Directory</c>), named by <c>Assembly</c>.</summary>
    public const string Assembly = "assembly";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Layout, Builtin, Assembly];
}
