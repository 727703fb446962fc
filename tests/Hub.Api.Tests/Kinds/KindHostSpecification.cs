using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Utilities;
using Hub.Adapters.Catalog;
using Hub.Capabilities.Audit;
using Hub.Api.GraphQL;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Kinds;

/// <summary>
/// A kind added as one schema file (障害者手帳, in a temporary records folder) is, with no code change, a field of
/// <c>Resident</c> in the schema of a host started on that folder, and is served under the policy like any typed field:
/// a forbidden field is null with FIELD_FORBIDDEN, the relation is refused when no field of the kind may be read, the
/// record choice needs its paths, and the access record names what was released.
/// </summary>
public abstract class KindHostSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Task = "disability";

    private const string Policy = """
        p, role:welfare, disability, disability.atenaNumber, read, allow, 障害者総合支援法 第19条
        p, role:welfare, disability, disability.grade, read, allow, 障害者総合支援法 第19条
        p, role:welfare, disability, disability.issuedOn, read, allow, 障害者総合支援法 第19条
        p, role:welfare, disability, disability.expiresOn, read, allow, 障害者総合支援法 第19条
        p, role:welfare, disability, disability.points, read, allow, 障害者総合支援法 第19条
        p, role:welfare, disability, resident.name, read, allow, 障害者総合支援法 第19条
        p, role:narrow, disability, disability.grade, read, allow, 障害者総合支援法 第19条
        p, role:registry, disability, resident.name, read, allow, 住民基本台帳法 第1条
        g, welfare-clerk, role:welfare, disability
        g, narrow-clerk, role:narrow, disability
        g, registry-clerk, role:registry, disability

        """;

    private const string Query = "query($a: String!) { resident(atenaNumber: $a) { name disability { atenaNumber certificateNumber grade issuedOn expiresOn points } } }";

    private readonly KindFolders _folders = new(Policy);
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using (var db = _database.CreateContext())
        {
            await CitySeed.WriteAsync(db);
            await RelatedSeed.WriteAsync(db);
        }

        var catalog = FieldCatalog.Load(_folders.Records);
        await GenericSeed.WriteAsync(_database.Factory, catalog, "welfare", [
            GenericSeed.Record(catalog, "disability", new() { ["atenaNumber"] = RelatedSeed.Head, ["certificateNumber"] = "D-2019", ["grade"] = "3級", ["issuedOn"] = new DateOnly(2019, 4, 1), ["expiresOn"] = new DateOnly(2021, 3, 31), ["points"] = 40 }),
            GenericSeed.Record(catalog, "disability", new() { ["atenaNumber"] = RelatedSeed.Head, ["certificateNumber"] = "D-2021", ["grade"] = "2級", ["issuedOn"] = new DateOnly(2021, 4, 1), ["expiresOn"] = new DateOnly(2031, 3, 31), ["points"] = 65 }),
        ]);
        _host = HubHost.Create("Development", _database.Options, new Dictionary<string, string?>
        {
            [HubCatalogServiceCollectionExtensions.DirectorySetting] = _folders.Records,
            ["Hub:Policy:Directory"] = _folders.Policy,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await HubHost.DisposeQuietlyAsync(_host);
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _folders.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Schema_OfAHostStartedOnTheFolder_HasTheKindAsAResidentField()
    {
        var schema = _host!.Services.GetRequiredService<HubSchema>();
        schema.Initialize();
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true });

        Assert.Contains("disability: [Disability!]", sdl, StringComparison.Ordinal);
        Assert.Contains("type Disability {", sdl, StringComparison.Ordinal);
        Assert.Contains("\"障害等級 (disability.grade)\"", sdl, StringComparison.Ordinal);
        Assert.Contains("points: Long", sdl, StringComparison.Ordinal);
        // The shipped schema has no such kind: it came from the folder alone.
        Assert.DoesNotContain("Disability", File.ReadAllText(Path.Combine(Path.GetDirectoryName(SchemaDirectory.Find("records"))!, "hub.graphql")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedFieldsAnswered_ForbiddenFieldNullWithFieldForbidden_AccessRecordNamesWhatWasReleased()
    {
        var (_, body) = await Send("welfare-clerk");

        var list = body["data"]!["resident"]!["disability"]!.AsArray();
        // Newest validity first.
        Assert.Equal(["2級", "3級"], list.Select(r => (string?)r!["grade"]));
        Assert.Equal("2031-03-31", (string?)list[0]!["expiresOn"]);
        Assert.Equal(65, (long?)list[0]!["points"]);
        Assert.Null(list[0]!["certificateNumber"]);
        Assert.Equal(["resident/disability/0/certificateNumber", "resident/disability/1/certificateNumber"], ForbiddenPaths(body).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("D-2021", body.ToJsonString(), StringComparison.Ordinal);
        var record = await LastAccessRecordAsync();
        var paths = AccessRecordFormat.SplitPaths(record.FieldPaths);
        Assert.Superset(new HashSet<string>(["disability.atenaNumber", "disability.grade", "disability.issuedOn", "disability.expiresOn", "disability.points"]), paths.ToHashSet());
        Assert.DoesNotContain("disability.certificateNumber", paths);
        Assert.Contains(RelatedSeed.Head, record.SubjectAtenaNumbers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relation_NoFieldOfTheKindReadable_IsRefused()
    {
        var (_, body) = await Send("registry-clerk");

        Assert.Equal(["resident/disability"], ForbiddenPaths(body));
        Assert.NotNull((string?)body["data"]!["resident"]!["name"]);
        Assert.Null(body["data"]!["resident"]!["disability"]);
    }

    [Fact]
    public async Task RecordChoice_NeedsTheSubjectAndDatingPaths()
    {
        var (_, body) = await Send("narrow-clerk");

        // grade alone may be read, but listing the records reads who they are about and their validity.
        Assert.Equal(["resident/disability", "resident/name"], ForbiddenPaths(body).Order(StringComparer.Ordinal));
        var message = (string)body["errors"]!.AsArray().Single(e => (string?)e!["path"]![1] == "disability")!["message"]!;
        Assert.Contains("disability.atenaNumber", message, StringComparison.Ordinal);
        Assert.DoesNotContain("3級", body.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<(System.Net.HttpStatusCode Status, JsonNode Body)> Send(string user)
    {
        var client = new GraphQLClient(_host!.CreateClient());
        var (response, body) = await client.SendAsync(GraphQLClient.Post(Query, new { a = RelatedSeed.Head }, Clerks.Staff(user), Task));
        return (response.StatusCode, body);
    }

    private async Task<Hub.Data.Entities.AccessRecord> LastAccessRecordAsync()
    {
        await using var db = _database!.CreateContext();
        return await db.AccessRecords.OrderByDescending(r => r.Sequence).FirstAsync(Ct);
    }

    private static List<string> ForbiddenPaths(JsonNode body) =>
        [.. (body["errors"]?.AsArray() ?? [])
            .Where(e => (string?)e!["extensions"]?["code"] == "FIELD_FORBIDDEN")
            .Select(e => string.Join('/', e!["path"]!.AsArray().Select(p => p!.ToString())))];
}

public sealed class SqliteKindHostTests() : KindHostSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlKindHostTests() : KindHostSpecification(DatabaseProvider.PostgreSql);
