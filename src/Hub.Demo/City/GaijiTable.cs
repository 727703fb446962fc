using System.Globalization;

namespace Hub.Demo.City;

/// <summary>Writes <c>resident-registry/gaiji.csv</c>: the registry vendor's 外字 table (PUA code point → standard character).</summary>
internal static class GaijiTable
{
    public const string RelativePath = "resident-registry/gaiji.csv";

    public static ExportFile Write(string root)
    {
        using var file = new ExportFile(root, RelativePath, "code_point,character,description");
        foreach (var (codePoint, standard, note) in Gaiji.Table)
        {
            file.WriteCsvRow(string.Create(CultureInfo.InvariantCulture, $"U+{(int)codePoint:X4}"), standard, note);
        }

        return file;
    }
}
