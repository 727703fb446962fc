namespace Hub.Api.Tests.LifeEvents;

/// <summary>The form ids issue 6 names (schemas/forms, written under issue 5): rules are checked against them.</summary>
internal static class FormIds
{
    public static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal)
    {
        "child-allowance-application", "nursery-application", "nhi-enrollment", "move-in-household-members",
    };
}
