using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Sync.Writing.Bulk;

/// <summary>One column a bulk insert writes: its name, store type, and how to read the provider value from an entity.</summary>
internal sealed class BulkColumn(IProperty property, string name)
{
    private readonly IClrPropertyGetter _getter = property.GetGetter();
    private readonly RelationalTypeMapping _mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();

    public string Name { get; } = name;

    /// <summary>Store type without length or precision, e.g. <c>character varying</c>, <c>timestamp with time zone</c>.</summary>
    public string StoreTypeName { get; } = StripFacets(((RelationalTypeMapping)property.GetRelationalTypeMapping()).StoreType);

    public Type ProviderClrType { get; } = ((RelationalTypeMapping)property.GetRelationalTypeMapping()).Converter?.ProviderClrType
        ?? Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;

    /// <summary>The value as the provider stores it (value converters applied), or null.</summary>
    public object? ProviderValue(object entity)
    {
        var value = _getter.GetClrValueUsingContainingEntity(entity);
        return value is null ? null : _mapping.Converter is { } c ? c.ConvertToProvider(value) : value;
    }

    /// <summary>The columns of <paramref name="entityType"/> that an insert supplies (store-generated keys left out).</summary>
    public static IReadOnlyList<BulkColumn> For(IEntityType entityType, out string table)
    {
        table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        return entityType.GetProperties()
            .Where(p => p.ValueGenerated != ValueGenerated.OnAdd)
            .Select(p => new BulkColumn(p, p.GetColumnName(store)!))
            .ToList();
    }

    private static string StripFacets(string storeType)
    {
        var paren = storeType.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? storeType : storeType[..paren].Trim();
    }
}
