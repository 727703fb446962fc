using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Hub.Demo.City;

namespace Hub.Api.CommandLine;

/// <summary>
/// <c>hub demo generate --residents N --seed S --out DIR [--as-of yyyy-MM-dd] [--malformed-rows K]</c>:
/// writes a deterministic demo city's core-system exports (layouts in schemas/adapters/).
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "The demo city: generate what its core systems would export.");
        command.Subcommands.Add(CreateGenerate());
        return command;
    }

    private static Command CreateGenerate()
    {
        var defaults = new DemoCityOptions();
        var residents = new Option<int>("--residents") { Description = "Current residents (住民) at the as-of date.", DefaultValueFactory = _ => defaults.Residents };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives byte-identical files.", DefaultValueFactory = _ => defaults.Seed };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory (created if missing).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("data", "demo")) };
        var asOf = new Option<DateOnly>("--as-of") { Description = "Day the exports are taken (yyyy-MM-dd).", DefaultValueFactory = _ => defaults.AsOf };
        var malformed = new Option<int>("--malformed-rows") { Description = "Malformed rows to append to the resident registry export (for quarantine tests).", DefaultValueFactory = _ => 0 };

        var command = new Command("generate", "Generate the demo city's exports: resident registry, resident tax, NHI, child allowance, manifest.json.");
        command.Options.Add(residents);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(asOf);
        command.Options.Add(malformed);
        command.SetAction((parse, ct) =>
        {
            var options = new DemoCityOptions
            {
                Residents = parse.GetValue(residents),
                Seed = parse.GetValue(seed),
                AsOf = parse.GetValue(asOf),
                MalformedRows = parse.GetValue(malformed),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(2);
            }

            var clock = Stopwatch.StartNew();
            var progress = new ConsoleProgress(options.Residents);
            var result = DemoCityGenerator.Generate(options, parse.GetValue(output)!.FullName, progress, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo city (seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd}) written to {result.OutputDirectory} in {clock.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {result.CurrentResidents:N0} current residents in {result.Households:N0} households; {result.ResidentRows:N0} registry rows"));
            foreach (var (path, rows) in result.FilesWritten.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {path,-42} {rows,12:N0} rows"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>A progress line on standard error every tenth of the city (Progress&lt;T&gt; would post out of order).</summary>
    private sealed class ConsoleProgress(int total) : IProgress<int>
    {
        private int _next = Math.Max(1, total / 10);

        public void Report(int value)
        {
            if (value < _next && (value < total || _next > total))
            {
                return;
            }

            _next = value + Math.Max(1, total / 10);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value:N0} / {total:N0} residents"));
        }
    }
}
