using System.Globalization;
using System.Text;
using Hub.Adapters.Layouts;
using Hub.Adapters.ResidentRegistry;
using Hub.Adapters.Sdk;
using Hub.Testing.Demo;

namespace Hub.Adapters.Tests.Csv;

/// <summary>
/// The CSV adapters over a corrupted registry export yield one item per record of the reference reader, at
/// the same <c>file:line</c> with the same bytes, and reject exactly the rows the reference splitter rejects,
/// with the same reason.
/// </summary>
public sealed class CsvAdapterDifferentialTests : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private readonly DemoSource _city = new(residents: 150);

    public void Dispose() => _city.Dispose();

    public static TheoryData<string> Corruptions => ["mixed", "mixed-bom", "mixed-truncated", "crlf", "cr-only", "flipped"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task ResidentRegistryCsv_CorruptedExport_SameItemsAsReference(string corruption)
    {
        var file = Corrupt(corruption);
        var adapter = new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file, BatchSize = 7 });

        await AssertSameAsReferenceAsync(adapter, file, "UTF-8");
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task ResidentRegistryLayout_CorruptedExport_SameItemsAsReference(string corruption)
    {
        var file = Corrupt(corruption);
        var adapter = new LayoutFileAdapter(new LayoutFileOptions { Layout = BuiltInLayouts.Get(BuiltInLayouts.ResidentRegistry), DataPath = file, BatchSize = 7 });

        await AssertSameAsReferenceAsync(adapter, file, "utf-8");
    }

    private static async Task AssertSameAsReferenceAsync(ISourceAdapter adapter, string file, string encodingName)
    {
        var expected = await ExpectedAsync(file, encodingName);
        var actual = new List<SourceItem>();
        await foreach (var batch in adapter.ReadAsync(Watermark.Start, TestContext.Current.CancellationToken))
        {
            actual.AddRange(batch.Items);
        }

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Location, actual[i].Location);
            Assert.Equal(expected[i].Raw, Convert.ToHexString(actual[i].Raw.Span));
            if (expected[i].CsvRejection is { } reason)
            {
                Assert.Equal(reason, actual[i].Rejection);
            }
        }

        Assert.Contains(expected, e => e.CsvRejection is not null);
    }

    /// <summary>Per record after the header: its location, bytes, and the rejection reading it as CSV brings (null when it splits into the header's columns).</summary>
    private static async Task<List<(string Location, string Raw, string? CsvRejection)>> ExpectedAsync(string file, string encodingName)
    {
        var name = Path.GetFileName(file);
        var list = new List<(string, string, string?)>();
        var fields = new List<string>();
        var columns = -1;
        await using var stream = File.OpenRead(file);
        await foreach (var record in new ReferenceCsvRecordReader(stream).ReadAsync(TestContext.Current.CancellationToken))
        {
            string? text;
            try
            {
                text = StrictUtf8.GetString(record.Raw);
            }
            catch (DecoderFallbackException)
            {
                text = null;
            }

            if (columns < 0)
            {
                Assert.True(ReferenceCsvFields.TrySplit(text!.TrimStart('\uFEFF'), fields, out _));
                columns = fields.Count;
                continue;
            }

            var rejection = text is null ? $"row is not valid {encodingName}"
                : !ReferenceCsvFields.TrySplit(text, fields, out var error) ? error
                : fields.Count != columns ? $"expected {columns} columns, found {fields.Count}"
                : null;
            list.Add((string.Create(CultureInfo.InvariantCulture, $"{name}:{record.Line}"), Convert.ToHexString(record.Raw), rejection));
        }

        return list;
    }

    /// <summary>The demo registry export with rows quoted, given embedded commas, line breaks and doubled quotes, too many or too few columns, broken quotes.</summary>
    private string Corrupt(string corruption)
    {
        var path = _city.PathOf("resident-registry/residents.csv");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var random = new Random(corruption.Length);
        var rows = new List<string> { lines[0] };
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            switch (random.Next(12))
            {
                case 0: f = [.. f.Select(x => $"\"{x}\"")]; break;
                case 1: f[16] = $"\"{f[16]}, 別館\n二階\""; break;
                case 2: f[17] = "\"he said \"\"hi\"\", ok\""; break;
                case 3: f = [.. f, "extra"]; break;
                case 4: f = f[..^2]; break;
                case 5: f[5] = "\"unterminated"; break;
                case 6: f[5] = "\"x\"y"; break;
                case 7: f[17] = "\"\r\n\""; break;
                default: break;
            }

            rows.Add(string.Join(',', f));
        }

        var eol = corruption switch { "crlf" => "\r\n", "cr-only" => "\r", _ => "\n" };
        var bytes = Encoding.UTF8.GetBytes(string.Join(eol, rows) + eol);
        bytes = corruption switch
        {
            "mixed-bom" => [0xEF, 0xBB, 0xBF, .. bytes],
            "mixed-truncated" => bytes.AsSpan(0, bytes.Length * 3 / 5).ToArray(),
            "flipped" => Flip(bytes, random),
            _ => bytes,
        };
        var file = _city.PathOf($"resident-registry/residents-{corruption}.csv");
        File.WriteAllBytes(file, bytes);
        return file;
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        for (var i = 0; i < 30; i++)
        {
            bytes[random.Next(HeaderEnd(bytes), bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;

        static int HeaderEnd(byte[] b) => Array.IndexOf(b, (byte)'\n') + 1; // keep the header intact
    }
}
