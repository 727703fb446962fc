namespace Hub.Capabilities.Prefill;

/// <summary>The part of a form filled once for every living member of the applicant's household (世帯員欄).</summary>
/// <param name="Label">The section's label, e.g. 加入する方.</param>
/// <param name="Items">The items of each member.</param>
public sealed record FormMemberSection(string Label, IReadOnlyList<FormItem> Items);
