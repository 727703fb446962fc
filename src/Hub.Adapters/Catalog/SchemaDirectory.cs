namespace Hub.Adapters.Catalog;

/// <summary>Finds a folder of <c>schemas/</c>: beside the executable (copied at build) or up from the working folder.</summary>
public static class SchemaDirectory
{
    /// <summary>Full path of <c>schemas/<paramref name="sub"/></c>; throws <see cref="DirectoryNotFoundException"/> naming what was searched.</summary>
    public static string Find(string sub)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "schemas", sub);
        if (Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", sub);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", sub);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"schemas/{sub} was found neither beside {AppContext.BaseDirectory} nor above {Directory.GetCurrentDirectory()}.");
    }
}
