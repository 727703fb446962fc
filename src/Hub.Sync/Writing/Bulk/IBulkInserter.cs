using Hub.Data;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.Sync.Writing.Bulk;

/// <summary>Inserts many new rows of one entity type inside the context's current transaction, by the provider's fastest path.</summary>
internal interface IBulkInserter
{
    Task InsertAsync(HubDbContext db, IEntityType entityType, IReadOnlyList<object> rows, CancellationToken ct);
}
