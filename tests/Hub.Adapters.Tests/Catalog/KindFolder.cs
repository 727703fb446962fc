using System.Text.Json.Nodes;
using Hub.Adapters.Catalog;

namespace Hub.Adapters.Tests.Catalog;

/// <summary>A temporary copy of <c>schemas/records</c> to which a test adds or changes one kind's schema.</summary>
internal sealed class KindFolder : IDisposable
{
    public KindFolder()
    {
        Path = Directory.CreateTempSubdirectory("hub-kinds-").FullName;
        foreach (var file in Directory.GetFiles(SchemaDirectory.Find("records"), "*.schema.json"))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    /// <summary>The shipped 要介護認定 schema, to change.</summary>
    public static JsonObject LongTermCare() =>
        JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(SchemaDirectory.Find("records"), "long-term-care.schema.json")))!.AsObject();

    /// <summary>Writes <paramref name="text"/> as <paramref name="file"/>.</summary>
    public KindFolder With(string file, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), text);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
