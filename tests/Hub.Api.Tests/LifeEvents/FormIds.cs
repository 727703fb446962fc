using Hub.Adapters.Catalog;
using Hub.Capabilities.LifeEvents;

namespace Hub.Api.Tests.LifeEvents;

/// <summary>The form ids of schemas/forms (issue 5's prefill forms): rules are checked against the real folder.</summary>
internal static class FormIds
{
    public static readonly IReadOnlySet<string> Required = LifeEventRules.FormIds(SchemaDirectory.Find("forms"));
}
