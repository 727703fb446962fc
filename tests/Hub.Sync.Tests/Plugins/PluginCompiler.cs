using Hub.Adapters.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hub.Sync.Tests.Plugins;

/// <summary>Builds real adapter assemblies for the tests with Roslyn: against this hub's SDK, or against a stand-in SDK of another version.</summary>
internal static class PluginCompiler
{
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
    {
        var dir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == dir)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>This hub's SDK (Hub.Adapters as the tests run it).</summary>
    public static MetadataReference HubSdkReference { get; } = MetadataReference.CreateFromFile(typeof(ISourceAdapter).Assembly.Location);

    /// <summary>Compiles <paramref name="source"/> into <paramref name="directory"/>/<paramref name="assemblyName"/>.dll; fails the test on a compile error.</summary>
    public static string Compile(string assemblyName, string source, string directory, params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Framework.Value, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, assemblyName + ".dll");
        using (var file = File.Create(path))
        {
            var result = compilation.Emit(file);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return path;
    }

    /// <summary>A stand-in <c>Hub.Adapters</c> of version <paramref name="version"/> holding the plug-in interface, to build a plug-in against another SDK.</summary>
    public static MetadataReference SdkOfVersion(string version, string directory)
    {
        var path = Compile(
            "Hub.Adapters",
            $$"""
            [assembly: System.Reflection.AssemblyVersion("{{version}}")]
            namespace Hub.Adapters.Sdk
            {
                public interface IAdapterPlugin { }
            }
            """,
            directory);
        return MetadataReference.CreateFromFile(path);
    }
}
