using System.Globalization;
using Hub.Adapters.Catalog;
using Hub.Capabilities.Prefill;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.Sync.Running;
using Hub.Testing.Demo;
using Hub.Testing.Forms;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Api.Benchmarks;

/// <summary>
/// Issue 15's figure (<c>--forms</c>): the share of items FILLED on every form of <c>schemas/forms</c>, under the form's own
/// task, for up to 60 residents each form is for (with complete core-system data) in the demo city (10,000 residents,
/// seed 1, unless <c>--residents</c> says otherwise), synced into SQLite. Prints <c>| form | items FILLED |</c> and the
/// items no core system holds, by name.
/// </summary>
internal static class FormFillBenchmark
{
    public static async Task<int> RunAsync(string root, string work, int residents)
    {
        var city = Path.Combine(work, $"city-{residents}");
        if (!File.Exists(Path.Combine(city, "manifest.json")))
        {
            Console.Error.WriteLine($"generating a {residents:N0}-resident city in {city} …");
            DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 1 }, city);
        }

        var file = Path.Combine(work, $"forms-{Guid.NewGuid():N}.db");
        try
        {
            var catalog = FieldCatalog.LoadDefault();
            var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = nameof(DatabaseProvider.Sqlite), ConnectionString = $"Data Source={file}" });
            await HubDatabaseInitializer.MigrateAsync(factory);
            var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance, catalog);
            foreach (var source in DemoSources.For(city).All)
            {
                var run = await runner.RunAsync(source);
                if (!run.Succeeded)
                {
                    throw new InvalidOperationException($"{source.Name}: {run.Status} {run.Error}");
                }
            }

            var policy = Path.Combine(root, "schemas", "policy");
            var forms = FormDefinitionReader.Load(Path.Combine(root, "schemas", "forms"), catalog, PolicyTasks.Read(Path.Combine(policy, "policy.csv")));
            var fills = await FormFillSurvey.RunAsync(factory, forms, catalog, policy, new DemoCityOptions().AsOf);

            Console.WriteLine($"Forms: demo city of {residents:N0} residents (seed 1), SQLite; each form under its own task, up to 60 residents it is for with complete core-system data");
            Console.WriteLine("| form | task | relevant / complete / filled for | items FILLED | where the rest goes |");
            Console.WriteLine("| --- | --- | ---: | ---: | --- |");
            foreach (var f in fills)
            {
                var shortOf = string.Join(", ", f.Short.OrderByDescending(s => s.Value).Take(3).Select(s => $"{s.Key} ×{s.Value}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {f.FormId} | {f.Task} | {f.Relevant:N0} / {f.Complete:N0} / {f.Residents} | {f.Rate * 100:F1} % ({f.Filled:N0}/{f.Items:N0}) | {(shortOf.Length == 0 ? "–" : shortOf)} |"));
            }

            Console.WriteLine();
            Console.WriteLine("UNAVAILABLE items no core system holds (the resident answers them; not counted in the denominator):");
            foreach (var f in fills.Where(f => f.ApplicantAnswers.Count > 0))
            {
                Console.WriteLine($"- {f.FormId}: {string.Join(", ", f.ApplicantAnswers)}");
            }

            Console.WriteLine();
            Console.WriteLine("Items counted: every item of the applicant, of each listed household member and of the spouse where the household has one; NOT_APPLICABLE items (該当なし: e.g. 通称 of a Japanese resident) are not counted. UNCERTAIN dates and empty fields (方書 of a house) count as not FILLED.");
            var below = fills.Where(f => f.Rate < 0.90).ToList();
            Console.WriteLine(below.Count == 0 ? "Target ≥ 90 % FILLED on every form: met." : $"Target ≥ 90 % FILLED on every form: not met by {string.Join(", ", below.Select(f => f.FormId))}.");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Scratch.Delete(work, [file]);
        }
    }
}
