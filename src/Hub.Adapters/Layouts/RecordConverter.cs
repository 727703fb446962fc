using System.Globalization;
using Hub.Adapters.Domain.Dates;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>
/// Turns the decoded field texts of one record into an accepted canonical record (with findings) or a
/// rejection naming the field. 外字 in text and name fields are mapped through the source's table; a
/// Private Use Area character the table lacks is kept as read and reported as a finding, not a rejection.
/// </summary>
internal sealed class RecordConverter(RecordMapping mapping, IReadOnlyList<CompiledField> fields, GaijiTable gaiji, bool verifyCheckDigits, TimeSpan offset)
{
    private readonly FieldValues _values = new();
    private readonly EraDateMemo _eraDates = new();

    public RecordMapping Mapping => mapping;

    public IReadOnlyList<CompiledField> Fields => fields;

    /// <summary>Converts; <paramref name="texts"/> holds the raw text of each field, in <see cref="Fields"/> order (null when the field could not be decoded).</summary>
    public SourceItem Convert(string location, byte[] raw, IReadOnlyList<string?> texts)
    {
        _values.Clear();
        List<string>? findings = null;
        string? key = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var value = texts[i];
            if (value is null)
            {
                return SourceItem.Rejected(location, raw, $"{f.Name}: bytes are not valid in the layout's encoding", key);
            }

            value = f.Clean(value);
            if (value.Length == 0 || FieldConverter.IsZeroDate(f.Kind, value))
            {
                continue;
            }

            if (f.Codes is not null)
            {
                if (!f.Codes.TryGetValue(value, out var coded))
                {
                    return SourceItem.Rejected(location, raw, $"{f.Name}: code not in the layout's code table", key);
                }

                value = coded;
            }

            if (f.Kind is FieldKind.Text or FieldKind.Name)
            {
                var mapped = gaiji.Map(value);
                foreach (var u in mapped.Unmapped)
                {
                    (findings ??= []).Add(string.Create(CultureInfo.InvariantCulture, $"{f.Name}: 外字 U+{u.CodePoint:X4} at position {u.Index + 1} has no mapping in the source's 外字 table; kept as read"));
                }

                value = mapped.Text;
            }

            var error = FieldConverter.TryConvert(f.Name, f.Kind, f.Form, value, verifyCheckDigits, offset, out var converted, _eraDates);
            if (error is not null)
            {
                return SourceItem.Rejected(location, raw, error, key);
            }

            _values.Set(f.Name, converted!);
            if (f.Name == mapping.KeyField)
            {
                key = converted!.ToString();
            }
        }

        foreach (var required in mapping.Required)
        {
            if (_values.Get<object>(required) is null)
            {
                return SourceItem.Rejected(location, raw, $"{required}: empty", key);
            }
        }

        return mapping.TryBuild(_values, out var record) is { } problem
            ? SourceItem.Rejected(location, raw, problem, key)
            : SourceItem.Accepted(location, raw, record!, findings);
    }
}
