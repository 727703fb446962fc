using Hub.Data.Providers;

namespace Hub.Sync.Writing.Bulk;

/// <summary>The bulk path of each provider.</summary>
internal static class BulkInserters
{
    public static IBulkInserter For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSqlCopyInserter(),
        DatabaseProvider.SqlServer => new SqlServerBulkCopyInserter(),
        _ => new SqliteBatchInserter(),
    };
}
