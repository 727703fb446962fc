using System.Data;
using System.Linq.Expressions;
using System.Reflection;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Data.Kinds;

/// <summary>
/// One field of a <see cref="GenericRecord"/>'s values in a query, translated per provider: SQLite
/// <c>json_extract(values, '$.field')</c>, PostgreSQL <c>jsonb_extract_path_text(values, 'field')</c> (cast for integers, dates and
/// booleans), SQL Server <c>JSON_VALUE(values, '$.field')</c> (cast likewise). Pass the field name as a constant: the indexes the
/// hub makes for a kind's <c>x-hub-indexed</c> fields (<see cref="RecordKindIndexes"/>) are on these very expressions.
/// </summary>
public static class RecordJson
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>A text (or date, as <c>yyyy-MM-dd</c>) field's value; null when empty.</summary>
    public static string? Text(string values, string field) => throw Untranslated();

    /// <summary>An integer field's value; null when empty.</summary>
    public static long? Integer(string values, string field) => throw Untranslated();

    /// <summary>A date field's value; null when empty.</summary>
    public static DateOnly? Date(string values, string field) => throw Untranslated();

    /// <summary>A boolean field's value; null when empty.</summary>
    public static bool? Boolean(string values, string field) => throw Untranslated();

    /// <summary>The method that reads a field of catalog type <paramref name="type"/> (string, integer, date, boolean).</summary>
    public static MethodInfo ReaderOf(string type) => type switch
    {
        "integer" => Method(nameof(Integer)),
        "date" => Method(nameof(Date)),
        "boolean" => Method(nameof(Boolean)),
        _ => Method(nameof(Text)),
    };

    /// <summary>
    /// The SQL of a field's value as <see cref="RecordJson"/> translates it, on the generic table's own column (no alias),
    /// for <paramref name="provider"/> (an EF provider name): what an index on that field is built on.
    /// </summary>
    public static string Sql(string? provider, string type, string field)
    {
        var column = provider == PostgreSql ? "\"values\"" : provider == Sqlite ? "\"values\"" : "[values]";
        var raw = provider switch
        {
            Sqlite => $"json_extract({column}, '$.{field}')",
            PostgreSql => $"jsonb_extract_path_text({column}, '{field}')",
            _ => $"JSON_VALUE({column}, '$.{field}')",
        };
        return provider == Sqlite || type == "string" ? raw : $"CAST({raw} AS {StoreType(provider, type)})";
    }

    internal static void Configure(ModelBuilder modelBuilder, string? provider)
    {
        if (provider == PostgreSql)
        {
            modelBuilder.Entity<GenericRecord>().Property(x => x.Values).HasColumnType("jsonb");
        }

        foreach (var (name, type) in new[] { (nameof(Text), "string"), (nameof(Integer), "integer"), (nameof(Date), "date"), (nameof(Boolean), "boolean") })
        {
            modelBuilder.HasDbFunction(Method(name)).HasTranslation(args => Translate(provider, type, args));
        }
    }

    private static SqlExpression Translate(string? provider, string type, IReadOnlyList<SqlExpression> args)
    {
        var field = args[1] is SqlConstantExpression { Value: string s } ? s : throw new InvalidOperationException("RecordJson: the field name must be a constant.");
        var text = new StringTypeMapping(provider == Sqlite ? "TEXT" : provider == PostgreSql ? "text" : "nvarchar(4000)", DbType.String);
        var mapping = Mapping(provider, type);
        var clr = ClrType(type);
        if (provider == Sqlite)
        {
            // json_extract gives SQLite's own types: text, integer, 1/0 for booleans; dates stay yyyy-MM-dd text.
            return new SqlFunctionExpression("json_extract", [args[0], new SqlConstantExpression("$." + field, text)], true, [false, false], clr, mapping);
        }

        var raw = provider == PostgreSql
            ? new SqlFunctionExpression("jsonb_extract_path_text", [args[0], new SqlConstantExpression(field, text)], true, [false, false], typeof(string), text)
            : new SqlFunctionExpression("JSON_VALUE", [args[0], new SqlConstantExpression("$." + field, text)], true, [false, false], typeof(string), text);
        return type == "string" ? raw : new SqlUnaryExpression(ExpressionType.Convert, raw, clr, mapping);
    }

    private static RelationalTypeMapping Mapping(string? provider, string type) => type switch
    {
        "integer" => new LongTypeMapping(StoreType(provider, type), DbType.Int64),
        "date" => new DateOnlyTypeMapping(StoreType(provider, type), DbType.Date),
        "boolean" when provider == PostgreSql => new PostgreSqlBool(),
        "boolean" => new BoolTypeMapping(StoreType(provider, type), DbType.Boolean),
        _ => new StringTypeMapping(StoreType(provider, type), DbType.String),
    };

    private static string StoreType(string? provider, string type) => (provider, type) switch
    {
        (Sqlite, "integer" or "boolean") => "INTEGER",
        (Sqlite, _) => "TEXT",
        (PostgreSql, "integer") => "bigint",
        (PostgreSql, "date") => "date",
        (PostgreSql, "boolean") => "boolean",
        (PostgreSql, _) => "text",
        (_, "integer") => "bigint",
        (_, "date") => "date",
        (_, "boolean") => "bit",
        _ => "nvarchar(4000)",
    };

    private static Type ClrType(string type) => type switch
    {
        "integer" => typeof(long),
        "date" => typeof(DateOnly),
        "boolean" => typeof(bool),
        _ => typeof(string),
    };

    private static MethodInfo Method(string name) => typeof(RecordJson).GetMethod(name, [typeof(string), typeof(string)])!;

    // EF's relational boolean writes literals as 0/1, which PostgreSQL does not compare with a boolean.
    private sealed class PostgreSqlBool : BoolTypeMapping
    {
        public PostgreSqlBool()
            : base("boolean", System.Data.DbType.Boolean)
        {
        }

        private PostgreSqlBool(RelationalTypeMappingParameters parameters)
            : base(parameters)
        {
        }

        protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new PostgreSqlBool(parameters);

        protected override string GenerateNonNullSqlLiteral(object value) => (bool)value ? "TRUE" : "FALSE";
    }

    private static InvalidOperationException Untranslated() => new("RecordJson is translated to SQL in queries; it is not called.");
}
