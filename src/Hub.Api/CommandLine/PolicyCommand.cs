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
/// <c>hub policy check --model M --policy P [--catalog DIR] [--forms DIR]</c> and
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

    private static Option<string> ModelOption() => new("--model") { Description = "The Casbin model (model.conf).", Required = true };

    private static Option<string> PolicyOption() => new("--policy") { Description = "The policy CSV.", Required = true };

    /// <summary>
    /// A path as the user typed it: relative to the working directory, or, when `dotnet run --project` started the hub
    /// in the project folder, relative to the shell's directory (PWD).
    /// </summary>
    private static FileInfo Resolve(string path)
    {
        var file = new FileInfo(path);
        var shell = Environment.GetEnvironmentVariable("PWD");
        return file.Exists || Directory.Exists(path) || Path.IsPathRooted(path) || string.IsNullOrEmpty(shell) ? file : new FileInfo(Path.Combine(shell, path));
    }


    private static Command CreateCheck()
    {
        var model = ModelOption();
        var policy = PolicyOption();
        var catalog = new Option<string?>("--catalog") { Description = "Folder of record schemas whose x-hub-path fields form the catalog (default: schemas/records when present)." };
        var ordinances = new Option<string?>("--ordinances") { Description = "The ordinance table CSV (task,field,actions,basis); reports where the policy and the table disagree." };
        var forms = new Option<string?>("--forms") { Description = "Folder of pre-fill form definitions checked against the catalog and the policy: a field no catalog defines, or a task the policy does not name, is an error (default: schemas/forms when present)." };
        var command = new Command("check", "Report errors (file, line, column) and warnings: unknown catalog fields (in the policy and in the forms), shadowed rules, roles without members, disagreements with the ordinance table.");
        command.Options.Add(model);
        command.Options.Add(policy);
        command.Options.Add(catalog);
        command.Options.Add(ordinances);
        command.Options.Add(forms);
        command.SetAction((parse, ct) =>
        {
            var modelFile = Resolve(parse.GetValue(model)!);
            var policyFile = Resolve(parse.GetValue(policy)!);
            if (!modelFile.Exists || !policyFile.Exists)
            {
                Console.Error.WriteLine($"not found: {(modelFile.Exists ? policyFile.FullName : modelFile.FullName)}");
                return Task.FromResult(2);
            }

            var catalogFolder = parse.GetValue(catalog) is { } folder ? Resolve(folder).FullName : Resolve(Path.Combine("schemas", "records")).FullName;
            var fields = FieldCatalog.Load(catalogFolder);
            if (fields.Paths.Count == 0)
            {
                Console.Error.WriteLine($"no field catalog at {catalogFolder}: catalog checks skipped");
            }

            var policyText = File.ReadAllText(policyFile.FullName);
            var diagnostics = PolicyChecker.Check(
                File.ReadAllText(modelFile.FullName), parse.GetValue(model)!,
                policyText, parse.GetValue(policy)!,
                fields).ToList();
            if (parse.GetValue(ordinances) is { } tableName && diagnostics.All(d => d.Severity != DiagnosticSeverity.Error))
            {
                try
                {
                    var policyName = parse.GetValue(policy)!;
                    var table = OrdinanceTable.Parse(File.ReadAllText(Resolve(tableName).FullName), tableName);
                    diagnostics.AddRange(OrdinanceChecker.Check(PolicyCsvReader.Parse(policyText, policyName), policyName, table, tableName, fields));
                }
                catch (PolicyFormatException ex)
                {
                    diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, ex.Source, ex.Line, ex.Column, ex.Problem));
                }
                catch (IOException ex)
                {
                    diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, tableName, 0, 0, ex.Message));
                }
            }
            diagnostics.AddRange(CheckForms(parse.GetValue(forms), catalogFolder, policyText));
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

    // Every field a form names must be in the catalog and its task in the policy (the same checks the hub makes at startup);
    // one error per problem.
    private static IEnumerable<PolicyDiagnostic> CheckForms(string? folder, string catalogFolder, string policyText)
    {
        var formsFolder = folder is not null ? Resolve(folder).FullName : Resolve(Path.Combine("schemas", "forms")).FullName;
        if (!Directory.Exists(formsFolder) || !Directory.Exists(catalogFolder))
        {
            if (folder is not null)
            {
                yield return new PolicyDiagnostic(DiagnosticSeverity.Error, folder, 0, 0, "no such folder of form definitions");
            }

            yield break;
        }

        string? problems = null;
        try
        {
            IReadOnlySet<string>? tasks = null;
            try
            {
                tasks = Hub.Capabilities.Prefill.PolicyTasks.Of(PolicyCsvReader.Parse(policyText));
            }
            catch (PolicyFormatException)
            {
                // The policy's own error is reported above; forms are then checked without their tasks.
            }

            _ = Hub.Capabilities.Prefill.FormDefinitionReader.Load(formsFolder, Hub.Adapters.Catalog.FieldCatalog.Load(catalogFolder), tasks);
        }
        catch (Hub.Capabilities.HubConfigurationException e)
        {
            problems = e.Message;
        }

        foreach (var line in problems?.Split(Environment.NewLine).Skip(1) ?? [])
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            yield return colon > 0
                ? new PolicyDiagnostic(DiagnosticSeverity.Error, line[..colon], 0, 0, line[(colon + 2)..])
                : new PolicyDiagnostic(DiagnosticSeverity.Error, "forms", 0, 0, line);
        }
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
                var json = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(Resolve(path).FullName, ct);
                RequestBatch.Run(
                    PolicyModel.Parse(await File.ReadAllTextAsync(Resolve(parse.GetValue(model)!).FullName, ct), parse.GetValue(model)!),
                    PolicyCsvReader.Parse(await File.ReadAllTextAsync(Resolve(parse.GetValue(policy)!).FullName, ct), parse.GetValue(policy)!),
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
