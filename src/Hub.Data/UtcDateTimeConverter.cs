using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hub.Data;

/// <summary>Stores <see cref="DateTime"/> as UTC and marks values read back as UTC.</summary>
internal sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
    {
    }
}
