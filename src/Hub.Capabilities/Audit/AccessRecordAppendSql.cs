using System.Data.Common;
using System.Globalization;
using System.Text;
using Hub.Capabilities.Audit.Merkle;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Capabilities.Audit;

/// <summary>
/// The two commands of a group append, written from the EF model (table and column names, each column's type mapping
/// and value conversion) so they read and write exactly what EF would on every provider:
/// <list type="number">
/// <item>lock the chain head by moving it on by the group's size, returning the new end and the Merkle tree's size and
/// right edge (<c>UPDATE … RETURNING</c>, <c>OUTPUT</c> on SQL Server): one round trip that takes the lock every node's
/// appends queue on;</item>
/// <item>insert the sealed records in one multi-row <c>INSERT</c>, the tree nodes they complete in another, and set the
/// head's hash, tree size and edge, in one command.</item>
/// </list>
/// </summary>
public sealed class AccessRecordAppendSql
{
    /// <summary>
    /// The most records one command inserts: 14 parameters each, plus at most 2·100 + 63 node hashes and 3 for the head,
    /// stays under SQL Server's 2,100.
    /// </summary>
    public const int MaxRecords = 100;

    private static readonly (string Property, Func<AccessRecord, object?> Value)[] Columns =
    [
        (nameof(AccessRecord.Sequence), r => r.Sequence),
        (nameof(AccessRecord.RecordedAt), r => r.RecordedAt),
        (nameof(AccessRecord.UserId), r => r.UserId),
        (nameof(AccessRecord.ClientId), r => r.ClientId),
        (nameof(AccessRecord.Task), r => r.Task),
        (nameof(AccessRecord.Purpose), r => r.Purpose),
        (nameof(AccessRecord.Case), r => r.Case),
        (nameof(AccessRecord.Operation), r => r.Operation),
        (nameof(AccessRecord.SubjectAtenaNumbers), r => r.SubjectAtenaNumbers),
        (nameof(AccessRecord.FieldPaths), r => r.FieldPaths),
        (nameof(AccessRecord.MyNumberUsed), r => r.MyNumberUsed),
        (nameof(AccessRecord.PolicyVersion), r => r.PolicyVersion),
        (nameof(AccessRecord.PreviousHash), r => r.PreviousHash),
        (nameof(AccessRecord.Hash), r => r.Hash),
    ];

    private readonly string _lockHead;
    private readonly string _insertInto;
    private readonly string _insertNodes;
    private readonly string _setHeadHash;
    private readonly string _setHeadTree;
    private readonly string _setHeadHashAndTree;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly RelationalTypeMapping _sequenceMapping;
    private readonly RelationalTypeMapping _hashMapping;
    private readonly RelationalTypeMapping _nodeHashMapping;
    private readonly RelationalTypeMapping _edgeMapping;
    private readonly Func<int, string> _parameterName;

    private AccessRecordAppendSql(HubDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var records = db.Model.FindEntityType(typeof(AccessRecord))!;
        var head = db.Model.FindEntityType(typeof(AccessRecordHead))!;
        var tree = db.Model.FindEntityType(typeof(AccessRecordTreeNode))!;
        string Table(IEntityType type) => sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        string Column(IEntityType type, string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName());

        var headTable = Table(head);
        var id = Column(head, nameof(AccessRecordHead.Id));
        var lastSequence = Column(head, nameof(AccessRecordHead.LastSequence));
        var lastHash = Column(head, nameof(AccessRecordHead.LastHash));
        var treeSize = Column(head, nameof(AccessRecordHead.TreeSize));
        var treeEdge = Column(head, nameof(AccessRecordHead.TreeEdge));
        var singleton = AccessRecordHead.SingletonId.ToString(CultureInfo.InvariantCulture);
        _parameterName = i => sql.GenerateParameterName("p" + i.ToString(CultureInfo.InvariantCulture));
        _lockHead = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer"
            ? $"UPDATE {headTable} SET {lastSequence} = {lastSequence} + {_parameterName(0)} OUTPUT INSERTED.{lastSequence}, INSERTED.{lastHash}, INSERTED.{treeSize}, INSERTED.{treeEdge} WHERE {id} = {singleton}"
            : $"UPDATE {headTable} SET {lastSequence} = {lastSequence} + {_parameterName(0)} WHERE {id} = {singleton} RETURNING {lastSequence}, {lastHash}, {treeSize}, {treeEdge}";
        _insertInto = $"INSERT INTO {Table(records)} ({string.Join(", ", Columns.Select(c => Column(records, c.Property)))}) VALUES ";
        _insertNodes = $"INSERT INTO {Table(tree)} ({Column(tree, nameof(AccessRecordTreeNode.Position))}, {Column(tree, nameof(AccessRecordTreeNode.Hash))}) VALUES ";
        _setHeadHash = $"UPDATE {headTable} SET {lastHash} = {{0}} WHERE {id} = {singleton}";
        _setHeadTree = $"UPDATE {headTable} SET {treeSize} = {{0}}, {treeEdge} = {{1}} WHERE {id} = {singleton}";
        _setHeadHashAndTree = $"UPDATE {headTable} SET {lastHash} = {{0}}, {treeSize} = {{1}}, {treeEdge} = {{2}} WHERE {id} = {singleton}";
        _mappings = [.. Columns.Select(c => records.FindProperty(c.Property)!.GetRelationalTypeMapping())];
        _sequenceMapping = head.FindProperty(nameof(AccessRecordHead.LastSequence))!.GetRelationalTypeMapping();
        _hashMapping = head.FindProperty(nameof(AccessRecordHead.LastHash))!.GetRelationalTypeMapping();
        _edgeMapping = head.FindProperty(nameof(AccessRecordHead.TreeEdge))!.GetRelationalTypeMapping();
        _nodeHashMapping = tree.FindProperty(nameof(AccessRecordTreeNode.Hash))!.GetRelationalTypeMapping();
    }

    /// <summary>The commands for <paramref name="db"/>'s model and provider.</summary>
    public static AccessRecordAppendSql For(HubDbContext db) => new(db);

    /// <summary>
    /// Moves the head on by <paramref name="count"/> under its lock (0 only takes the lock); the head's new last sequence,
    /// its (still old) hash, the tree's size and right edge, or null when the row is missing.
    /// </summary>
    public async Task<LockedAccessRecordHead?> LockHeadAsync(DbConnection connection, DbTransaction transaction, int count, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _lockHead;
        command.Parameters.Add(_sequenceMapping.CreateParameter(command, _parameterName(0), (long)count, nullable: false));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new LockedAccessRecordHead(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3));
    }

    /// <summary>
    /// Inserts <paramref name="records"/> (sealed, in chain order) and the tree <paramref name="nodes"/> they complete,
    /// sets the head's hash to the last record's and, with a <paramref name="tree"/>, the head's tree size and edge.
    /// </summary>
    public async Task InsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<AccessRecord> records,
        IReadOnlyList<(MerkleNodeId Node, byte[] Hash)> nodes,
        MerkleFrontier? tree,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(records.Count, MaxRecords);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(_insertInto, _insertInto.Length + (records.Count * Columns.Length * 8) + (nodes.Count * 24) + 256);
        var p = 0;
        for (var r = 0; r < records.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = _parameterName(p++);
                text.Append(c == 0 ? string.Empty : ", ").Append(name);
                command.Parameters.Add(_mappings[c].CreateParameter(command, name, Columns[c].Value(records[r])));
            }

            text.Append(')');
        }

        p = AppendNodes(command, text, nodes, p);
        var hash = _parameterName(p++);
        command.Parameters.Add(_hashMapping.CreateParameter(command, hash, records[^1].Hash, nullable: false));
        text.Append(";\n");
        if (tree is null)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, _setHeadHash, hash));
        }
        else
        {
            var (size, edge) = TreeParameters(command, tree, ref p);
            text.Append(string.Format(CultureInfo.InvariantCulture, _setHeadHashAndTree, hash, size, edge));
        }

        command.CommandText = text.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts tree <paramref name="nodes"/> and sets the head's tree size and edge (the backfill of records written before the tree).</summary>
    public async Task ExtendTreeAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(MerkleNodeId Node, byte[] Hash)> nodes, MerkleFrontier tree, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder((nodes.Count * 24) + 256);
        var p = AppendNodes(command, text, nodes, 0);
        if (nodes.Count > 0)
        {
            text.Append(";\n");
        }

        var (size, edge) = TreeParameters(command, tree, ref p);
        text.Append(string.Format(CultureInfo.InvariantCulture, _setHeadTree, size, edge));
        command.CommandText = text.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Positions are numbers the hub computed, written as literals; only the hashes are parameters.
    private int AppendNodes(DbCommand command, StringBuilder text, IReadOnlyList<(MerkleNodeId Node, byte[] Hash)> nodes, int p)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var (node, hash) = nodes[i];
            var name = _parameterName(p++);
            text.Append(i == 0 ? (text.Length == 0 ? string.Empty : ";\n") + _insertNodes + "(" : ", (")
                .Append(node.Position.ToString(CultureInfo.InvariantCulture)).Append(", ")
                .Append(name).Append(')');
            command.Parameters.Add(_nodeHashMapping.CreateParameter(command, name, hash, nullable: false));
        }

        return p;
    }

    private (string Size, string Edge) TreeParameters(DbCommand command, MerkleFrontier tree, ref int p)
    {
        var size = _parameterName(p++);
        var edge = _parameterName(p++);
        command.Parameters.Add(_sequenceMapping.CreateParameter(command, size, tree.Size, nullable: false));
        command.Parameters.Add(_edgeMapping.CreateParameter(command, edge, tree.ToBytes(), nullable: false));
        return (size, edge);
    }
}
