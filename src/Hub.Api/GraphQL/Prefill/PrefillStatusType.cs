using GraphQL.Types;
using Hub.Capabilities.Prefill;

namespace Hub.Api.GraphQL.Prefill;

/// <summary>FILLED / WITHHELD / UNAVAILABLE / UNCERTAIN / NOT_APPLICABLE.</summary>
internal sealed class PrefillStatusType : EnumerationGraphType<PrefillStatus>
{
    public PrefillStatusType()
    {
        Name = "PrefillStatus";
        Description = "How a pre-filled item was answered: FILLED (記入済), WITHHELD (policy forbids the field in this task; never read), UNAVAILABLE (no data, or an item no core system holds: ask the resident), UNCERTAIN (a partly unknown or off-calendar date: check with the resident), NOT_APPLICABLE (該当なし: the item is not for this person, e.g. 在留資格 of a Japanese resident).";
    }
}
