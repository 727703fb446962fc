namespace Hub.Adapters.Sdk;

/// <summary>
/// The SDK's version and the rule a plug-in must meet. An assembly built against SDK <c>M.n</c> loads in a hub whose
/// SDK is <c>M.m</c> with <c>m ≥ n</c>: the same major version (a major version may remove or change members) and a
/// minor version no newer than the hub's (a newer minor may add members the plug-in calls). Build and revision are
/// ignored.
/// </summary>
public static class HubSdk
{
    /// <summary>The name of the SDK assembly a plug-in references and the host shares with it.</summary>
    public const string AssemblyName = "Hub.Adapters";

    /// <summary>This SDK's version (the assembly version of <c>Hub.Adapters</c>).</summary>
    public static Version Version { get; } = typeof(HubSdk).Assembly.GetName().Version ?? new Version(0, 0);

    /// <summary>Whether an assembly built against SDK <paramref name="builtAgainst"/> may load in this hub.</summary>
    public static bool IsCompatible(Version builtAgainst)
    {
        ArgumentNullException.ThrowIfNull(builtAgainst);
        return builtAgainst.Major == Version.Major && builtAgainst.Minor <= Version.Minor;
    }
}
