using System.Security.Cryptography;
using System.Text.Json;
using Hub.Adapters.Domain.Identifiers;
using Hub.Demo.City;

namespace Hub.Demo.Tests.City;

public sealed class DemoCityGeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hub-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Generate_SameSeedTwice_ByteIdenticalFiles()
    {
        var options = new DemoCityOptions { Residents = 3_000, Seed = 7 };
        var first = DemoCityGenerator.Generate(options, Path.Combine(_root, "a"), ct: TestContext.Current.CancellationToken);
        var second = DemoCityGenerator.Generate(options, Path.Combine(_root, "b"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(first.FilesWritten, second.FilesWritten);
        Assert.Equal(HashAll(first.OutputDirectory), HashAll(second.OutputDirectory));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentCity()
    {
        var a = DemoCityGenerator.Generate(new DemoCityOptions { Residents = 1_000, Seed = 1 }, Path.Combine(_root, "a"), ct: TestContext.Current.CancellationToken);
        var b = DemoCityGenerator.Generate(new DemoCityOptions { Residents = 1_000, Seed = 2 }, Path.Combine(_root, "b"), ct: TestContext.Current.CancellationToken);

        Assert.NotEqual(
            HashAll(a.OutputDirectory)["resident-registry/residents.csv"],
            HashAll(b.OutputDirectory)["resident-registry/residents.csv"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(4_321)]
    public void Generate_Residents_ExactlyThatManyCurrentResidents(int residents)
    {
        var result = DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents }, _root, ct: TestContext.Current.CancellationToken);
        var rows = CsvFile.ReadRecords(Path.Combine(_root, "resident-registry", "residents.csv"));

        Assert.Equal(residents, result.CurrentResidents);
        Assert.Equal(residents, rows.Count(r => r["status"] == "1"));
        Assert.Equal(result.Households, rows.Where(r => r["status"] == "1").Select(r => r["household_number"]).Distinct().Count());
        Assert.Equal(result.ResidentRows, rows.Count);
    }

    [Fact]
    public void Generate_FilesWritten_MatchFilesAndManifest()
    {
        var result = DemoCityGenerator.Generate(new DemoCityOptions { Residents = 2_000, Seed = 3 }, _root, ct: TestContext.Current.CancellationToken);

        string[] expected =
        [
            "resident-registry/residents.csv", "resident-registry/gaiji.csv",
            "resident-tax/assessments-FY2023.csv", "resident-tax/assessments-FY2024.csv", "resident-tax/assessments-FY2025.csv",
            "nhi/insured.ndjson", "child-allowance/entitlements.csv", "child-allowance/entitlements.db",
            "resident-registry/residents-legacy.dat", "resident-registry/resident-registry-legacy.layout.json", "resident-registry/gaiji-legacy.csv",
            "long-term-care/certifications.csv", "late-elderly/qualifications.csv", "residence-status/residence-cards.csv",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.FilesWritten.Keys.Order(StringComparer.Ordinal));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "manifest.json")));
        Assert.Equal(3, manifest.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal("2026-04-01", manifest.RootElement.GetProperty("asOf").GetString());
        var hashes = HashAll(_root);
        foreach (var file in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            var path = file.GetProperty("path").GetString()!;
            var full = Path.Combine(_root, path);
            var dataRows = Path.GetExtension(path) switch
            {
                ".ndjson" => File.ReadAllLines(full).Length,
                ".dat" => (int)(new FileInfo(full).Length / 354), // 352-byte records + CRLF
                ".db" => CountRows(full),
                ".json" => 0,
                _ => File.ReadAllLines(full).Length - 1,
            };
            Assert.Equal(result.FilesWritten[path], file.GetProperty("rows").GetInt32());
            Assert.Equal(dataRows, result.FilesWritten[path]);
            Assert.Equal(hashes[path], file.GetProperty("sha256").GetString());
        }
    }

    private static int CountRows(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM v_child_allowance_entitlements";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Generate_Default_NoMalformedRows()
    {
        DemoCityGenerator.Generate(new DemoCityOptions { Residents = 2_000 }, _root, ct: TestContext.Current.CancellationToken);
        var rows = CsvFile.ReadAll(Path.Combine(_root, "resident-registry", "residents.csv"));

        Assert.All(rows, r => Assert.Equal(24, r.Length));
        Assert.All(rows.Skip(1), r => Assert.True(Modulus11.IsValid(r[0])));
        Assert.All(rows.Skip(1), r => Assert.True(BirthDateReader.Read(r[11]) is not null || IsUnknownForm(r[11]), r[11]));
    }

    [Fact]
    public void Generate_MalformedRowsRequested_AppendsEachKindOfBadRow()
    {
        var result = DemoCityGenerator.Generate(new DemoCityOptions { Residents = 1_000, MalformedRows = 3 }, _root, ct: TestContext.Current.CancellationToken);
        var rows = CsvFile.ReadAll(Path.Combine(_root, "resident-registry", "residents.csv")).Skip(1).ToList();
        var tail = rows.TakeLast(3).ToList();

        Assert.Equal(rows.Count, result.ResidentRows);
        Assert.Equal(1_000, result.CurrentResidents);
        Assert.Single(rows, r => r.Length != 24);
        Assert.NotEqual(24, tail[0].Length);
        Assert.False(Modulus11.IsValid(tail[1][0]));
        Assert.Null(BirthDateReader.Read(tail[2][11]));
        Assert.False(IsUnknownForm(tail[2][11]));
        Assert.All(rows.SkipLast(3), r => Assert.True(Modulus11.IsValid(r[0])));
    }

    [Fact]
    public void Generate_Progress_ReportsCurrentResidentsUpToTotal()
    {
        var reports = new List<int>();
        DemoCityGenerator.Generate(new DemoCityOptions { Residents = 25_000 }, _root, new InlineProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.True(reports.Count >= 3);
        Assert.Equal(25_000, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public void Generate_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DemoCityGenerator.Generate(new DemoCityOptions(), _root, ct: cts.Token));
    }

    [Fact]
    public void Validate_SeveralProblems_OneMessageListsEach()
    {
        var options = new DemoCityOptions { Residents = 0, LocalGovernmentCode = "12a", CityName = " ", MalformedRows = -1 };

        var e = Assert.Throws<ArgumentException>(() => DemoCityGenerator.Generate(options, _root, ct: TestContext.Current.CancellationToken));

        Assert.Contains("Residents", e.Message, StringComparison.Ordinal);
        Assert.Contains("LocalGovernmentCode", e.Message, StringComparison.Ordinal);
        Assert.Contains("CityName", e.Message, StringComparison.Ordinal);
        Assert.Contains("MalformedRows", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_root));
    }

    internal static bool IsUnknownForm(string text) =>
        text == "年月日不詳" || text.EndsWith("年頃", StringComparison.Ordinal) || text.EndsWith("旬", StringComparison.Ordinal)
        || (text.EndsWith('月') && !text.Contains('日', StringComparison.Ordinal));

    private static Dictionary<string, string> HashAll(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(
                f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'),
                f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))),
                StringComparer.Ordinal);

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
