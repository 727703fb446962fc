using System.Reflection;
using System.Runtime.Loader;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Plugins;

/// <summary>
/// The collectible load context of one plug-in assembly: its own dependencies come from its folder (through its
/// <c>.deps.json</c> when it has one), while the SDK (<c>Hub.Adapters</c>) and the framework always come from the host, so
/// the plug-in's <see cref="ISourceAdapter"/> and records are the host's types.
/// </summary>
internal sealed class PluginLoadContext(string assemblyPath)
    : AssemblyLoadContext("plugin:" + Path.GetFileNameWithoutExtension(assemblyPath), isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, HubSdk.AssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return null; // shared: the host's SDK
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
