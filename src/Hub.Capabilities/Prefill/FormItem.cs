namespace Hub.Capabilities.Prefill;

/// <summary>One item (様式の項目) of a form: its label on paper and the catalog path that fills it.</summary>
/// <param name="Id">Unique within its list, e.g. <c>nameKana</c>.</param>
/// <param name="Label">The label on the paper form, e.g. 請求者 氏名 (フリガナ).</param>
/// <param name="Path">
/// A scalar catalog path, e.g. <c>resident.nameKana</c>; null for an applicant answer (申請者が記入する項目, e.g. 電話番号): no
/// core system holds it, so it is always UNAVAILABLE and nothing is read for it.
/// </param>
/// <param name="Applies">Who the item is for (<see cref="FormItemCondition"/>); <see cref="FormItemCondition.Everyone"/> by default.</param>
public sealed record FormItem(string Id, string Label, string? Path, FormItemCondition Applies = FormItemCondition.Everyone)
{
    /// <summary>True for an item the resident answers (<c>"answer": "applicant"</c> in the form file).</summary>
    public bool IsApplicantAnswer => Path is null;

    /// <summary>The record the path belongs to (<c>resident</c>, <c>household</c>, <c>tax</c>, <c>nhi</c>, <c>childAllowance</c>, a kind declared as data); null for an applicant answer.</summary>
    public string? Record => Path?[..Path.IndexOf('.', StringComparison.Ordinal)];
}
