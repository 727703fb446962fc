namespace Hub.Capabilities.Prefill;

/// <summary>The member section of a form answered for one household member.</summary>
/// <param name="Items">The member's items, in form order.</param>
public sealed record PrefilledMember(IReadOnlyList<PrefilledItem> Items);
