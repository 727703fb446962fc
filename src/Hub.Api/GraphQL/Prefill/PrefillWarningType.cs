using GraphQL.Types;
using Hub.Capabilities.Prefill;

namespace Hub.Api.GraphQL.Prefill;

/// <summary>Something the counter must see before using a pre-filled form (注意喚起).</summary>
internal sealed class PrefillWarningType : ObjectGraphType<PrefillWarning>
{
    public PrefillWarningType()
    {
        Name = "PrefillWarning";
        Description = "Something the counter must see before using the form, given only where the task may read the fields it is decided from (listed in paths, and in the access record)";
        Field<NonNullGraphType<StringGraphType>>("code").Description("REMOVED: the applicant's registry entry is removed (消除: 死亡, 転出 …)").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What the clerk reads (Japanese)").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paths").Description("The catalog paths the warning was decided from").Resolve(c => c.Source.Paths);
    }
}
