namespace Hub.Capabilities.Prefill;

/// <summary>A form pre-filled for one resident.</summary>
/// <param name="Form">The form.</param>
/// <param name="Items">The applicant's items, in form order.</param>
/// <param name="MembersStatus">For a form with a member section: FILLED when members are listed, WITHHELD when the task may not list them; else null.</param>
/// <param name="Members">One entry per living household member (head first, then by birth).</param>
public sealed record PrefillResult(FormDefinition Form, IReadOnlyList<PrefilledItem> Items, PrefillStatus? MembersStatus, IReadOnlyList<PrefilledMember> Members)
{
    /// <summary>What the counter must see before using the form (<see cref="PrefillWarning"/>): e.g. the applicant is no longer in the registry.</summary>
    public IReadOnlyList<PrefillWarning> Warnings { get; init; } = [];

    /// <summary>For a form with a spouse section: FILLED when the spouse was found, UNAVAILABLE when there is none in the household, WITHHELD when the task may not choose one; else null.</summary>
    public PrefillStatus? SpouseStatus { get; init; }

    /// <summary>The spouse section answered for the applicant's spouse (配偶者); null unless <see cref="SpouseStatus"/> is FILLED.</summary>
    public PrefilledMember? Spouse { get; init; }
}
