namespace Hub.Capabilities.Prefill;

/// <summary>One item (様式の項目) of a form: its label on paper and the catalog path that fills it.</summary>
/// <param name="Id">Unique within its list, e.g. <c>nameKana</c>.</param>
/// <param name="Label">The label on the paper form, e.g. 請求者 氏名 (フリガナ).</param>
/// <param name="Path">A scalar catalog path, e.g. <c>resident.nameKana</c>.</param>
public sealed record FormItem(string Id, string Label, string Path)
{
    /// <summary>The record the path belongs to (<c>resident</c>, <c>household</c>, <c>tax</c>, <c>nhi</c>, <c>childAllowance</c>).</summary>
    public string Record => Path[..Path.IndexOf('.', StringComparison.Ordinal)];
}
