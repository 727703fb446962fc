using Hub.Adapters;
using Hub.Adapters.Nhi;
using Hub.Sync.Resilience;
using Hub.Sync.Running;

namespace Hub.Sync.Sources;

/// <summary>
/// The sources configured in <see cref="HubSourcesOptions"/>, in sync order (the registry first: it is the
/// identity every other system is checked against); their adapters retry transient failures when
/// <paramref name="resilience"/> is given.
/// </summary>
public sealed class ConfiguredSources(HubSourcesOptions options, SourceResilience? resilience = null)
{
    /// <summary>Every configured source.</summary>
    public IReadOnlyList<SyncSource> All { get; } = SourceResilience.Apply(resilience, Build(options));

    /// <summary>The options these sources came from.</summary>
    public HubSourcesOptions Options { get; } = options;

    /// <summary>The source named <paramref name="name"/>; throws naming the known ones when there is none.</summary>
    public SyncSource Get(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No source named '{name}'. Configured: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));

    /// <summary>The adapters of <paramref name="options"/>, registered through the SDK's builder (which validates each).</summary>
    public static AdapterBuilder Register(HubSourcesOptions options, AdapterBuilder? builder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        builder ??= new AdapterBuilder();
        if (!string.IsNullOrWhiteSpace(options.ResidentRegistryFile))
        {
            builder.AddResidentRegistryCsv(SourceNames.ResidentRegistry, o =>
            {
                o.FilePath = options.ResidentRegistryFile;
                o.VerifyCheckDigits = options.ResidentRegistryVerifyCheckDigits;
                o.Encoding = options.ResidentRegistryEncoding;
                o.BatchSize = options.BatchSize;
            });
        }

        if (!string.IsNullOrWhiteSpace(options.ResidentTaxDirectory))
        {
            builder.AddResidentTaxCsv(SourceNames.ResidentTax, o =>
            {
                o.DataPath = options.ResidentTaxDirectory;
                o.BatchSize = options.BatchSize;
            });
        }

        if (options.NhiBaseAddress is not null || !string.IsNullOrWhiteSpace(options.NhiDemoFile))
        {
            builder.AddNhiApi(SourceNames.Nhi, o =>
            {
                o.BaseAddress = options.NhiBaseAddress ?? new Uri("http://nhi.demo.invalid/");
                o.PageSize = options.NhiPageSize;
                if (options.NhiBaseAddress is null)
                {
                    o.CreateHandler = () => NhiApiSimulator.FromDemo(options.NhiDemoFile);
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(options.ChildAllowanceConnectionString))
        {
            builder.AddChildAllowanceView(SourceNames.ChildAllowance, o =>
            {
                o.Provider = options.ChildAllowanceProvider;
                o.ConnectionString = options.ChildAllowanceConnectionString;
                o.BatchSize = options.BatchSize;
            });
        }

        return builder;
    }

    private static IReadOnlyList<SyncSource> Build(HubSourcesOptions options) =>
        Register(options).Registrations
            .Select(r => new SyncSource(r.Name, r.SourceSystem, () => r.Create(EmptyServices.Instance)))
            .ToList();

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
