namespace Hub.Policy.Tests.Support;

/// <summary>Finds the repository root (the folder holding MunicipalHub.sln) and the shared Casbin example corpus beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/casbin-examples</c> relative to the repository, or <c>HUB_CASBIN_EXAMPLES</c> when set; null when absent.</summary>
    public static string? CasbinExamples
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("HUB_CASBIN_EXAMPLES");
            var path = string.IsNullOrEmpty(configured) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "casbin-examples")) : configured;
            return File.Exists(Path.Combine(path, "expectations.json")) ? path : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MunicipalHub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MunicipalHub.sln not found above " + AppContext.BaseDirectory);
    }
}
