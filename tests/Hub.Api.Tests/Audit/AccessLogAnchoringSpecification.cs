using System.Net;
using System.Text.Json.Nodes;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Proofs;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Api.Tests.Audit;

/// <summary>
/// Anchoring over HTTP on the real host: personal data stops with <c>AUDIT_UNANCHORED</c> (503, no data, no record) and
/// <c>/healthz</c> turns Unhealthy once the oldest record outside every checkpoint the witness accepted is older than
/// <c>MaxLag</c>, while requests without personal data still work; both recover once a checkpoint is accepted. The clock
/// is a fake one moved by the test, so nothing depends on how fast the machine is. And the inclusion proofs GraphQL
/// returns check out offline, without leaking the other residents a record names.
/// </summary>
public abstract class AccessLogAnchoringSpecification(DatabaseProvider provider)
{
    private const string PersonalQuery = "{ resident(atenaNumber: \"300002\") { name } }";

    [Fact]
    public async Task Anchoring_WitnessUnreachableLongerThanMaxLag_PersonalDataStopsThenResumes()
    {
        await using var database = await SeededAsync();
        var blocker = Path.Combine(Path.GetTempPath(), "hub-witness-blocked-" + Guid.NewGuid().ToString("N")[..12]);
        await File.WriteAllTextAsync(blocker, "a file where the witness folder's parent should be", TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = Host(database, Path.Combine(blocker, "witness"), time);
        var client = new GraphQLClient(host.CreateClient());
        var anchor = host.Services.GetRequiredService<AuditAnchor>();

        var (first, firstBody) = await client.SendAsync(GraphQLClient.Post(PersonalQuery, token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("佐藤 陽", (string?)firstBody["data"]!["resident"]!["name"]);

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.True(anchor.IsUnanchored);
        var (refused, refusedBody) = await client.SendAsync(GraphQLClient.Post(PersonalQuery, token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("AUDIT_UNANCHORED", (string?)refusedBody["errors"]![0]!["extensions"]!["code"]);
        Assert.Null((JsonNode?)refusedBody["data"]);
        Assert.DoesNotContain("佐藤", refusedBody.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, await RecordCountAsync(database)); // the refused response left no record: it released nothing

        var (plain, plainBody) = await client.SendAsync(GraphQLClient.Post("{ __typename }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("Query", (string?)plainBody["data"]!["__typename"]);
        var health = await client.Http.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // The witness comes back: the next rounds anchor the log and service resumes.
        File.Delete(blocker);
        for (var tick = 0; tick < 50 && anchor.IsUnanchored; tick++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.False(anchor.IsUnanchored, anchor.Problem);
        var (resumed, _) = await client.SendAsync(GraphQLClient.Post(PersonalQuery, token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(File.Exists(Path.Combine(blocker, "witness", DirectoryCheckpointWitness.LatestFile)));
    }

    [Fact]
    public async Task Proofs_ResidentAndPrivacyOfficer_VerifyOfflineAndWithholdOtherResidents()
    {
        await using var database = await SeededAsync();
        await using var host = Host(database, Directory.CreateTempSubdirectory("hub-witness-").FullName, TimeProvider.System);
        var client = new GraphQLClient(host.CreateClient());
        await client.SendAsync(GraphQLClient.Post("{ a: resident(atenaNumber: \"300002\") { name } b: resident(atenaNumber: \"300001\") { name } }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry, caseId: "CASE-BOTH"));
        await client.SendAsync(GraphQLClient.Post(PersonalQuery, token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry, caseId: "CASE-ONE"));
        var publication = await host.Services.GetRequiredService<CheckpointPublisher>().PublishAsync(TestContext.Current.CancellationToken);
        Assert.Equal(WitnessVerdict.Accepted, publication.Outcome!.Verdict);
        var key = host.Services.GetRequiredService<CheckpointSigner>().Verifier;

        const string Query = "{ me { accessRecords { sequence case hash proof { leafIndex treeSize leafHash rootHash auditPath checkpoint verifierKey document } } } }";
        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, token: Clerks.Resident(RelatedSeed.Child), task: "self-view"));

        Assert.Null(body["errors"]);
        var records = body["data"]!["me"]!["accessRecords"]!.AsArray().Select(r => r!).ToList();
        var both = records.Single(r => (string?)r["case"] == "CASE-BOTH");
        var one = records.Single(r => (string?)r["case"] == "CASE-ONE");
        foreach (var record in new[] { both, one })
        {
            var proof = record["proof"]!;
            Assert.Equal((long)record["sequence"]! - 1, (long)proof["leafIndex"]!);
            Assert.Equal(2, (long)proof["treeSize"]!);
            Assert.Equal(key.ToString(), (string?)proof["verifierKey"]);
            var checks = AccessRecordProofVerifier.Verify(AccessRecordProofDocument.Parse((string)proof["document"]!), key);
            Assert.DoesNotContain(checks, c => c.Passed == false);
        }

        // The record that named another resident proves its place without naming them; the one about the reader alone is checked in full.
        var withheld = AccessRecordProofDocument.Parse((string)both["proof"]!["document"]!);
        Assert.Null(withheld.Record.SubjectAtenaNumbers);
        Assert.DoesNotContain(RelatedSeed.Head, (string)both["proof"]!["document"]!, StringComparison.Ordinal);
        Assert.Contains(AccessRecordProofVerifier.Verify(withheld, key), c => c.Passed is null && c.Text.Contains("withheld", StringComparison.Ordinal));
        Assert.Contains(AccessRecordProofVerifier.Verify(AccessRecordProofDocument.Parse((string)one["proof"]!["document"]!), key), c => c.Passed == true && c.Text.Contains("chain hash", StringComparison.Ordinal));

        // A record after the checkpoint has no proof yet.
        await client.SendAsync(GraphQLClient.Post(PersonalQuery, token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry, caseId: "CASE-LATER"));
        var (_, again) = await client.SendAsync(GraphQLClient.Post(Query, token: Clerks.Resident(RelatedSeed.Child), task: "self-view"));
        Assert.Null(again["data"]!["me"]!["accessRecords"]!.AsArray().Single(r => (string?)r!["case"] == "CASE-LATER")!["proof"]);

        // A privacy officer's proof carries every subject, and its content is checked.
        var (_, officer) = await client.SendAsync(GraphQLClient.Post("{ accessRecords(atenaNumber: \"300001\") { case proof { document } } }", token: Clerks.PrivacyOfficer, task: Clerks.PrivacyAudit));
        var full = AccessRecordProofDocument.Parse((string)officer["data"]!["accessRecords"]!.AsArray().Single(r => (string?)r!["case"] == "CASE-BOTH")!["proof"]!["document"]!);
        Assert.Equal("|300001|300002|", full.Record.SubjectAtenaNumbers);
        Assert.DoesNotContain(AccessRecordProofVerifier.Verify(full, key), c => c.Passed != true && !c.Text.StartsWith("key not pinned", StringComparison.Ordinal));

        // An altered document fails.
        var altered = full with { Record = full.Record with { UserId = "someone-else" } };
        Assert.Contains(AccessRecordProofVerifier.Verify(altered, key), c => c.Passed == false);
    }

    private async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CitySeed.WriteAsync(db);
        await RelatedSeed.WriteAsync(db);
        return database;
    }

    private static WebApplicationFactory<Program> Host(TestDatabase database, string witness, TimeProvider time) =>
        HubHost.Create("Development", database.Options, new Dictionary<string, string?>
        {
            ["Hub:Audit:Checkpoints:WitnessDirectory"] = witness,
            ["Hub:Audit:Checkpoints:Interval"] = "00:00:10",
            ["Hub:Audit:Checkpoints:MaxLag"] = "00:01:00",
        }, services => services.AddSingleton(time));

    private static async Task<int> RecordCountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AccessRecords.CountAsync(TestContext.Current.CancellationToken);
    }
}
