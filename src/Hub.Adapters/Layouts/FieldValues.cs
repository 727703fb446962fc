namespace Hub.Adapters.Layouts;

/// <summary>The converted values of one record, by canonical field name; absent fields are missing.</summary>
internal sealed class FieldValues
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public void Clear() => _values.Clear();

    public void Set(string field, object value) => _values[field] = value;

    public T? Get<T>(string field)
        where T : class => _values.TryGetValue(field, out var v) ? (T)v : null;

    public T? Value<T>(string field)
        where T : struct => _values.TryGetValue(field, out var v) ? (T)v : null;

    /// <summary>A required value; callers have checked presence (see <see cref="RecordMapping.Required"/>).</summary>
    public T Required<T>(string field) => (T)_values[field];
}
