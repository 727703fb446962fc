namespace Hub.Api.Benchmarks;

/// <summary>Finds the repository root (the folder holding MunicipalHub.sln).</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MunicipalHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MunicipalHub.sln not found above " + AppContext.BaseDirectory);
    }
}
