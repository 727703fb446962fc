namespace Hub.Adapters.Catalog;

/// <summary>
/// The field catalog, read from <c>schemas/records/*.schema.json</c>: the one list of canonical fields that the
/// database, the policies, the GraphQL schema and the forms all refer to, and the record kinds (<see cref="RecordKind"/>)
/// those files declare. Immutable.
/// </summary>
public sealed class FieldCatalog
{
    private readonly Dictionary<string, CatalogField> _byPath;
    private readonly Dictionary<string, RecordKind> _kinds;

    private FieldCatalog(IReadOnlyList<RecordKind> kinds, string directory)
    {
        Kinds = kinds;
        Directory = directory;
        Fields = [.. kinds.SelectMany(k => k.Fields)];
        _byPath = Fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
        _kinds = kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>Every field, in file then declaration order.</summary>
    public IReadOnlyList<CatalogField> Fields { get; }

    /// <summary>Every record kind, in file order.</summary>
    public IReadOnlyList<RecordKind> Kinds { get; }

    /// <summary>The kinds stored in the generic table: every kind but the built-in ones.</summary>
    public IEnumerable<RecordKind> GenericKinds => Kinds.Where(k => k.IsGeneric);

    /// <summary>The folder the catalog was read from.</summary>
    public string Directory { get; }

    /// <summary>The records (resident, household, tax, nhi, childAllowance, and every kind a file adds).</summary>
    public IEnumerable<string> Records => Kinds.Select(k => k.Name);

    /// <summary>The field at <paramref name="path"/>, or null.</summary>
    public CatalogField? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>True when <paramref name="path"/> is a catalog field.</summary>
    public bool Contains(string path) => _byPath.ContainsKey(path);

    /// <summary>The kind called <paramref name="name"/>, or null.</summary>
    public RecordKind? Kind(string name) => _kinds.GetValueOrDefault(name);

    /// <summary>
    /// Loads every <c>*.schema.json</c> in <paramref name="directory"/>. A file that contradicts itself or another (an unknown
    /// type, a path or kind declared twice, a missing key or subject, a key, subject, dating or indexed field that is not
    /// declared) fails with a <see cref="FieldCatalogException"/> listing every problem with its file and JSON path.
    /// </summary>
    public static FieldCatalog Load(string directory)
    {
        var problems = new List<string>();
        var kinds = new List<RecordKind>();
        var files = System.IO.Directory.GetFiles(directory, "*.schema.json").Order(StringComparer.Ordinal).ToList();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var kind = new RecordSchemaReader(file, problems).Read(File.ReadAllText(file));
            if (kind is null)
            {
                continue;
            }

            if (kinds.FirstOrDefault(k => k.Name == kind.Name) is { } first)
            {
                problems.Add($"{kind.File}: $.x-hub-record: kind '{kind.Name}' is declared twice (also in {first.File})");
                continue;
            }

            foreach (var field in kind.Fields)
            {
                if (!paths.TryAdd(field.Path, kind.File))
                {
                    problems.Add($"{kind.File}: $.properties.{field.Name}.x-hub-path: '{field.Path}' is declared twice (also in {paths[field.Path]})");
                }
            }

            kinds.Add(kind);
        }

        if (files.Count == 0)
        {
            problems.Add($"{directory}: no *.schema.json files");
        }

        foreach (var missing in RecordKind.BuiltIn.Where(b => problems.Count == 0 && kinds.All(k => k.Name != b)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{directory}: no schema declares the built-in kind '{missing}'");
        }

        return problems.Count > 0 ? throw new FieldCatalogException(directory, problems) : new FieldCatalog(kinds, directory);
    }

    /// <summary>Loads the catalog shipped beside the executable, or found by walking up from the current folder.</summary>
    public static FieldCatalog LoadDefault() => Load(SchemaDirectory.Find("records"));
}
