using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hub.Demo.City;

/// <summary>
/// <c>manifest.json</c>: what was generated (seed, size, as-of date) and each file's rows, bytes and
/// SHA-256. It holds no generation time, so it is as reproducible as the files it describes.
/// </summary>
internal static class Manifest
{
    public const string RelativePath = "manifest.json";

    public static void Write(string root, DemoCityOptions options, int currentResidents, int households, IEnumerable<ExportFile> files)
    {
        using var stream = new FileStream(Path.Combine(root, RelativePath), FileMode.Create, FileAccess.Write, FileShare.Read);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("generator", "hub demo generate");
            json.WriteNumber("formatVersion", 1);
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("residents", options.Residents);
            json.WriteString("asOf", ExportText.Date(options.AsOf));
            json.WriteString("cityName", options.CityName);
            json.WriteString("prefectureName", options.PrefectureName);
            json.WriteString("localGovernmentCode", options.LocalGovernmentCode);
            json.WriteNumber("malformedRows", options.MalformedRows);
            json.WriteNumber("currentResidents", currentResidents);
            json.WriteNumber("households", households);
            json.WriteStartArray("files");
            foreach (var file in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("path", file.RelativePath);
                json.WriteNumber("rows", file.Rows);
                using var content = File.OpenRead(file.FullPath);
                json.WriteNumber("bytes", content.Length);
                json.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(content)));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }
}
