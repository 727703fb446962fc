namespace Hub.Demo.City;

/// <summary>
/// Generates a deterministic demo city and writes what each of its core systems would export:
/// 住民記録 (resident registry CSV), 個人住民税 (assessment CSV per fiscal year), 国民健康保険 (NDJSON),
/// 児童手当 (entitlement CSV), 介護保険 要介護認定 (CP932 CSV read by a layout file), 後期高齢者医療 資格 (CSV read by
/// the sample adapter assembly) and 外国人住民 在留資格等 (CSV read by a layout file), plus <c>manifest.json</c>. Layouts:
/// schemas/adapters/.
/// </summary>
/// <remarks>
/// Households are generated and written one at a time, each from its own random stream, so memory stays
/// flat from a thousand residents to a million and the same options give byte-identical files.
/// </remarks>
public static class DemoCityGenerator
{
    /// <summary>The file, relative to the city's folder, written last: what was generated (seed, size) and each file's hash.</summary>
    public const string ManifestFile = Manifest.RelativePath;

    private const double RemovedHouseholdRate = 0.10;
    private const int ProgressStep = 10_000;

    /// <summary>
    /// Writes the city into <paramref name="outputDirectory"/> (created if missing; files of the same name
    /// are replaced). <paramref name="progress"/> receives the number of current residents written so far,
    /// every 10,000 and at the end.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static DemoCityResult Generate(DemoCityOptions options, string outputDirectory, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options.Validate();

        var root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(root);
        var ids = new IdentifierIssuer(options.Seed);
        var areas = new AreaCatalog(options);
        var composer = new HouseholdComposer(options, ids, areas);

        int current = 0, households = 0;
        List<ExportFile> files;
        using (var registry = new ResidentRegistryExport(root))
        using (var tax = new ResidentTaxExport(root, options))
        using (var nhi = new NhiExport(root, options, ids))
        using (var allowance = new ChildAllowanceExport(root, options, ids))
        using (var legacy = new LegacyResidentExport(root))
        using (var care = new LongTermCareExport(root, options))
        using (var elderly = new LateElderlyExport(root, options))
        using (var residence = new ResidenceStatusExport(root, options))
        {
            void Write(DemoHousehold household)
            {
                registry.Write(household);
                legacy.Write(household);
                tax.Write(household);
                nhi.Write(household);
                allowance.Write(household);
                care.Write(household);
                elderly.Write(household);
                residence.Write(household);
            }

            var nextProgress = ProgressStep;
            for (ulong index = 0; current < options.Residents; index++)
            {
                ct.ThrowIfCancellationRequested();
                var rng = new DemoRandom(options.Seed, index);
                var household = composer.ComposeCurrent(rng, options.Residents - current);
                AssignIncome(household, options, rng);
                Write(household);
                current += household.CurrentCount;
                households++;

                if (rng.Chance(RemovedHouseholdRate))
                {
                    var removed = composer.ComposeRemoved(rng);
                    AssignIncome(removed, options, rng);
                    Write(removed);
                }

                if (current >= nextProgress)
                {
                    progress?.Report(current);
                    nextProgress = (current / ProgressStep * ProgressStep) + ProgressStep;
                }
            }

            for (var i = 0; i < options.MalformedRows; i++)
            {
                var rng = new DemoRandom(options.Seed, ulong.MaxValue - (ulong)i);
                registry.WriteMalformed(composer.ComposeRemoved(rng), i);
            }

            legacy.WriteTables();
            files = [registry.File, .. tax.Files, nhi.File, allowance.File, elderly.File, residence.File];
            allowance.Dispose(); // flushed before the database is built from it
            files.Add(ChildAllowanceDatabase.Write(root, allowance.File.FullPath));
            legacy.Dispose();
            files.AddRange(legacy.Files);
            care.Dispose();
            files.Add(care.File);
        }

        files.Add(GaijiTable.Write(root));
        progress?.Report(current);
        var written = files.ToDictionary(f => f.RelativePath, f => f.Rows, StringComparer.Ordinal);
        Manifest.Write(root, options, current, households, files);
        return new DemoCityResult(root, written[ResidentRegistryExport.RelativePath], current, households, written);
    }

    private static void AssignIncome(DemoHousehold household, DemoCityOptions options, DemoRandom rng)
    {
        foreach (var m in household.Members)
        {
            IncomeModel.Assign(m, options.AsOf, rng);
        }
    }
}
