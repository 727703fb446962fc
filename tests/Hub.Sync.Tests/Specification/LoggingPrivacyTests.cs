using Hub.Adapters.ResidentRegistry;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;

namespace Hub.Sync.Tests.Specification;

/// <summary>Personal data never reaches a log line: not from a good run, not from quarantined rows, not from a failed run.</summary>
public sealed class LoggingPrivacyTests
{
    [Fact]
    public async Task Sync_WithGoodAndBadRows_LogsCountsButNoPersonalData()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var dir = Directory.CreateTempSubdirectory("hub-log-").FullName;
        var file = new ResidentExport()
            .Person(1, 1, "世帯主", 1, name: "秘密　太郎", birth: "昭和33年8月9日")
            .Person(2, 1, "妻", 1, name: "秘密　花子", birth: "平成九十年")
            .Person(3, 2, "世帯主", 3, name: "内緒　次郎", tweak: r => r["my_number"] = "123456789012")
            .WriteTo(Path.Combine(dir, "residents.csv"));
        var logger = new CollectingLogger<SyncRunner>();
        var runner = new SyncRunner(db.Factory, TimeProvider.System, logger);

        var summary = await runner.RunAsync(new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file })), null, TestContext.Current.CancellationToken);

        Assert.Equal((3, 1, 2), (summary.Read, summary.Inserted, summary.Quarantined));
        Assert.NotEmpty(logger.Lines);
        string[] personal = ["秘密", "内緒", "太郎", "花子", "昭和33年", "平成九十年", "123456789012", ResidentExport.Atena(1), ResidentExport.Atena(2), ResidentExport.Atena(3), ResidentExport.MyNumberFor(1)];
        foreach (var line in logger.Lines)
        {
            foreach (var value in personal)
            {
                Assert.DoesNotContain(value, line, StringComparison.Ordinal);
            }
        }

        Directory.Delete(dir, recursive: true);
    }
}
