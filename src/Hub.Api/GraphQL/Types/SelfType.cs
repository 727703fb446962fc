using GraphQL;
using GraphQL.Types;
using Hub.Capabilities.Audit;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>A resident principal's own view: their record, household and who looked at them.</summary>
internal sealed class SelfType : ObjectGraphType<ResidentRecord>
{
    public SelfType()
    {
        Name = "Me";
        Description = "A resident's own view (portal apps): their record, their household and the access records about them.";
        Field<ResidentType>("resident").Description("Your own record").Resolve(c => c.Source);
        Field<HouseholdType>("household")
            .Description("Your household (members other than you show no data)")
            .Resolve(c => ResidentType.Household(c, c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessRecordType>>>>("accessRecords")
            .Description("Who in the city read your data, when and why (oldest first, at most 1000)")
            .Argument<DateTimeGraphType>("from", "From (inclusive)")
            .Argument<DateTimeGraphType>("to", "To (exclusive)")
            .ResolveAsync(async c =>
            {
                var self = c.Source.AtenaNumber;
                var records = await c.RequestServices!.GetRequiredService<AccessRecordQueries>()
                    .AboutAsync(self, Utc(c.GetArgument<DateTime?>("from")), Utc(c.GetArgument<DateTime?>("to")), c.CancellationToken).ConfigureAwait(false);

                // The resident sees that they were looked at, never who else was in the same response.
                return records.Select(r => new AccessRecordView(r, [self])).ToList();
            });
    }

    /// <summary>A DateTime argument as UTC.</summary>
    public static DateTime? Utc(DateTime? value) => value?.ToUniversalTime();
}
