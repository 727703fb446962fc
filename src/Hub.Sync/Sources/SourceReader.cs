using System.Text.RegularExpressions;
using Hub.Adapters.Catalog;
using Hub.Adapters.Layouts;
using Hub.Adapters.Sdk;
using Hub.Sync.Plugins;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace Hub.Sync.Sources;

/// <summary>
/// Reads <c>Hub:Sources</c>: each child section declares one source (<see cref="SourceDeclaration"/>). Every problem of
/// every source — unknown kind, adapter, layout, assembly or record kind, a layout file that is missing or wrong, an
/// assembly built against an incompatible SDK, options the adapter rejects, a bad schedule, a setting of the old flat
/// shape — is collected, each naming its setting, so that one message can list them all.
/// </summary>
internal sealed partial class SourceReader(IConfiguration configuration, BuiltinAdapters builtins, PluginCatalog plugins)
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Sources";

    private static readonly string[] DeclarationKeys = ["Kind", "Adapter", "Layout", "Assembly", "Type", "Record", "System", "Schedule", "Enabled", "Options"];

    // The flat settings of the four built-in sources that came before sources were declared, and where each went.
    private static readonly Dictionary<string, string> Moved = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ResidentRegistryFile"] = "Hub:Sources:resident-registry:Options:FilePath",
        ["ResidentRegistryVerifyCheckDigits"] = "Hub:Sources:resident-registry:Options:VerifyCheckDigits",
        ["ResidentRegistryEncoding"] = "Hub:Sources:resident-registry:Options:Encoding",
        ["ResidentTaxDirectory"] = "Hub:Sources:resident-tax:Options:DataPath",
        ["NhiBaseAddress"] = "Hub:Sources:nhi:Options:BaseAddress (with Adapter nhi-api)",
        ["NhiDemoFile"] = "Hub:Sources:nhi:Options:File",
        ["NhiPageSize"] = "Hub:Sources:nhi:Options:PageSize",
        ["ChildAllowanceProvider"] = "Hub:Sources:child-allowance:Options:Provider",
        ["ChildAllowanceConnectionString"] = "Hub:Sources:child-allowance:Options:ConnectionString",
        ["BatchSize"] = "Hub:Sources:<name>:Options:BatchSize",
        ["Schedules"] = "Hub:Sources:<name>:Schedule",
    };

    private readonly List<string> _problems = [];
    private IReadOnlySet<string>? _records;
    private FieldCatalog? _catalog;

    /// <summary>The declared sources in sync order (those feeding <c>resident</c> first: every other record is checked against the registry; then by name), and every problem found.</summary>
    public (IReadOnlyList<DeclaredSource> Sources, IReadOnlyList<string> Problems) Read()
    {
        var sources = new List<DeclaredSource>();
        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            if (ReadOne(section) is { } source)
            {
                sources.Add(source);
            }
        }

        var ordered = sources
            .OrderBy(s => s.Record == "resident" ? 0 : 1)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return (ordered, _problems);
    }

    private DeclaredSource? ReadOne(IConfigurationSection section)
    {
        var name = section.Key;
        var at = $"{SectionName}:{name}";
        if (Moved.TryGetValue(name, out var moved))
        {
            _problems.Add($"Setting {at} is of the flat shape sources had before they were declared: use {moved} (see README, Configuration).");
            return null;
        }

        if (section.Value is not null && !section.GetChildren().Any())
        {
            _problems.Add($"Setting {at} must be a section declaring a source (Kind, Record, Options, …), not a value.");
            return null;
        }

        if (!NamePattern().IsMatch(name))
        {
            _problems.Add($"Setting {at}: a source's name must be 1–64 characters of a–z, A–Z, 0–9, '-', '_' or '.'.");
            return null;
        }

        foreach (var unknown in section.GetChildren().Select(c => c.Key).Where(k => !DeclarationKeys.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            _problems.Add($"Setting {at}:{unknown} is not a source setting. Use: {string.Join(", ", DeclarationKeys)}.");
        }

        var declaration = new SourceDeclaration();
        try
        {
            section.Bind(declaration);
        }
        catch (InvalidOperationException e)
        {
            _problems.Add($"Setting {at}: {e.Message}");
            return null;
        }

        if (!declaration.Enabled)
        {
            return null;
        }

        var options = section.GetSection("Options");
        var made = declaration.Kind?.Trim().ToLowerInvariant() switch
        {
            SourceKinds.Builtin => Builtin(at, declaration, options),
            SourceKinds.Layout => Layout(at, name, declaration, options),
            SourceKinds.Assembly => Assembly(at, name, declaration, options),
            null or "" => Problem($"Setting {at}:Kind is required: one of {string.Join(", ", SourceKinds.All)}."),
            _ => Problem($"Setting {at}:Kind has the unknown value '{declaration.Kind}'. Use one of: {string.Join(", ", SourceKinds.All)}."),
        };
        CheckSchedule(at, declaration.Schedule);
        if (made is not { } m)
        {
            return null;
        }

        var record = declaration.Record ?? m.Record;
        if (record is null)
        {
            _problems.Add($"Setting {at}:Record is required for kind {declaration.Kind}: the record kind the source feeds ({string.Join(", ", Records())}).");
            return null;
        }

        if (!Records().Contains(record))
        {
            _problems.Add($"Setting {at}:Record names no record kind of the field catalog (schemas/records): '{record}'. Known: {string.Join(", ", Records().Order(StringComparer.Ordinal))}.");
            return null;
        }

        if (m.Record is { } yields && yields != record)
        {
            _problems.Add($"Setting {at}:Record is '{record}', but the source's {m.What} yields '{yields}' records.");
            return null;
        }

        return new DeclaredSource(name, declaration.Kind!.Trim().ToLowerInvariant(), record, declaration.System ?? m.System ?? name, declaration.Schedule?.Trim(), m.Create);
    }

    private Made? Builtin(string at, SourceDeclaration declaration, IConfigurationSection section)
    {
        if (string.IsNullOrWhiteSpace(declaration.Adapter))
        {
            return Problem($"Setting {at}:Adapter is required for kind builtin: one of {string.Join(", ", builtins.Names)}.");
        }

        if (builtins.Find(declaration.Adapter) is not { } builtin)
        {
            return Problem($"Setting {at}:Adapter names no built-in adapter: '{declaration.Adapter}'. Use one of: {string.Join(", ", builtins.Names)}.");
        }

        var options = builtin.CreateOptions();
        return BindAndValidate(at, options, section)
            ? new Made(builtin.Record, builtin.SourceSystem, $"built-in adapter {builtin.Name}", () => builtin.Create(options))
            : null;
    }

    private Made? Layout(string at, string name, SourceDeclaration declaration, IConfigurationSection section)
    {
        if (string.IsNullOrWhiteSpace(declaration.Layout))
        {
            return Problem($"Setting {at}:Layout is required for kind layout: a *.layout.json file or a built-in layout ({string.Join(", ", BuiltInLayouts.Names)}).");
        }

        LayoutDefinition layout;
        try
        {
            if (BuiltInLayouts.Names.Contains(declaration.Layout, StringComparer.Ordinal))
            {
                layout = BuiltInLayouts.Get(declaration.Layout);
            }
            else if (FindFile(declaration.Layout) is { } path)
            {
                layout = LayoutLoader.Load(path, Catalog());
            }
            else
            {
                return Problem($"Setting {at}:Layout: the layout file '{declaration.Layout}' exists neither in the working folder {Directory.GetCurrentDirectory()} nor beside the executable, and no built-in layout has that name ({string.Join(", ", BuiltInLayouts.Names)}).");
            }
        }
        catch (LayoutException e)
        {
            return Problem($"Setting {at}:Layout: {e.Message}");
        }

        var options = new LayoutFileOptions { Layout = layout, Catalog = Catalog() };
        return BindAndValidate(at, options, section)
            ? new Made(RecordKinds.OfLayout(layout.RecordKind), RecordKinds.SystemOfLayout(layout.RecordKind) ?? name, $"layout {layout.Name}", () => new LayoutFileAdapter(options))
            : null;
    }

    private Made? Assembly(string at, string name, SourceDeclaration declaration, IConfigurationSection section)
    {
        if (string.IsNullOrWhiteSpace(declaration.Assembly))
        {
            return Problem($"Setting {at}:Assembly is required for kind assembly: the file name of an adapter assembly in the plug-in folder {plugins.Directory}.");
        }

        var (assembly, problem) = plugins.Find(declaration.Assembly);
        if (assembly is null)
        {
            return Problem($"Setting {at}:Assembly: '{declaration.Assembly}' {problem}.");
        }

        var candidates = declaration.Type is { } wanted
            ? assembly.PluginTypes.Where(t => string.Equals(t.FullName, wanted, StringComparison.Ordinal)).ToList()
            : [.. assembly.PluginTypes];
        if (candidates.Count != 1)
        {
            var found = assembly.PluginTypes.Count == 0 ? "none" : string.Join(", ", assembly.PluginTypes.Select(t => t.FullName));
            return Problem(declaration.Type is not null
                ? $"Setting {at}:Type: '{declaration.Type}' is no adapter plug-in type of {declaration.Assembly} (public, non-abstract, implementing {nameof(IAdapterPlugin)}, with a parameterless constructor). Found: {found}."
                : $"Setting {at}:Assembly: '{declaration.Assembly}' must hold exactly one adapter plug-in type (public, non-abstract, implementing {nameof(IAdapterPlugin)}, with a parameterless constructor), or name one in {at}:Type. Found: {found}.");
        }

        IAdapterPlugin plugin;
        AdapterOptions options;
        try
        {
            plugin = (IAdapterPlugin)Activator.CreateInstance(candidates[0])!;
            options = plugin.CreateOptions();
        }
        catch (Exception e)
        {
            var fault = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
            return Problem($"Setting {at}:Assembly: the plug-in {candidates[0].FullName} threw {fault.GetType().Name} while creating its options: {fault.Message}");
        }

        var assemblyName = declaration.Assembly;
        return BindAndValidate(at, options, section)
            ? new Made(null, null, $"assembly {assemblyName}", () => new PluginAdapter(assemblyName, plugin, options))
            : null;
    }

    // Binds Options into the adapter's options object and runs its validation; problems name the section.
    private bool BindAndValidate(string at, AdapterOptions options, IConfigurationSection section)
    {
        var before = _problems.Count;
        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            _problems.Add($"Setting {at}:Options: {e.Message}");
            return false;
        }

        try
        {
            foreach (var problem in options.Validate())
            {
                _problems.Add($"Setting {at}:Options: {problem}");
            }
        }
        catch (Exception e)
        {
            _problems.Add($"Setting {at}:Options: validating them threw {e.GetType().Name}: {e.Message}");
        }

        return _problems.Count == before;
    }

    private void CheckSchedule(string at, string? schedule)
    {
        var cron = schedule?.Trim();
        if (!string.IsNullOrEmpty(cron) && !string.Equals(cron, Scheduling.SyncSchedulingOptions.Off, StringComparison.OrdinalIgnoreCase) && !CronExpression.TryParse(cron, out _))
        {
            _problems.Add($"Setting {at}:Schedule is neither a Quartz cron expression (seconds minutes hours day-of-month month day-of-week) nor '{Scheduling.SyncSchedulingOptions.Off}': '{cron}'.");
        }
    }

    private IReadOnlySet<string> Records()
    {
        if (_records is null)
        {
            try
            {
                _records = RecordKinds.Feedable(_catalog ??= FieldCatalog.LoadDefault());
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                _problems.Add($"The field catalog (schemas/records) could not be read to check the sources' record kinds: {e.Message}");
                _records = new HashSet<string>(StringComparer.Ordinal);
            }
        }

        return _records;
    }

    // The catalog a layout's kind declared as data is looked up in (null when it cannot be read: Records() says why).
    private FieldCatalog? Catalog()
    {
        Records();
        return _catalog;
    }

    private static string? FindFile(string value)
    {
        if (Path.IsPathRooted(value))
        {
            return File.Exists(value) ? value : null;
        }

        string[] candidates = [Path.GetFullPath(value), Path.Combine(AppContext.BaseDirectory, value)];
        return candidates.FirstOrDefault(File.Exists);
    }

    private Made? Problem(string problem)
    {
        _problems.Add(problem);
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    // What a kind's reading made of a declaration: the record kind and system it yields (null: unknown until it runs).
    private sealed record Made(string? Record, string? System, string What, Func<ISourceAdapter> Create);
}
