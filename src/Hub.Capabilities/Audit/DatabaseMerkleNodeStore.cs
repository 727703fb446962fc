using System.Globalization;
using System.Text;
using Hub.Capabilities.Audit.Merkle;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Capabilities.Audit;

/// <summary>
/// The Merkle tree's nodes in <c>access_record_tree</c>: the nodes a root or proof needs in one query,
/// <c>WHERE position IN (…)</c>, each a primary-key seek. Positions are numbers the hub computed
/// (<see cref="MerkleNodeId.Position"/>), written as literals.
/// </summary>
public sealed class DatabaseMerkleNodeStore(IDbContextFactory<HubDbContext> contexts) : IMerkleNodeStore
{
    private string? _select;

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
            var position = sql.DelimitIdentifier(tree.FindProperty(nameof(AccessRecordTreeNode.Position))!.GetColumnName());
            var hash = sql.DelimitIdentifier(tree.FindProperty(nameof(AccessRecordTreeNode.Hash))!.GetColumnName());
            _select = $"SELECT {position}, {hash} FROM {sql.DelimitIdentifier(tree.GetTableName()!, tree.GetSchema())} WHERE {position} IN (";
        }

        var byPosition = new Dictionary<long, MerkleNodeId>(nodes.Count);
        foreach (var node in nodes)
        {
            byPosition[node.Position] = node;
        }

        var text = new StringBuilder(_select, _select.Length + (nodes.Count * 12))
            .AppendJoin(", ", byPosition.Keys.Select(p => p.ToString(CultureInfo.InvariantCulture)))
            .Append(')');
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[byPosition[reader.GetInt64(0)]] = reader.GetFieldValue<byte[]>(1);
        }

        return found;
    }
}
