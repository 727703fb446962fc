namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>
/// What an age-based criterion does with a resident whose 生年月日 is 不詳 (a range) and straddles its
/// boundary. Every age criterion names one: a resident is never dropped silently.
/// </summary>
public enum UncertainAges
{
    /// <summary>Count an uncertain resident as matching (reach everyone who might qualify).</summary>
    Include,

    /// <summary>Count an uncertain resident as not matching (only residents certain to qualify).</summary>
    Exclude,

    /// <summary>Keep an uncertain resident in the result, flagged <c>ageUncertain</c>, for a person to check.</summary>
    Separate,
}
