using Hub.Capabilities.Audit;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Data.Entities;

namespace Hub.Api.Tests.PushTargets;

/// <summary>Keeps the entries an export appends, in order.</summary>
internal sealed class CapturingAccessRecordWriter : IAccessRecordWriter
{
    public List<(HubRequestContext Context, AccessEntry Entry)> Appended { get; } = [];

    public Task<AccessRecord> AppendAsync(HubRequestContext context, AccessEntry entry, string policyVersion, CancellationToken cancellationToken)
    {
        Appended.Add((context, entry));
        return Task.FromResult(new AccessRecord { Sequence = Appended.Count, Task = context.Task, UserId = context.UserId });
    }
}
