using Hub.Capabilities.Requests;
using Hub.Data.Entities;

namespace Hub.Capabilities.Audit;

/// <summary>Appends access records to the chain. Throws when the record cannot be written; the request then fails.</summary>
public interface IAccessRecordWriter
{
    /// <summary>Seals and appends one record for <paramref name="entry"/> made under <paramref name="context"/>.</summary>
    Task<AccessRecord> AppendAsync(HubRequestContext context, AccessEntry entry, string policyVersion, CancellationToken cancellationToken);
}
