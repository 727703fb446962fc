using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// The non-unique secondary indexes of the versioned record tables on SQLite, each with its <c>CREATE INDEX</c>
/// statement as SQLite's own migrations SQL generator writes it from the model (name, columns, partial filter as
/// migrated). Unique indexes and primary keys are never listed: the merge and the one-latest-version rule need them.
/// </summary>
internal sealed class SqliteSecondaryIndexes
{
    private static SqliteSecondaryIndexes? _fromModel;
    private readonly Dictionary<string, IReadOnlyList<(string Name, string Create)>> _byTable;

    private SqliteSecondaryIndexes(Dictionary<string, IReadOnlyList<(string Name, string Create)>> byTable) => _byTable = byTable;

    /// <summary>The tables that have such indexes.</summary>
    public IEnumerable<string> Tables => _byTable.Keys;

    /// <summary>Built once per process from a SQLite context's model (the model does not change while it runs).</summary>
    public static SqliteSecondaryIndexes Of(DbContext db) => _fromModel ??= Build(db);

    /// <summary>The table's non-unique secondary indexes: name and <c>CREATE INDEX</c> statement.</summary>
    public IReadOnlyList<(string Name, string Create)> Of(string table) => _byTable.TryGetValue(table, out var list) ? list : [];

    private static SqliteSecondaryIndexes Build(DbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var versioned = model.GetEntityTypes()
            .Where(e => typeof(TemporalRecord).IsAssignableFrom(e.ClrType) && e.GetTableName() is not null)
            .Select(e => e.GetTableName()!)
            .ToHashSet(StringComparer.Ordinal);
        var creates = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel())
            .OfType<CreateIndexOperation>()
            .Where(o => !o.IsUnique && versioned.Contains(o.Table))
            .ToList();
        var generator = db.GetService<IMigrationsSqlGenerator>();
        var byTable = new Dictionary<string, IReadOnlyList<(string Name, string Create)>>(StringComparer.Ordinal);
        foreach (var group in creates.GroupBy(o => o.Table, StringComparer.Ordinal))
        {
            byTable[group.Key] = group
                .Select(o => (o.Name, string.Concat(generator.Generate([o], model).Select(c => c.CommandText))))
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .ToList();
        }

        return new SqliteSecondaryIndexes(byTable);
    }
}
