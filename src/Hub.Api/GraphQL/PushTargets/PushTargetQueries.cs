using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.PushTargets;

/// <summary>The root fields <c>pushTargets</c>, <c>pushTargetSummary</c> and <c>lifeEventGuide</c>.</summary>
internal static class PushTargetQueries
{
    private const string HouseholdPath = "resident.householdNumber";

    private const string MembersPath = "household.members";

    private const string CriteriaHelp = "Criteria as JSON, the form of schemas/push-targets (e.g. {\"all\":[{\"age\":{\"min\":0,\"max\":2,\"uncertain\":\"separate\"}},{\"householdChildAllowance\":false}]}), or {\"definition\":\"<saved id>\"} (only under the definition's own task)";

    /// <summary>What a summary reads besides its criteria: the 町字 and the age band of every resident counted.</summary>
    private static readonly string[] SummaryPaths = ["resident.areaCode", "resident.birthDate"];

    public static void AddPushTargetQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PushTargetConnectionType>>("pushTargets")
            .Description("Push-type targets (プッシュ型): residents the criteria select on asOf, in keyset pages. Needs 'extract' (not 'read') on every field returned and on every field the criteria read (a list filtered on a field discloses it). Large lists leave through GET /exports/push-targets/{id}.")
            .Argument<NonNullGraphType<StringGraphType>>("criteria", CriteriaHelp)
            .Argument<DateType>("asOf", "Reference date (default today, JST)")
            .Argument<IntGraphType>("first", $"Page size (default 20, at most {PushTargetQuery.MaxPageSize})")
            .Argument<StringGraphType>("after", "endCursor of the previous page")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                var service = Service(c);
                var criteria = Criteria(c);
                var paths = CriterionPaths.Of(criteria).Prepend("resident.atenaNumber").ToList();
                Disclosure.Require(c, paths, FieldAction.Extract, Subject.None, "push-type extraction");
                var after = Cursor(c);
                var asOf = c.GetArgument<DateOnly?>("asOf") ?? service.Today;
                var (rows, endCursor, more) = await service.PageRowsAsync(criteria, asOf, Math.Clamp(c.GetArgument<int?>("first") ?? 20, 1, PushTargetQuery.MaxPageSize), after, c.CancellationToken).ConfigureAwait(false);
                var subjects = rows.Select(r => r.AtenaNumber).ToList();
                foreach (var path in paths)
                {
                    c.Access().Add(path, subjects);
                }

                return new PushTargetConnection(rows, endCursor, more, ct => service.CountAsync(criteria, asOf, ct));
            });
        query.Field<NonNullGraphType<PushTargetSummaryType>>("pushTargetSummary")
            .Description("Counts of the selected residents by 町字 and age band (0-14, 15-64, 65-74, 75+, 不詳) for planning; cells under 10 suppressed. Needs 'extract' on resident.areaCode, resident.birthDate and every field the criteria read.")
            .Argument<NonNullGraphType<StringGraphType>>("criteria", CriteriaHelp)
            .Argument<DateType>("asOf", "Reference date (default today, JST)")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                var criteria = Criteria(c);
                Disclosure.Require(c, CriterionPaths.Of(criteria).Concat(SummaryPaths).Distinct(StringComparer.Ordinal), FieldAction.Extract, Subject.None, "a push-target summary");
                return await Service(c).SummaryAsync(criteria, c.GetArgument<DateOnly?>("asOf"), null, c.CancellationToken).ConfigureAwait(false);
            });
        query.Field<LifeEventGuideType>("lifeEventGuide")
            .Description("Every procedure a life event brings the resident's household (漏れない): department, the reason in the data, the form prefill can fill, whether already done. A procedure decided by facts this task may not read is TO_CONFIRM (要確認) and says nothing of them. Rules: schemas/life-events. Unknown resident: null and NOT_FOUND.")
            .Argument<NonNullGraphType<LifeEventKindType>>("event", "The life event")
            .Argument<NonNullGraphType<StringGraphType>>("atenaNumber", "宛名番号 of the person the event is about (the newborn, the deceased, the mover, the retiree)")
            .Argument<DateType>("on", "Event date (default today, JST; for DEATH of a resident whose death is registered, the day of death where the task may read resident.changeReason and resident.changeDate)")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                var atena = Arguments.Number(c, "atenaNumber", "宛名番号");
                var gate = c.Gate();
                var subject = new Subject([atena]);
                var service = c.RequestServices!.GetRequiredService<LifeEventGuideService>();
                var lifeEvent = c.GetArgument<LifeEventKind>("event");

                // Any task that handles one of the event's procedures may ask, and learns what it may read: the household's
                // facts only where it may read 世帯番号, which chooses the household (else they are TO_CONFIRM).
                var household = gate.Allows(HouseholdPath, FieldAction.Read, subject);
                bool MayRead(string path) => (household || path != MembersPath) && gate.Allows(path, FieldAction.Read, subject);
                if (!service.Decides(lifeEvent, MayRead))
                {
                    throw FieldEnforcementMiddleware.Forbidden(c, $"task '{c.RequestContext().Task}' may read none of the facts the {lifeEvent} guide decides on.");
                }

                var guide = await service.GuideAsync(lifeEvent, atena, c.GetArgument<DateOnly?>("on"), MayRead, c.CancellationToken).ConfigureAwait(false)
                    ?? throw HubErrors.NotFound("resident with this atena number");
                if (household)
                {
                    c.Access().Add(HouseholdPath, [atena]);
                }

                foreach (var path in guide.Paths)
                {
                    c.Access().Add(path, guide.Subjects);
                }

                return guide;
            });
    }

    private static PushTargetQuery Service(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PushTargetQuery>();

    private static string? Cursor(IResolveFieldContext c) =>
        c.GetArgument<string?>("after") is { } after && PushTargetCursor.TryDecode(after) is null
            ? throw HubErrors.BadUserInput("after", "is not a cursor this service gave out (pass endCursor of the previous page)")
            : c.GetArgument<string?>("after");

    /// <summary>The criteria argument: JSON criteria, or a saved definition, which only its own task may run.</summary>
    private static TargetCriterion Criteria(IResolveFieldContext c)
    {
        var json = c.GetArgument<string>("criteria");
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("definition", out var id) && document.RootElement.EnumerateObject().Count() == 1)
            {
                var definition = (id.ValueKind == System.Text.Json.JsonValueKind.String ? c.RequestServices!.GetRequiredService<PushTargetCatalog>().Find(id.GetString()!) : null)
                    ?? throw HubErrors.BadUserInput("criteria", "names no saved push-target definition (schemas/push-targets)");
                var task = c.RequestContext().Task;
                if (!string.Equals(definition.Task, task, StringComparison.Ordinal))
                {
                    throw FieldEnforcementMiddleware.Forbidden(c, $"the list '{definition.Id}' is extracted under the task '{definition.Task}', not '{task}'.");
                }

                return definition.Criteria;
            }

            return PushTargetDefinitionReader.ParseCriteria(json, catalog: c.Gate().Catalog);
        }
        catch (Exception e) when (e is PushTargetDefinitionException or System.Text.Json.JsonException)
        {
            // The reader's message names a JSON path and what is wrong; it never quotes the caller's values.
            throw HubErrors.BadUserInput("criteria", e is PushTargetDefinitionException ? e.Message : "is not valid JSON");
        }
    }
}
