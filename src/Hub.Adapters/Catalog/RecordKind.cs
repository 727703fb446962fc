using System.Globalization;

namespace Hub.Adapters.Catalog;

/// <summary>
/// A record kind (レコード種別) as one <c>schemas/records/&lt;kind&gt;.schema.json</c> declares it: its fields, the fields that
/// identify one record in its source (<c>x-hub-key</c>), the field holding the 宛名番号 of the resident the record is about
/// (<c>x-hub-subject</c>), its effective dating (<c>x-hub-dating</c>) and the fields searches and criteria may test
/// (<c>x-hub-indexed</c>). The built-in kinds (<see cref="BuiltIn"/>) have typed tables; every other kind is stored generically.
/// </summary>
public sealed class RecordKind
{
    /// <summary>The kinds with typed tables and code of their own: 住民, 世帯, 個人住民税, 国保, 児童手当.</summary>
    public static IReadOnlySet<string> BuiltIn { get; } = new HashSet<string>(["resident", "household", "tax", "nhi", "childAllowance"], StringComparer.Ordinal);

    private readonly Dictionary<string, CatalogField> _byName;

    internal RecordKind(string name, string label, string file, IReadOnlyList<CatalogField> fields, IReadOnlyList<string> key, string subject, RecordDating? dating, IReadOnlyList<string> indexed)
    {
        Name = name;
        Label = label;
        File = file;
        Fields = fields;
        Key = key;
        Subject = subject;
        Dating = dating;
        Indexed = indexed;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The kind's name, the first segment of its paths: <c>longTermCare</c>.</summary>
    public string Name { get; }

    /// <summary>Japanese label (<c>x-hub-label</c> of the file), e.g. 要介護認定.</summary>
    public string Label { get; }

    /// <summary>The schema file's name, e.g. <c>long-term-care.schema.json</c>.</summary>
    public string File { get; }

    /// <summary>The fields in declaration order.</summary>
    public IReadOnlyList<CatalogField> Fields { get; }

    /// <summary>Names of the fields whose values, in this order, identify one record in its source.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>Name of the field holding the 宛名番号 of the resident the record is about.</summary>
    public string Subject { get; }

    /// <summary>The effective dating, when the kind has one; without it a record is valid until removed (消除).</summary>
    public RecordDating? Dating { get; }

    /// <summary>Names of the fields searches, life-event rules and push criteria may test.</summary>
    public IReadOnlyList<string> Indexed { get; }

    /// <summary>True for a kind stored in the generic table (every kind but the built-in ones).</summary>
    public bool IsGeneric => !BuiltIn.Contains(Name);

    /// <summary>The catalog path of the subject field, e.g. <c>longTermCare.atenaNumber</c>.</summary>
    public string SubjectPath => Name + "." + Subject;

    /// <summary>The field called <paramref name="name"/>, or null.</summary>
    public CatalogField? Field(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The source key of a record with these values: the key fields' values in their invariant text form (dates
    /// <c>yyyy-MM-dd</c>), joined by <c>|</c>. An adapter sets <c>CanonicalGenericRecord.Key</c> to this.
    /// </summary>
    public string KeyOf(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Join('|', Key.Select(k => Text(values.GetValueOrDefault(k))));
    }

    /// <summary>A value's invariant text: dates <c>yyyy-MM-dd</c>, booleans <c>true</c>/<c>false</c>, null empty.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
