using System.Runtime.Loader;
using Hub.Adapters.Sdk;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Plugins;

/// <summary>
/// Adapter assemblies built by the test and dropped into a plug-in folder: declared as sources of kind <c>assembly</c>, run
/// into a real database; refused when built against an incompatible SDK; and isolated, so that whatever a plug-in throws
/// fails its run and nothing else.
/// </summary>
public abstract class PluginSourceSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _plugins = Directory.CreateTempSubdirectory("hub-plugins-").FullName;
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AssemblySource_DroppedIntoTheFolder_RunsIntoTheDatabase()
    {
        PluginCompiler.Compile("Vendor.Rows", RowsPluginSource.Text, Path.Combine(_plugins, "Vendor.Rows"), PluginCompiler.HubSdkReference);
        var sources = Load(("rows", "3", ""));

        var summary = await Runner().RunAsync(sources.Get("rows"), null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((3, 3, 0), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var db = _db!.CreateContext();
        Assert.Equal(3, await db.Residents.CountAsync(r => r.SourceSystem == "rows-system", Ct));
        var declared = Assert.Single(sources.Declared);
        Assert.Equal((SourceKinds.Assembly, "resident"), (declared.Kind, declared.Record));
    }

    [Fact]
    public void AssemblySource_LoadsInACollectibleContextOfItsOwn_SharingTheSdk()
    {
        PluginCompiler.Compile("Vendor.Rows", RowsPluginSource.Text, _plugins, PluginCompiler.HubSdkReference);
        var sources = Load(("rows", "1", ""));

        var plugin = sources.Declared.Single().CreateAdapter();
        var inner = ((Hub.Sync.Plugins.PluginAdapter)plugin).PluginType;

        var context = AssemblyLoadContext.GetLoadContext(inner.Assembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.True(context.IsCollectible);
        Assert.Same(typeof(ISourceAdapter).Assembly, inner.GetInterfaces().Single(i => i.Name == nameof(IAdapterPlugin)).Assembly);
    }

    [Fact]
    public void AssemblyBuiltAgainstAnotherMajorSdk_IsRefusedWithBothVersions()
    {
        var sdk2 = PluginCompiler.SdkOfVersion("2.0.0.0", Path.Combine(_plugins, "..", Path.GetFileName(_plugins) + "-sdk2"));
        PluginCompiler.Compile("Vendor.Next", "public sealed class NextPlugin : Hub.Adapters.Sdk.IAdapterPlugin { }", _plugins, sdk2);

        var e = Assert.Throws<HubSyncConfigurationException>(() => Load(("next", "1", ""), assembly: "Vendor.Next"));

        var line = Assert.Single(e.Message.Split(Environment.NewLine));
        Assert.StartsWith("Setting Hub:Sources:next:Assembly: 'Vendor.Next' was built against SDK Hub.Adapters 2.0.0, and this hub's SDK is ", line, StringComparison.Ordinal);
        Assert.Contains($"{HubSdk.Version.Major}.{HubSdk.Version.Minor}.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AssemblyBuiltAgainstANewerMinorSdk_IsRefused()
    {
        var newer = $"{HubSdk.Version.Major}.{HubSdk.Version.Minor + 1}.0.0";
        var sdk = PluginCompiler.SdkOfVersion(newer, Path.Combine(_plugins, "..", Path.GetFileName(_plugins) + "-newer"));
        PluginCompiler.Compile("Vendor.Newer", "public sealed class NewerPlugin : Hub.Adapters.Sdk.IAdapterPlugin { }", _plugins, sdk);

        var e = Assert.Throws<HubSyncConfigurationException>(() => Load(("newer", "1", ""), assembly: "Vendor.Newer"));

        Assert.Contains($"was built against SDK Hub.Adapters {HubSdk.Version.Major}.{HubSdk.Version.Minor + 1}.0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create", "failed creating its adapter: System.InvalidOperationException: boom in create", 0)]
    [InlineData("read", "failed reading: System.InvalidOperationException: boom in read", 2)]
    [InlineData("cancel", "failed reading: System.OperationCanceledException: not the host's", 2)]
    public async Task ThrowingPlugin_FailsItsRunOnly_AndTheNextSourceStillRuns(string fail, string error, int stored)
    {
        PluginCompiler.Compile("Vendor.Rows", RowsPluginSource.Text, _plugins, PluginCompiler.HubSdkReference);
        var sources = Load(("rows", "2", fail), ("good", "2", ""));
        var runner = Runner();

        var failed = await runner.RunAsync(sources.Get("rows"), null, Ct);
        var next = await runner.RunAsync(sources.Get("good"), null, Ct);

        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Contains("plug-in Vendor.Rows " + error, failed.Error, StringComparison.Ordinal);
        Assert.Equal(stored, failed.Inserted);
        Assert.True(next.Succeeded, next.Error);
        await using var db = _db!.CreateContext();
        var run = await db.SyncRuns.SingleAsync(r => r.Id == failed.RunId, Ct);
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Equal(failed.Error, run.Error);
    }

    [Fact]
    public void PluginThrowingWhileCreatingItsOptions_IsReportedAtStartupNamingTheSetting()
    {
        PluginCompiler.Compile("Vendor.Rows", RowsPluginSource.ThrowingOptions, _plugins, PluginCompiler.HubSdkReference);

        var e = Assert.Throws<HubSyncConfigurationException>(() => Load(("rows", "2", "")));

        Assert.StartsWith("Setting Hub:Sources:rows:Assembly: the plug-in Vendor.Rows.RowsPlugin threw InvalidOperationException while creating its options: options boom", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginOptions_BoundAndValidatedAtStartup_EveryProblemNamed()
    {
        PluginCompiler.Compile("Vendor.Rows", RowsPluginSource.Text, _plugins, PluginCompiler.HubSdkReference);

        var e = Assert.Throws<HubSyncConfigurationException>(() => Load(("rows", "-1", ""), ("typo", "1", ""), extra: new() { ["Hub:Sources:typo:Options:Rowz"] = "4" }));

        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Setting Hub:Sources:rows:Options: Rows must not be negative.", lines);
        Assert.Contains(lines, l => l.StartsWith("Setting Hub:Sources:typo:Options: ", StringComparison.Ordinal) && l.Contains("Rowz", StringComparison.Ordinal));
    }

    private SyncRunner Runner() => new(_db!.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);

    private ConfiguredSources Load((string Name, string Rows, string Fail) first, params (string Name, string Rows, string Fail)[] more) =>
        Load([first, .. more], "Vendor.Rows", []);

    private ConfiguredSources Load((string Name, string Rows, string Fail) source, string assembly) =>
        Load([source], assembly, []);

    private ConfiguredSources Load((string Name, string Rows, string Fail) first, (string Name, string Rows, string Fail) second, Dictionary<string, string?> extra) =>
        Load([first, second], "Vendor.Rows", extra);

    private ConfiguredSources Load(IEnumerable<(string Name, string Rows, string Fail)> declared, string assembly, Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?> { ["Hub:Plugins:Directory"] = _plugins };
        foreach (var (name, rows, fail) in declared)
        {
            settings[$"Hub:Sources:{name}:Kind"] = "assembly";
            settings[$"Hub:Sources:{name}:Assembly"] = assembly;
            settings[$"Hub:Sources:{name}:Record"] = "resident";
            settings[$"Hub:Sources:{name}:System"] = "rows-system";
            settings[$"Hub:Sources:{name}:Options:Rows"] = rows;
            settings[$"Hub:Sources:{name}:Options:Fail"] = fail;
        }

        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }

        return ConfiguredSources.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}

public sealed class SqlitePluginSourceTests() : PluginSourceSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlPluginSourceTests() : PluginSourceSpecification(DatabaseProvider.PostgreSql);
