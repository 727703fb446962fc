using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// The insert columns of one entity type and a compiled binder that copies a row's values into an insert's
/// parameters: properties read directly and the model's value converters inlined, instead of a reflective getter
/// and a converter call for each value. Values reach the parameters as EF Core would pass them, so the stored text
/// of dates and times is the same as through EF Core.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class SqliteTable<T>
    where T : class
{
    private readonly Action<T, SqliteParameter[]> _bind;

    private SqliteTable(string table, IReadOnlyList<string> columns, Action<T, SqliteParameter[]> bind)
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
        var parameters = Expression.Parameter(typeof(SqliteParameter[]), "parameters");
        var body = new List<Expression>();
        var columns = new List<string>();
        foreach (var property in entityType.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd))
        {
            var target = Expression.Property(Expression.ArrayIndex(parameters, Expression.Constant(columns.Count)), nameof(SqliteParameter.Value));
            body.Add(Expression.Assign(target, ValueOf(entity, property)));
            columns.Add(property.GetColumnName(store)!);
        }

        var bind = Expression.Lambda<Action<T, SqliteParameter[]>>(Expression.Block(body), entity, parameters).Compile();
        return new SqliteTable<T>(table, columns, bind);
    }

    /// <summary>A prepared <c>INSERT</c> into <paramref name="target"/> (this table, or a staging table of the same columns).</summary>
    public SqliteInsert<T> PrepareInsert(SqliteConnection connection, string target) => new(connection, this, target);

    /// <summary>Copies <paramref name="row"/>'s values into <paramref name="parameters"/> (one per column, in order).</summary>
    public void Bind(T row, SqliteParameter[] parameters) => _bind(row, parameters);

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // The provider value as an object, or DBNull for null: Microsoft.Data.Sqlite takes parameter values as objects.
    private static Expression ValueOf(ParameterExpression entity, IProperty property)
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

        var boxed = Expression.Convert(value, typeof(object));
        var dbNull = Expression.Constant(DBNull.Value, typeof(object));
        if (underlying is not null)
        {
            return Expression.Condition(Expression.Property(getter, nameof(Nullable<int>.HasValue)), boxed, dbNull);
        }

        return getter.Type.IsValueType ? boxed : Expression.Condition(Expression.Equal(getter, Expression.Constant(null, getter.Type)), dbNull, boxed);
    }

    private sealed class Replacer(ParameterExpression parameter, Expression argument) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? argument : base.VisitParameter(node);
    }
}
