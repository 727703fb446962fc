using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.Types;
using Hub.Api.LifeEvents;
using Hub.Api.PushTargets;
using Hub.Api.PushTargets.Criteria;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.PushTargets;

/// <summary>The root fields <c>pushTargets</c>, <c>pushTargetSummary</c> and <c>lifeEventGuide</c>.</summary>
internal static class PushTargetQueries
{
    private const string HouseholdPath = "resident.householdNumber";

    private const string CriteriaHelp = "Criteria as JSON, the form of schemas/push-targets (e.g. {\"all\":[{\"age\":{\"min\":0,\"max\":2,\"uncertain\":\"separate\"}},{\"householdChildAllowance\":false}]}), or {\"definition\":\"<saved id>\"}";

    public static void AddPushTargetQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PushTargetConnectionType>>("pushTargets")
            .Description("Push-type targets (プッシュ型): residents the criteria select on asOf, in keyset pages. Needs 'extract' (not 'read') per field. Large lists leave through GET /exports/push-targets/{id}.")
            .Argument<NonNullGraphType<StringGraphType>>("criteria", CriteriaHelp)
            .Argument<DateType>("asOf", "Reference date (default today, JST)")
            .Argument<IntGraphType>("first", $"Page size (default 20, at most {PushTargetQuery.MaxPageSize})")
            .Argument<StringGraphType>("after", "endCursor of the previous page")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                RequireExtract(c, "resident.atenaNumber");
                var service = Service(c);
                var criteria = Criteria(c);
                var asOf = c.GetArgument<DateOnly?>("asOf") ?? service.Today;
                var (rows, endCursor, more) = await service.PageRowsAsync(criteria, asOf, Math.Clamp(c.GetArgument<int?>("first") ?? 20, 1, PushTargetQuery.MaxPageSize), c.GetArgument<string?>("after"), c.CancellationToken).ConfigureAwait(false);
                c.Access().AddSubjects(rows.Select(r => r.AtenaNumber));
                return new PushTargetConnection(rows, endCursor, more, ct => service.CountAsync(criteria, asOf, ct));
            });
        query.Field<NonNullGraphType<PushTargetSummaryType>>("pushTargetSummary")
            .Description("Counts of the selected residents by 町字 and age band (0-14, 15-64, 65-74, 75+, 不詳) for planning; cells under 10 suppressed.")
            .Argument<NonNullGraphType<StringGraphType>>("criteria", CriteriaHelp)
            .Argument<DateType>("asOf", "Reference date (default today, JST)")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                RequireExtract(c, "resident.areaCode");
                return await Service(c).SummaryAsync(Criteria(c), c.GetArgument<DateOnly?>("asOf"), null, c.CancellationToken).ConfigureAwait(false);
            });
        query.Field<LifeEventGuideType>("lifeEventGuide")
            .Description("Every procedure a life event brings the resident's household (漏れない): department, the reason in the data, the form prefill can fill, whether already done. Rules: schemas/life-events. Unknown resident: null and NOT_FOUND.")
            .Argument<NonNullGraphType<LifeEventKindType>>("event", "The life event")
            .Argument<NonNullGraphType<StringGraphType>>("atenaNumber", "宛名番号 of the person the event is about (the newborn, the deceased, the mover, the retiree)")
            .Argument<DateType>("on", "Event date (default today, JST)")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                var atena = c.GetArgument<string>("atenaNumber");
                if (!c.Gate().Allows(HouseholdPath, FieldAction.Read, new Subject([atena])))
                {
                    throw FieldEnforcementMiddleware.Forbidden(c, $"life-event guidance reads the household; {HouseholdPath} may not be read in task '{c.RequestContext().Task}'.");
                }

                var guide = await c.RequestServices!.GetRequiredService<LifeEventGuideService>()
                    .GuideAsync(c.GetArgument<LifeEventKind>("event"), atena, c.GetArgument<DateOnly?>("on"), c.CancellationToken).ConfigureAwait(false)
                    ?? throw HubErrors.NotFound("resident with this atena number");
                c.Access().Add(HouseholdPath, [atena]);
                return guide;
            });
    }

    private static PushTargetQuery Service(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PushTargetQuery>();

    private static void RequireExtract(IResolveFieldContext c, string path)
    {
        if (!c.Gate().Allows(path, FieldAction.Extract, Subject.None))
        {
            throw FieldEnforcementMiddleware.Forbidden(c, $"push-type extraction needs 'extract' on {path} in task '{c.RequestContext().Task}'.");
        }
    }

    private static TargetCriterion Criteria(IResolveFieldContext c)
    {
        var json = c.GetArgument<string>("criteria");
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("definition", out var id) && document.RootElement.EnumerateObject().Count() == 1)
            {
                return c.RequestServices!.GetRequiredService<PushTargetCatalog>().Find(id.GetString() ?? string.Empty)?.Criteria
                    ?? throw new ExecutionError($"No saved push-target definition '{id.GetString()}'.") { Code = "BAD_USER_INPUT" };
            }

            return PushTargetDefinitionReader.ParseCriteria(json);
        }
        catch (Exception e) when (e is PushTargetDefinitionException or System.Text.Json.JsonException)
        {
            throw new ExecutionError(e.Message) { Code = "BAD_USER_INPUT" };
        }
    }
}
