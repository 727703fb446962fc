using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Sync.Writing.PostgreSql;

/// <summary>
/// Binary <c>COPY</c> of one entity type, typed: for each column the model's store type is resolved once to an
/// <see cref="NpgsqlDbType"/> and a compiled row writer reads every property without boxing (value converters
/// inlined), instead of resolving a type name for each boxed value.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class PgCopyTable<T>
    where T : class
{
    private readonly Action<NpgsqlBinaryImporter, T> _writeRow;

    private PgCopyTable(string table, IReadOnlyList<string> columns, Action<NpgsqlBinaryImporter, T> writeRow)
    {
        Table = table;
        Columns = columns;
        _writeRow = writeRow;
        ColumnList = string.Join(", ", columns.Select(Quote));
    }

    /// <summary>The table's name.</summary>
    public string Table { get; }

    /// <summary>The columns an insert supplies (store-generated keys left out), in write order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The columns, quoted and comma-separated.</summary>
    public string ColumnList { get; }

    public static PgCopyTable<T> For(IModel model)
    {
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var entity = Expression.Parameter(typeof(T), "entity");
        var body = new List<Expression> { Expression.Call(importer, typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.StartRow), Type.EmptyTypes)!) };
        var columns = new List<string>();
        foreach (var property in entityType.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd))
        {
            columns.Add(property.GetColumnName(store)!);
            body.Add(WriteColumn(importer, entity, property));
        }

        var writeRow = Expression.Lambda<Action<NpgsqlBinaryImporter, T>>(Expression.Block(body), importer, entity).Compile();
        return new PgCopyTable<T>(table, columns, writeRow);
    }

    /// <summary>Writes <paramref name="rows"/> into <paramref name="target"/> (this table, or a staging table of the same columns).</summary>
    public async Task CopyAsync(NpgsqlConnection connection, string target, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            string.Create(CultureInfo.InvariantCulture, $"COPY {Quote(target)} ({ColumnList}) FROM STDIN (FORMAT BINARY)"), ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            // Values go to the connection's write buffer; only a full buffer touches the socket.
            _writeRow(importer, row);
        }

        await importer.CompleteAsync(ct).ConfigureAwait(false);
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static Expression WriteColumn(ParameterExpression importer, ParameterExpression entity, IProperty property)
    {
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        var dbType = Expression.Constant(DbTypeOf(mapping.StoreType, property), typeof(NpgsqlDbType));
        var getter = Expression.Property(entity, property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property."));
        var clr = getter.Type;
        var underlying = Nullable.GetUnderlyingType(clr);
        Expression value = underlying is not null ? Expression.Property(getter, nameof(Nullable<int>.Value)) : getter;
        if (mapping.Converter is { } converter)
        {
            var toProvider = converter.ConvertToProviderExpression;
            value = ReplaceParameter(toProvider, value.Type == toProvider.Parameters[0].Type ? value : Expression.Convert(value, toProvider.Parameters[0].Type));
        }

        var write = Expression.Call(importer, WriteMethod.MakeGenericMethod(value.Type), value, dbType);
        var writeNull = Expression.Call(importer, typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes)!);
        if (underlying is not null)
        {
            return Expression.IfThenElse(Expression.Property(getter, nameof(Nullable<int>.HasValue)), write, writeNull);
        }

        return clr.IsValueType ? write : Expression.IfThenElse(Expression.Equal(getter, Expression.Constant(null, clr)), writeNull, write);
    }

    private static readonly System.Reflection.MethodInfo WriteMethod = typeof(NpgsqlBinaryImporter).GetMethods()
        .Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write) && m.IsGenericMethodDefinition && m.GetParameters() is [_, { ParameterType: var t }] && t == typeof(NpgsqlDbType));

    private static Expression ReplaceParameter(LambdaExpression lambda, Expression argument) => new Replacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    private static NpgsqlDbType DbTypeOf(string storeType, IProperty property)
    {
        var paren = storeType.IndexOf('(', StringComparison.Ordinal);
        var name = (paren < 0 ? storeType : storeType[..paren]).Trim();
        return name switch
        {
            "character varying" or "varchar" => NpgsqlDbType.Varchar,
            "character" or "char" => NpgsqlDbType.Char,
            "text" => NpgsqlDbType.Text,
            "timestamp with time zone" or "timestamptz" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" or "timestamp" => NpgsqlDbType.Timestamp,
            "date" => NpgsqlDbType.Date,
            "bigint" => NpgsqlDbType.Bigint,
            "integer" => NpgsqlDbType.Integer,
            "smallint" => NpgsqlDbType.Smallint,
            "boolean" => NpgsqlDbType.Boolean,
            "bytea" => NpgsqlDbType.Bytea,
            "numeric" => NpgsqlDbType.Numeric,
            "double precision" => NpgsqlDbType.Double,
            "uuid" => NpgsqlDbType.Uuid,
            "jsonb" => NpgsqlDbType.Jsonb,
            _ => throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name}: store type {storeType} has no binary COPY mapping."),
        };
    }

    private sealed class Replacer(ParameterExpression parameter, Expression argument) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? argument : base.VisitParameter(node);
    }
}
