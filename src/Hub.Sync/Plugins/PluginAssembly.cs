using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Plugins;

/// <summary>
/// An adapter assembly from the plug-in folder, checked and loaded: the SDK version it was built against must be
/// compatible with the hub's (<see cref="HubSdk.IsCompatible"/>), checked from its metadata before any of its code is
/// loaded; then it is loaded in a <see cref="PluginLoadContext"/> of its own and its plug-in types found. Nothing of the
/// plug-in runs here.
/// </summary>
internal sealed class PluginAssembly
{
    private PluginAssembly(string path, Assembly assembly, IReadOnlyList<Type> pluginTypes)
    {
        Path = path;
        Assembly = assembly;
        PluginTypes = pluginTypes;
    }

    /// <summary>The assembly file.</summary>
    public string Path { get; }

    /// <summary>The loaded assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Public, non-abstract types implementing <see cref="IAdapterPlugin"/> with a public parameterless constructor.</summary>
    public IReadOnlyList<Type> PluginTypes { get; }

    /// <summary>The version of the SDK <paramref name="path"/> references, or a problem (not an assembly, no SDK reference).</summary>
    public static (Version? Version, string? Problem) ReadSdkVersion(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return (null, "is not a .NET assembly");
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (string.Equals(metadata.GetString(reference.Name), HubSdk.AssemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    return (reference.Version, null);
                }
            }

            return (null, $"does not reference the SDK ({HubSdk.AssemblyName}): it is no adapter plug-in");
        }
        catch (BadImageFormatException)
        {
            return (null, "is not a .NET assembly");
        }
    }

    /// <summary>Checks and loads <paramref name="path"/>; returns the problem instead when it cannot be used.</summary>
    public static (PluginAssembly? Plugin, string? Problem) Load(string path)
    {
        var (version, problem) = ReadSdkVersion(path);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (!HubSdk.IsCompatible(version!))
        {
            return (null, $"was built against SDK {HubSdk.AssemblyName} {Format(version!)}, and this hub's SDK is {Format(HubSdk.Version)}: a plug-in needs the same major version and a minor version no newer than the hub's");
        }

        var context = new PluginLoadContext(path);
        try
        {
            var assembly = context.LoadFromAssemblyPath(path);
            var types = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAdapterPlugin).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
            return (new PluginAssembly(path, assembly, types), null);
        }
        catch (Exception e) when (e is FileLoadException or FileNotFoundException or BadImageFormatException or ReflectionTypeLoadException or TypeLoadException)
        {
            context.Unload();
            return (null, $"could not be loaded ({e.GetType().Name}: {e.Message})");
        }
    }

    private static string Format(Version v) => $"{v.Major}.{v.Minor}.{Math.Max(v.Build, 0)}";
}
