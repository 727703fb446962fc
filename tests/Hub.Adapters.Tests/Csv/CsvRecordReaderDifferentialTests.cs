using Hub.Adapters.Csv;
using Hub.Adapters.Layouts;
using Hub.Testing.Demo;

namespace Hub.Adapters.Tests.Csv;

/// <summary>The fast <see cref="CsvRecordReader"/> yields exactly the records (line, bytes) of the straightforward <see cref="ReferenceCsvRecordReader"/>.</summary>
public sealed class CsvRecordReaderDifferentialTests
{
    private static readonly byte[] Breakers = [(byte)'"', (byte)'\r', (byte)'\n', (byte)',', 0xFF];

    static CsvRecordReaderDifferentialTests() => _ = TextEncodings.Names; // registers the code pages

    private static async Task<List<(long Line, string Raw)>> ReadAsync(IAsyncEnumerable<CsvRecord> records)
    {
        var list = new List<(long, string)>();
        await foreach (var r in records)
        {
            list.Add((r.Line, Convert.ToHexString(r.Raw)));
        }

        return list;
    }

    private static async Task AssertSameAsReferenceAsync(byte[] bytes, int seed)
    {
        var expected = await ReadAsync(new ReferenceCsvRecordReader(new MemoryStream(bytes)).ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(expected, await ReadAsync(new CsvRecordReader(new MemoryStream(bytes)).ReadAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(expected, await ReadAsync(new CsvRecordReader(new ChunkedStream(bytes, seed)).ReadAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ReadAsync_GeneratedFiles_SameRecordsAsReference(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            await AssertSameAsReferenceAsync(CsvInputs.File(random, 60), seed * 1000 + i);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n\n\r\r")]
    [InlineData("a\rb\r\nc\nd")]
    [InlineData("\"a\r\nb\"\r\n\"c")]
    [InlineData("a,\"b\nc\",d\r\n\"\"\"\"\r")]
    public async Task ReadAsync_LineEndCorners_SameRecordsAsReference(string text)
    {
        await AssertSameAsReferenceAsync(System.Text.Encoding.UTF8.GetBytes(text), 7);
    }

    [Fact]
    public async Task ReadAsync_LongRecordsAcrossBuffers_SameRecordsAsReference()
    {
        var random = new Random(5);
        var text = string.Join("\r\n", Enumerable.Range(0, 40).Select(_ => new string('x', random.Next(70_000)) + CsvInputs.Text(random, 30)));

        await AssertSameAsReferenceAsync(System.Text.Encoding.UTF8.GetBytes(text), 5);
    }

    [Fact]
    public async Task ReadAsync_DemoExportsAndTheirCorruptions_SameRecordsAsReference()
    {
        using var city = new DemoSource(malformed: true, residents: 120);
        var files = Directory.GetFiles(city.Root, "*.csv", SearchOption.AllDirectories).Order().ToList();
        Assert.NotEmpty(files);
        var random = new Random(9);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            await AssertSameAsReferenceAsync(bytes, 1);
            await AssertSameAsReferenceAsync(bytes.AsSpan(0, bytes.Length * 2 / 3).ToArray(), 2); // truncated
            await AssertSameAsReferenceAsync(System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(file).ReplaceLineEndings("\r\n")), 3);
            var flipped = (byte[])bytes.Clone();
            for (var i = 0; i < 20 && flipped.Length > 0; i++)
            {
                flipped[random.Next(flipped.Length)] = Breakers[random.Next(Breakers.Length)];
            }

            await AssertSameAsReferenceAsync(flipped, 4);
        }
    }
}
