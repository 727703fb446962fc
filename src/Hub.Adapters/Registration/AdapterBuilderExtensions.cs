using Hub.Adapters.ChildAllowance;
using Hub.Adapters.Layouts;
using Hub.Adapters.Nhi;
using Hub.Adapters.ResidentRegistry;

namespace Hub.Adapters;

/// <summary>Registration of the built-in adapters (<c>hub.Adapters.AddResidentRegistryCsv("registry", o => o.FilePath = …)</c>).</summary>
public static class AdapterBuilderExtensions
{
    /// <summary>住民記録, the UTF-8 CSV export (<see cref="ResidentRegistryCsvAdapter"/>).</summary>
    public static AdapterBuilder AddResidentRegistryCsv(this AdapterBuilder builder, string name, Action<ResidentRegistryCsvOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add<ResidentRegistryCsvOptions>(name, SourceSystems.ResidentRegistry, configure, (o, _) => new ResidentRegistryCsvAdapter(o));
    }

    /// <summary>住民記録, the legacy fixed-width CP932 export (built-in layout <c>resident-registry-legacy</c>); <c>DataPath</c> is the .dat file or its folder.</summary>
    public static AdapterBuilder AddResidentRegistryLegacy(this AdapterBuilder builder, string name, Action<LayoutFileOptions> configure) =>
        builder.AddBuiltInLayout(name, SourceSystems.ResidentRegistry, BuiltInLayouts.ResidentRegistryLegacy, configure);

    /// <summary>個人住民税: every <c>assessments-FY*.csv</c> of the folder <c>DataPath</c> (built-in layout <c>resident-tax</c>).</summary>
    public static AdapterBuilder AddResidentTaxCsv(this AdapterBuilder builder, string name, Action<LayoutFileOptions> configure) =>
        builder.AddBuiltInLayout(name, SourceSystems.ResidentTax, BuiltInLayouts.ResidentTax, configure);

    /// <summary>国民健康保険, the paged JSON API (<see cref="NhiApiAdapter"/>).</summary>
    public static AdapterBuilder AddNhiApi(this AdapterBuilder builder, string name, Action<NhiApiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add<NhiApiOptions>(name, SourceSystems.Nhi, configure, (o, _) => new NhiApiAdapter(o));
    }

    /// <summary>児童手当, the database view (<see cref="ChildAllowanceViewAdapter"/>).</summary>
    public static AdapterBuilder AddChildAllowanceView(this AdapterBuilder builder, string name, Action<ChildAllowanceViewOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add<ChildAllowanceViewOptions>(name, SourceSystems.ChildAllowance, configure, (o, _) => new ChildAllowanceViewAdapter(o));
    }

    /// <summary>
    /// Any export described by a layout file: <c>AddLayoutFile("vendor-x", "schemas/adapters/x.layout.json", o => o.DataPath = …)</c>.
    /// The source system is the layout's record kind's system unless <paramref name="sourceSystem"/> is given.
    /// </summary>
    public static AdapterBuilder AddLayoutFile(this AdapterBuilder builder, string name, string layoutPath, Action<LayoutFileOptions> configure, string? sourceSystem = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.Add<LayoutFileOptions>(
            name,
            sourceSystem ?? SystemOf(layoutPath),
            o =>
            {
                o.LayoutPath = layoutPath;
                configure(o);
            },
            (o, _) => new LayoutFileAdapter(o));
    }

    private static AdapterBuilder AddBuiltInLayout(this AdapterBuilder builder, string name, string system, string layout, Action<LayoutFileOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.Add<LayoutFileOptions>(
            name,
            system,
            o =>
            {
                o.Layout = BuiltInLayouts.Get(layout);
                configure(o);
            },
            (o, _) => new LayoutFileAdapter(o));
    }

    private static string SystemOf(string layoutPath)
    {
        try
        {
            return LayoutLoader.Load(layoutPath).RecordKind switch
            {
                "resident" => SourceSystems.ResidentRegistry,
                "tax-assessment" => SourceSystems.ResidentTax,
                "nhi-qualification" => SourceSystems.Nhi,
                "child-allowance-entitlement" => SourceSystems.ChildAllowance,
                var other => other,
            };
        }
        catch (LayoutException)
        {
            return "unknown"; // the options' validation reports the layout's problems
        }
    }
}
