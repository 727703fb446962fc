using System.CommandLine;
using System.Text.Json;
using Hub.Policy.Catalog;
using Hub.Policy.Checking;
using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Ordinances;
using Hub.Policy.Persistence;

namespace Hub.Api.CommandLine;

/// <summary>
/// <c>hub policy check --model M --policy P [--catalog DIR]</c> and
/// <c>hub policy enforce --model M --policy P --requests R</c> (R a file, or <c>-</c> for standard input).
/// </summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var command = new Command("policy", "Check a Casbin model and policy, or decide requests with them.");
        command.Subcommands.Add(CreateCheck());
        command.Subcommands.Add(CreateEnforce());
        return command;
    }

    private static Option<FileInfo> ModelOption() => new("--model") { Description = "The Casbin model (model.conf).", Required = true };

    private static Option<FileInfo> PolicyOption() => new("--policy") { Description = "The policy CSV.", Required = true };

    private static Command CreateCheck()
    {
        var model = ModelOption();
        var policy = PolicyOption();
        var catalog = new Option<DirectoryInfo?>("--catalog") { Description = "Folder of record schemas whose x-hub-path fields form the catalog (default: schemas/records when present)." };
        var ordinances = new Option<FileInfo?>("--ordinances") { Description = "The ordinance table CSV (task,field,actions,basis); reports where the policy and the table disagree." };
        var command = new Command("check", "Report errors (file, line, column) and warnings: unknown catalog fields, shadowed rules, roles without members, disagreements with the ordinance table.");
        command.Options.Add(model);
        command.Options.Add(policy);
        command.Options.Add(catalog);
        command.Options.Add(ordinances);
        command.SetAction((parse, ct) =>
        {
            var modelFile = parse.GetValue(model)!;
            var policyFile = parse.GetValue(policy)!;
            if (!modelFile.Exists || !policyFile.Exists)
            {
                Console.Error.WriteLine($"not found: {(modelFile.Exists ? policyFile.FullName : modelFile.FullName)}");
                return Task.FromResult(2);
            }

            var catalogFolder = parse.GetValue(catalog)?.FullName ?? Path.Combine("schemas", "records");
            var fields = FieldCatalog.Load(catalogFolder);
            var policyText = File.ReadAllText(policyFile.FullName);
            var diagnostics = PolicyChecker.Check(
                File.ReadAllText(modelFile.FullName), modelFile.ToString(),
                policyText, policyFile.ToString(),
                fields).ToList();
            if (parse.GetValue(ordinances) is { } table && diagnostics.All(d => d.Severity != DiagnosticSeverity.Error))
            {
                try
                {
                    diagnostics.AddRange(OrdinanceChecker.Check(PolicyCsvReader.Parse(policyText, policyFile.ToString()), policyFile.ToString(), OrdinanceTable.Parse(File.ReadAllText(table.FullName), table.ToString()), table.ToString(), fields));
                }
                catch (PolicyFormatException ex)
                {
                    diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, ex.Source, ex.Line, ex.Column, ex.Problem));
                }
            }
            foreach (var diagnostic in diagnostics)
            {
                Console.WriteLine(diagnostic);
            }

            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            Console.Error.WriteLine($"{errors} error(s), {diagnostics.Count - errors} warning(s)");
            return Task.FromResult(errors > 0 ? 1 : 0);
        });
        return command;
    }

    private static Command CreateEnforce()
    {
        var model = ModelOption();
        var policy = PolicyOption();
        var requests = new Option<string>("--requests") { Description = "JSON file of requests ('-' reads standard input): an array of requests, or {\"options\": {...}, \"requests\": [...]}.", Required = true };
        var command = new Command("enforce", "Decide each request; print one JSON line per request: {\"allowed\":…,\"explain\":[…]} or {\"error\":…}.");
        command.Options.Add(model);
        command.Options.Add(policy);
        command.Options.Add(requests);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var path = parse.GetValue(requests)!;
                var json = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
                RequestBatch.Run(
                    PolicyModel.Load(parse.GetValue(model)!.FullName),
                    PolicyCsvReader.Load(parse.GetValue(policy)!.FullName),
                    json,
                    Console.Out);
                return 0;
            }
            catch (Exception ex) when (ex is PolicyFormatException or JsonException or IOException or ArgumentException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }
}
