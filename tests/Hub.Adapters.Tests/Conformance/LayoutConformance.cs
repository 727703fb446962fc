using System.Text;
using Hub.Testing.Demo;

namespace Hub.Adapters.Tests.Conformance;

/// <summary>Edits of exports for the conformance tests' delta and malformed cases.</summary>
internal static class LayoutConformance
{
    /// <summary>Rewrites the file as a new export in which the first data row's address changed; returns its first column.</summary>
    public static string ChangeFirstCsvRow(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        lines[1] = lines[1].Replace("みなと市", "みなと市 ", StringComparison.Ordinal) + string.Empty;
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        DemoSource.Touch(path);
        return lines[1].Split(',')[0];
    }

    /// <summary>Appends raw bytes to a file.</summary>
    public static void Append(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.Append);
        stream.Write(bytes);
    }
}
