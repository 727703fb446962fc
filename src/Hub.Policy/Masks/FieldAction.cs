namespace Hub.Policy.Masks;

/// <summary>What a task does with a field: the <c>act</c> of a request to the hub's policy.</summary>
public enum FieldAction
{
    /// <summary><c>read</c>: display or pre-fill a field of one resident (閲覧).</summary>
    Read,

    /// <summary><c>extract</c>: bulk extraction, e.g. push-type notification targets (抽出).</summary>
    Extract,

    /// <summary><c>lookup</c>: find a person by the field's value, e.g. by My Number (検索).</summary>
    Lookup,
}
