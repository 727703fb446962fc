namespace Hub.Sync.Plugins;

/// <summary>
/// The plug-in folder: finds an assembly by name (<c>NAME.dll</c> in the folder, or <c>NAME/NAME.dll</c> in a sub-folder of
/// its own with its dependencies) and loads each one once, however many sources name it.
/// </summary>
internal sealed class PluginCatalog(string directory)
{
    private readonly Dictionary<string, (PluginAssembly? Plugin, string? Problem)> _loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The folder's full path.</summary>
    public string Directory { get; } = directory;

    /// <summary>The assembly <paramref name="name"/>, or why it cannot be used.</summary>
    public (PluginAssembly? Plugin, string? Problem) Find(string name)
    {
        if (_loaded.TryGetValue(name, out var known))
        {
            return known;
        }

        var file = name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name : name + ".dll";
        var stem = Path.GetFileNameWithoutExtension(file);
        string[] candidates = [Path.Combine(Directory, file), Path.Combine(Directory, stem, file)];
        var path = candidates.FirstOrDefault(File.Exists);
        var result = path is null
            ? (null, $"names no assembly in the plug-in folder {Directory} (looked for {file} and {stem}/{file})")
            : PluginAssembly.Load(path);
        _loaded[name] = result;
        return result;
    }
}
