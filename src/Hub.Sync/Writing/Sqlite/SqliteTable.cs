using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// The insert columns of one entity type and a compiled binder that binds a row's values to a prepared insert by
/// position: properties read directly, the model's value converters inlined, each value passed typed to
/// <see cref="SqliteBoundValues"/> (no boxing, no parameter objects; a value equal to the previous row's is not bound
/// again). Values are stored as EF Core's parameters would store them, so the stored text of dates and times is the
/// same as through EF Core.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class SqliteTable<T>
    where T : class
{
    private readonly Action<T, SqliteBoundValues> _bind;

    private SqliteTable(string table, IReadOnlyList<string> columns, Action<T, SqliteBoundValues> bind)
    {
        Table = table;
        Columns = columns;
        ColumnList = string.Join(", ", columns.Select(Quote));
        _bind = bind;
    }

    /// <summary>The table's name.</summary>
    public string Table { get; }

    /// <summary>The columns an insert supplies (store-generated keys left out), in bind order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The columns, quoted and comma-separated.</summary>
    public string ColumnList { get; }

    public static SqliteTable<T> For(IModel model)
    {
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var entity = Expression.Parameter(typeof(T), "entity");
        var bound = Expression.Parameter(typeof(SqliteBoundValues), "bound");
        var body = new List<Expression>();
        var columns = new List<string>();
        foreach (var property in entityType.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd))
        {
            // SQLite numbers parameters from 1.
            body.Add(BindValue(entity, property, bound, Expression.Constant(columns.Count + 1)));
            columns.Add(property.GetColumnName(store)!);
        }

        var bind = Expression.Lambda<Action<T, SqliteBoundValues>>(Expression.Block(body), entity, bound).Compile();
        return new SqliteTable<T>(table, columns, bind);
    }

    /// <summary>A prepared <c>INSERT</c> into <paramref name="target"/> (this table, or another of the same columns).</summary>
    public SqliteInsert<T> PrepareInsert(SqliteConnection connection, string target) => new(connection, this, target);

    /// <summary>Binds <paramref name="row"/>'s values to the parameters of <paramref name="bound"/>'s statement (one per column, in order).</summary>
    public void Bind(T row, SqliteBoundValues bound) => _bind(row, bound);

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // bound.Value(index, providerValue), or bound.Null(index) for null.
    private static Expression BindValue(ParameterExpression entity, IProperty property, ParameterExpression bound, Expression index)
    {
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        var getter = Expression.Property(entity, property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no CLR property."));
        var underlying = Nullable.GetUnderlyingType(getter.Type);
        Expression value = underlying is not null ? Expression.Property(getter, nameof(Nullable<int>.Value)) : getter;
        if (mapping.Converter is { } converter)
        {
            var toProvider = converter.ConvertToProviderExpression;
            var argument = value.Type == toProvider.Parameters[0].Type ? value : Expression.Convert(value, toProvider.Parameters[0].Type);
            value = new Replacer(toProvider.Parameters[0], argument).Visit(toProvider.Body);
        }

        var providerType = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (providerType.IsEnum)
        {
            providerType = Enum.GetUnderlyingType(providerType);
        }

        if (!SqliteBind.Supports(providerType))
        {
            throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: the SQLite store has no binding for {providerType.Name}.");
        }

        var bindValue = Expression.Call(bound, nameof(SqliteBoundValues.Value), null, index, Expression.Convert(value, providerType));
        var bindNull = Expression.Call(bound, nameof(SqliteBoundValues.Null), null, index);
        if (underlying is not null)
        {
            return Expression.IfThenElse(Expression.Property(getter, nameof(Nullable<int>.HasValue)), bindValue, bindNull);
        }

        return getter.Type.IsValueType ? bindValue : Expression.IfThenElse(Expression.Equal(getter, Expression.Constant(null, getter.Type)), bindNull, bindValue);
    }

    private sealed class Replacer(ParameterExpression parameter, Expression argument) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? argument : base.VisitParameter(node);
    }
}
