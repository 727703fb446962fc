using GraphQL.Types;
using Hub.Capabilities.Prefill;

namespace Hub.Api.GraphQL.Prefill;

/// <summary>FILLED / WITHHELD / UNAVAILABLE / UNCERTAIN.</summary>
internal sealed class PrefillStatusType : EnumerationGraphType<PrefillStatus>
{
    public PrefillStatusType()
    {
        Name = "PrefillStatus";
        Description = "How a pre-filled item was answered: FILLED (記入済), WITHHELD (policy forbids the field in this task; never read), UNAVAILABLE (no data: ask the resident), UNCERTAIN (a partly unknown or off-calendar date: check with the resident).";
    }
}
