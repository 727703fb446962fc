namespace Hub.Sync.Plugins;

/// <summary>Configuration section <c>Hub:Plugins</c>: where adapter assemblies are dropped.</summary>
public sealed class PluginOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Plugins";

    /// <summary>
    /// The plug-in folder. Default: <c>plugins</c> beside the executable (where the build puts the demo's sample plug-in).
    /// A relative path is read from the working folder, like every other path setting.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The folder's full path.</summary>
    public string ResolveDirectory() =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(AppContext.BaseDirectory, "plugins") : Path.GetFullPath(Directory);
}
