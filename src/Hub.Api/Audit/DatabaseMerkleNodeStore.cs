using System.Globalization;
using System.Text;
using Hub.Api.Audit.Merkle;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Api.Audit;

/// <summary>
/// The Merkle tree's nodes in <c>access_record_tree</c>: the nodes a root or proof needs in one query,
/// <c>(level = 0 AND node_index IN (…)) OR (level = 3 AND node_index IN (…)) …</c>, each term a primary-key seek.
/// Levels and indexes are numbers the hub computed, written as literals.
/// </summary>
internal sealed class DatabaseMerkleNodeStore(IDbContextFactory<HubDbContext> contexts) : IMerkleNodeStore
{
    private string? _select;
    private string? _level;
    private string? _index;

    public async Task<IReadOnlyDictionary<MerkleNodeId, byte[]>> ReadAsync(IReadOnlyCollection<MerkleNodeId> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var found = new Dictionary<MerkleNodeId, byte[]>(nodes.Count);
        if (nodes.Count == 0)
        {
            return found;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (_select is null)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var tree = db.Model.FindEntityType(typeof(AccessRecordTreeNode))!;
            _level = sql.DelimitIdentifier(tree.FindProperty(nameof(AccessRecordTreeNode.Level))!.GetColumnName());
            _index = sql.DelimitIdentifier(tree.FindProperty(nameof(AccessRecordTreeNode.NodeIndex))!.GetColumnName());
            var hash = sql.DelimitIdentifier(tree.FindProperty(nameof(AccessRecordTreeNode.Hash))!.GetColumnName());
            _select = $"SELECT {_level}, {_index}, {hash} FROM {sql.DelimitIdentifier(tree.GetTableName()!, tree.GetSchema())} WHERE ";
        }

        var text = new StringBuilder(_select, _select.Length + (nodes.Count * 24));
        var first = true;
        foreach (var level in nodes.GroupBy(n => n.Level).OrderBy(g => g.Key))
        {
            text.Append(first ? "(" : " OR (").Append(_level).Append(" = ").Append(level.Key.ToString(CultureInfo.InvariantCulture))
                .Append(" AND ").Append(_index).Append(" IN (")
                .AppendJoin(", ", level.Select(n => n.Index.ToString(CultureInfo.InvariantCulture)).Distinct())
                .Append("))");
            first = false;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = text.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[new MerkleNodeId(reader.GetInt32(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
        }

        return found;
    }
}
