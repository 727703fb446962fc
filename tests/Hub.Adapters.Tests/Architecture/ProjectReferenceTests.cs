using System.Xml.Linq;

namespace Hub.Adapters.Tests.Architecture;

/// <summary>
/// The layering the README's layout table states, read from the <c>.csproj</c> files: the vendor SDK holds nothing a vendor
/// does not need (no demo, no database), the policy engine stands alone, and only the host may know the demo.
/// </summary>
public sealed class ProjectReferenceTests
{
    // What each src project may reference in the solution; a project missing here fails the test until it is given its rule.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Hub.Adapters"] = [],
        ["Hub.Policy"] = [],
        ["Hub.Data"] = ["Hub.Adapters"],
        ["Hub.Sync"] = ["Hub.Adapters", "Hub.Data"],
        ["Hub.Demo"] = ["Hub.Adapters"],
        ["Hub.Capabilities"] = ["Hub.Adapters", "Hub.Data", "Hub.Policy"],
        // The sample plug-in is built with the host and copied to its plug-in folder, never referenced as an assembly (below).
        ["Hub.Api"] = ["Hub.Adapters", "Hub.Capabilities", "Hub.Data", "Hub.Demo", "Hub.Policy", "Hub.Samples.LateElderly", "Hub.Sync"],

        // samples/: adapter assemblies built as a vendor builds one, against the SDK alone.
        ["Hub.Samples.LateElderly"] = ["Hub.Adapters"],
    };

    [Fact]
    public void SrcProjects_ReferenceOnlyWhatTheLayoutAllows()
    {
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "samples"), "*.csproj", SearchOption.AllDirectories))
            .ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            Assert.True(Allowed.TryGetValue(name, out var allowed), $"{name} has no rule in {nameof(ProjectReferenceTests)}: say what it may reference.");
            var extra = References(project).Except(allowed).ToList();
            Assert.True(extra.Count == 0, $"{name} references {string.Join(", ", extra)}; it may reference only {(allowed.Length == 0 ? "nothing in the solution" : string.Join(", ", allowed))}.");
        }
    }

    [Fact]
    public void Sdk_ReferencesNothingInTheSolutionAndHoldsNoDemo()
    {
        Assert.Empty(References(Path.Combine(Root, "src", "Hub.Adapters", "Hub.Adapters.csproj")));
        var sdk = Path.Combine(Root, "src", "Hub.Adapters");
        var sources = Directory.GetFiles(sdk, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, f => Path.GetRelativePath(sdk, f).StartsWith("Demo", StringComparison.Ordinal) || f.Contains("Simulator", StringComparison.Ordinal));
    }

    [Fact]
    public void Capabilities_KnowNoTransport()
    {
        // Pre-fill, guidance, push targets, audit and policy versions are called alike by GraphQL, the HTTP exports and the
        // command line: the layer holding them may use neither ASP.NET Core nor GraphQL, nor the host's namespaces.
        var project = Path.Combine(Root, "src", "Hub.Capabilities", "Hub.Capabilities.csproj");
        var xml = XDocument.Load(project);
        Assert.Equal("Microsoft.NET.Sdk", xml.Root!.Attribute("Sdk")!.Value);
        Assert.Empty(xml.Descendants("FrameworkReference"));
        var packages = xml.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, p => p.StartsWith("GraphQL", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

        var folder = Path.GetDirectoryName(project)!;
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (var forbidden in new[] { "using GraphQL", "using Microsoft.AspNetCore", "using Hub.Api" })
            {
                Assert.False(text.Contains(forbidden, StringComparison.Ordinal), $"{Path.GetRelativePath(Root, file)} has '{forbidden}': the capabilities layer knows no transport.");
            }
        }
    }

    [Fact]
    public void SamplePlugin_IsBuiltByTheHostButNeverReferencedAsAnAssembly()
    {
        // Loaded from the plug-in folder in a context of its own, as a vendor's would be: a reference that put it in the
        // host's default load context would hide a plug-in that does not load on its own.
        var host = XDocument.Load(Path.Combine(Root, "src", "Hub.Api", "Hub.Api.csproj"));
        var sample = Assert.Single(host.Descendants("ProjectReference"), e => e.Attribute("Include")!.Value.Contains("Hub.Samples.LateElderly", StringComparison.Ordinal));
        Assert.Equal("false", sample.Attribute("ReferenceOutputAssembly")?.Value);
        Assert.Contains(host.Descendants("None"), e => e.Attribute("Link")?.Value.Replace('\\', '/') == "plugins/Hub.Samples.LateElderly.dll");
    }

    [Fact]
    public void Demo_IsReferencedByNoSrcProjectButTheHost()
    {
        var referrers = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => References(p).Contains("Hub.Demo"))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();

        Assert.Equal(["Hub.Api"], referrers);
    }

    [Fact]
    public void ReadmeLayoutTable_NamesEverySrcProject()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (var dir in Directory.GetDirectories(Path.Combine(Root, "src")).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0))
        {
            Assert.Contains($"| `src/{Path.GetFileName(dir)}` |", readme, StringComparison.Ordinal);
        }
    }

    internal static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MunicipalHub.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("MunicipalHub.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    // The solution projects a project references by ProjectReference (their file names without extension).
    internal static List<string> References(string csproj) =>
        [.. XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .Order(StringComparer.Ordinal)];
}
