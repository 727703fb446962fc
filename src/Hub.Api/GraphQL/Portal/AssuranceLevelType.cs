using GraphQL.Types;
using Hub.Capabilities.Agency;

namespace Hub.Api.GraphQL.Portal;

/// <summary>How the resident signed in (token claim <c>acr</c>).</summary>
internal sealed class AssuranceLevelType : EnumerationGraphType<AssuranceLevel>
{
    public AssuranceLevelType()
    {
        Name = "AssuranceLevel";
        Description = "How the resident signed in (token claim acr): JPKI (My Number card: everything, 個人番号 included), PASSWORD (ID and password: everything but 個人番号), NONE (no personal data).";
    }
}
