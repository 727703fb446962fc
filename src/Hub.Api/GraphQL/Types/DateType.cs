using GraphQL.Types;

namespace Hub.Api.GraphQL.Types;

/// <summary>A calendar date (<c>yyyy-MM-dd</c>), named <c>Date</c> in the schema as clients expect.</summary>
internal sealed class DateType : DateOnlyGraphType
{
    public DateType()
    {
        Name = "Date";
        Description = "A calendar date, ISO 8601 yyyy-MM-dd.";
    }
}
