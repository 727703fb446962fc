using System.Globalization;
using System.Text;
using Hub.Adapters.Domain.Identifiers;
using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Databases;
using Hub.Testing.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// A hand-written city exported on 2026-04-01 and synced through the real sources (registry CSV, NHI API simulator,
/// child allowance database view), whose people arrive, are born, leave, die and lose coverage on known days, so that
/// "as of" answers on past and future reference dates can be stated exactly.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>household 1</term><description>A 世帯主 and B 妻 (since 2015); C 子 born 2024-06-15; D 子 moved out
/// 2025-09-01. NHI: A 2016-04-01 → lost 2025-10-01 (社保加入), D → lost 2025-09-01. 児童手当 to A: for D 2012-04-10 →
/// ended 2025-08-31, for C from 2024-07-01.</description></item>
/// <item><term>household 2</term><description>E 世帯主, moved in 2025-12-01, born 1951-07-20; NHI from 2025-12-01.</description></item>
/// <item><term>household 3</term><description>F 世帯主, 転出 registered for 2026-06-30 (after the export day); NHI lost 2026-06-30.</description></item>
/// <item><term>household 4</term><description>G 世帯主, born 昭和26年2月29日 (1951 is a common year), alone in 町字 0099001.</description></item>
/// <item><term>household 5</term><description>W 世帯主 (born 1947) and X 夫, who died 2025-11-10.</description></item>
/// <item><term>household 6</term><description>Y 世帯主 (no spouse) and Z 子 born 2025-01-20.</description></item>
/// </list>
/// </remarks>
public abstract class AsOfCity(DatabaseProvider provider) : IAsyncLifetime
{
    public const int A = 1, B = 2, C = 3, D = 4, E = 5, F = 6, G = 7, W = 8, X = 9, Y = 10, Z = 11;

    private readonly string _dir = Directory.CreateTempSubdirectory("hub-asof-city-").FullName;
    private TestDatabase? _db;

    /// <summary>The synced database.</summary>
    public TestDatabase Database => _db!;

    /// <summary>宛名番号 of a person of the city (<see cref="A"/> … <see cref="Z"/>).</summary>
    public static string Atena(int person) => RegistryCsv.Atena(person);

    public async ValueTask InitializeAsync()
    {
        var registry = new RegistryCsv()
            .Person(A, 1, A, "世帯主", "1", "昭和55年5月10日", reason: "転入", on: "2015-01-01")
            .Person(B, 1, A, "妻", "2", "昭和57年8月1日", reason: "転入", on: "2015-01-01")
            .Person(C, 1, A, "子", "1", "令和6年6月15日", reason: "出生", on: "2024-06-15")
            .Person(D, 1, A, "子", "2", "平成22年3月3日", status: "2", reason: "転出", on: "2025-09-01")
            .Person(E, 2, E, "世帯主", "1", "昭和26年7月20日", reason: "転入", on: "2025-12-01", area: "0012004")
            .Person(F, 3, F, "世帯主", "1", "昭和45年1月1日", status: "2", reason: "転出", on: "2026-06-30")
            .Person(G, 4, G, "世帯主", "2", "昭和26年2月29日", area: "0099001")
            .Person(W, 5, W, "世帯主", "2", "昭和22年4月4日")
            .Person(X, 5, W, "夫", "1", "昭和20年9月9日", status: "2", reason: "死亡", on: "2025-11-10")
            .Person(Y, 6, Y, "世帯主", "2", "平成2年6月6日")
            .Person(Z, 6, Y, "子", "1", "令和7年1月20日", reason: "出生", on: "2025-01-20");
        var residents = await registry.WriteAsync(Path.Combine(_dir, "residents.csv"));

        var nhi = Path.Combine(_dir, "insured.ndjson");
        string Insured(int person, int household, string acquired, string? lost, string? lossReason) =>
            $$"""{"atenaNumber":"{{Atena(person)}}","householdNumber":"{{HouseholdNumber.FromSerial(household).Value}}","insuredSymbol":"0012","insuredNumber":"000000{{household}}","acquiredOn":"{{acquired}}","lostOn":{{(lost is null ? "null" : $"\"{lost}\"")}},"acquisitionReason":"転入","lossReason":{{(lossReason is null ? "null" : $"\"{lossReason}\"")}},"updatedAt":"2026-03-20T10:00:00+09:00"}""";
        await File.WriteAllLinesAsync(nhi,
        [
            Insured(A, 1, "2016-04-01", "2025-10-01", "社保加入"),
            Insured(D, 1, "2016-04-01", "2025-09-01", "転出"),
            Insured(E, 2, "2025-12-01", null, null),
            Insured(F, 3, "2010-04-01", "2026-06-30", "転出"),
        ]);

        var allowance = Path.Combine(_dir, "entitlements.db");
        await using (var connection = new SqliteConnection($"Data Source={allowance};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE entitlements (entitlement_id TEXT PRIMARY KEY, recipient_atena TEXT NOT NULL, child_atena TEXT NOT NULL,
                  certified_on TEXT, ended_on TEXT, monthly_amount INTEGER, status TEXT, updated_at TEXT NOT NULL);
                CREATE VIEW v_child_allowance_entitlements AS
                  SELECT entitlement_id, recipient_atena, child_atena, certified_on, ended_on, monthly_amount, status, updated_at FROM entitlements;
                INSERT INTO entitlements VALUES ('E1', '{Atena(A)}', '{Atena(D)}', '2012-04-10', '2025-08-31', 10000, '2', '2025-09-10T10:00:00+09:00');
                INSERT INTO entitlements VALUES ('E2', '{Atena(A)}', '{Atena(C)}', '2024-07-01', NULL, 15000, '1', '2024-07-01T10:00:00+09:00');
                """;
            await command.ExecuteNonQueryAsync();
        }

        _db = await TestDatabase.CreateAsync(provider);
        var runner = new SyncRunner(_db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);
        var sources = DemoSources.For(_dir, new Dictionary<string, string?>
        {
            ["Hub:Sources:resident-registry:Options:FilePath"] = residents,
            ["Hub:Sources:resident-tax:Kind"] = null,
            ["Hub:Sources:resident-tax:Layout"] = null,
            ["Hub:Sources:resident-tax:Record"] = null,
            ["Hub:Sources:resident-tax:Options:DataPath"] = null,
            ["Hub:Sources:nhi:Options:File"] = nhi,
            ["Hub:Sources:child-allowance:Options:ConnectionString"] = $"Data Source={allowance};Mode=ReadOnly;Pooling=False",
            ["Hub:Sources:long-term-care:Enabled"] = "false", // a hand-written city of the four built-in kinds
            ["Hub:Sources:late-elderly:Enabled"] = "false",
            ["Hub:Sources:residence-status:Enabled"] = "false",
        });
        foreach (var source in sources.All)
        {
            var run = await runner.RunAsync(source);
            Assert.True(run.Succeeded && run.Quarantined == 0, $"{source.Name}: {run.Error} ({run.Quarantined} quarantined)");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The city on SQLite.</summary>
public sealed class SqliteAsOfCity() : AsOfCity(DatabaseProvider.Sqlite);

/// <summary>The city on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlAsOfCity() : AsOfCity(DatabaseProvider.PostgreSql);

[CollectionDefinition(nameof(SqliteAsOfCity))]
public sealed class SqliteAsOfCityCollection : ICollectionFixture<SqliteAsOfCity>;

[CollectionDefinition(nameof(PostgreSqlAsOfCity))]
public sealed class PostgreSqlAsOfCityCollection : ICollectionFixture<PostgreSqlAsOfCity>;
