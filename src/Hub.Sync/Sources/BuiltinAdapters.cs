using Hub.Adapters;
using Hub.Adapters.ChildAllowance;
using Hub.Adapters.Layouts;
using Hub.Adapters.Nhi;
using Hub.Adapters.ResidentRegistry;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Sources;

/// <summary>
/// The adapters a source of kind <c>builtin</c> may name: the SDK's own, plus any the host adds (the demo adds its
/// in-process NHI simulator). Configure at startup; not thread-safe while being added to.
/// </summary>
public sealed class BuiltinAdapters
{
    /// <summary>The hub's default NHI page size: a page is one transaction, and the adapter's own 500 made a million-resident sync pay four times the per-transaction work.</summary>
    public const int NhiPageSize = 2_000;

    private readonly Dictionary<string, BuiltinAdapter> _byName = new(StringComparer.Ordinal);

    /// <summary>The SDK's adapters: <c>resident-registry-csv</c>, <c>resident-registry-legacy</c>, <c>resident-tax-csv</c>, <c>nhi-api</c>, <c>child-allowance-view</c>.</summary>
    public static BuiltinAdapters CreateDefault() => new BuiltinAdapters()
        .Add<ResidentRegistryCsvOptions>("resident-registry-csv", SourceSystems.ResidentRegistry, "resident", o => new ResidentRegistryCsvAdapter(o))
        .Add<LayoutFileOptions>("resident-registry-legacy", SourceSystems.ResidentRegistry, "resident", o => new LayoutFileAdapter(o), o => o.Layout = BuiltInLayouts.Get(BuiltInLayouts.ResidentRegistryLegacy))
        .Add<LayoutFileOptions>("resident-tax-csv", SourceSystems.ResidentTax, "tax", o => new LayoutFileAdapter(o), o => o.Layout = BuiltInLayouts.Get(BuiltInLayouts.ResidentTax))
        .Add<NhiApiOptions>("nhi-api", SourceSystems.Nhi, "nhi", o => new NhiApiAdapter(o), o => o.PageSize = NhiPageSize)
        .Add<ChildAllowanceViewOptions>("child-allowance-view", SourceSystems.ChildAllowance, "childAllowance", o => new ChildAllowanceViewAdapter(o));

    /// <summary>The adapters' names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _byName.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Adds (or replaces) the adapter <paramref name="name"/>; <paramref name="defaults"/> sets the hub's defaults before configuration is bound.</summary>
    public BuiltinAdapters Add<TOptions>(string name, string sourceSystem, string record, Func<TOptions, ISourceAdapter> create, Action<TOptions>? defaults = null)
        where TOptions : AdapterOptions, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        _byName[name] = new BuiltinAdapter(
            name,
            sourceSystem,
            record,
            () =>
            {
                var options = new TOptions();
                defaults?.Invoke(options);
                return options;
            },
            o => create((TOptions)o));
        return this;
    }

    /// <summary>The adapter named <paramref name="name"/>, or null.</summary>
    public BuiltinAdapter? Find(string name) => _byName.GetValueOrDefault(name);
}
