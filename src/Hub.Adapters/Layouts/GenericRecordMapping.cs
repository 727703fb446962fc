using Hub.Adapters.Catalog;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>
/// Layout fields → <see cref="CanonicalGenericRecord"/> of a kind declared as data (<c>schemas/records</c>, e.g. 要介護認定
/// <c>longTermCare</c>): the kind's fields, typed by the catalog (string → text with the source's 外字 mapped, integer,
/// boolean, date in the layout field's form: ISO, yyyymmdd, era code or 和暦), plus <c>sourceTimestamp</c> (required) and
/// <c>isRemoved</c> (消除, optional). A built record is checked against the kind (<see cref="RecordValues.Check"/>: allowed
/// values, pattern, length, required fields); a problem rejects the row naming the field, never the value.
/// </summary>
internal sealed class GenericRecordMapping : RecordMapping
{
    private const string Timestamp = "sourceTimestamp";
    private const string Removed = "isRemoved";

    private readonly RecordKind _kind;

    public GenericRecordMapping(RecordKind kind)
    {
        _kind = kind;
        var fields = new Dictionary<string, FieldKind>(StringComparer.Ordinal);
        var unsupported = new List<string>();
        foreach (var f in kind.Fields)
        {
            FieldKind? type = f.Type switch
            {
                "string" => FieldKind.Text,
                "integer" => FieldKind.Long,
                "boolean" => FieldKind.Bool,
                "date" => FieldKind.Date,
                _ => null,
            };
            if (type is { } t)
            {
                fields[f.Name] = t;
            }
            else
            {
                unsupported.Add(f.Name);
            }
        }

        fields.TryAdd(Timestamp, FieldKind.Timestamp);
        fields.TryAdd(Removed, FieldKind.Bool);
        Fields = fields;
        Unsupported = unsupported;
        Required =
        [
            .. kind.Fields.Where(f => !f.Nullable || f.Name == kind.Subject || kind.Key.Contains(f.Name)).Select(f => f.Name),
            Timestamp,
        ];
    }

    /// <summary>The kind's name, e.g. <c>longTermCare</c>.</summary>
    public string Kind => _kind.Name;

    /// <summary>Fields of the kind whose type a layout cannot fill.</summary>
    public IReadOnlyList<string> Unsupported { get; }

    public override Type RecordType => typeof(CanonicalGenericRecord);

    public override IReadOnlyDictionary<string, FieldKind> Fields { get; }

    public override IReadOnlyList<string> Required { get; }

    public override string KeyField => _kind.Subject;

    public override CanonicalRecord Build(FieldValues v) =>
        TryBuild(v, out var record) is { } problem ? throw new InvalidOperationException(problem) : record!;

    public override string? TryBuild(FieldValues v, out CanonicalRecord? record)
    {
        record = null;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var f in _kind.Fields)
        {
            if (v.Get<object>(f.Name) is { } value)
            {
                values[f.Name] = value;
            }
        }

        var (canonical, problem) = RecordValues.Check(_kind, values, _kind.KeyOf(values));
        if (problem is not null)
        {
            return problem;
        }

        var typed = canonical!.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        record = new CanonicalGenericRecord
        {
            Kind = _kind.Name,
            Key = _kind.KeyOf(typed),
            Values = typed,
            IsRemoved = v.Value<bool>(Removed) ?? false,
            SourceTimestamp = v.Required<DateTimeOffset>(Timestamp),
        };
        return null;
    }
}
