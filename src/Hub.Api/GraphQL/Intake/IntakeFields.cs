using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.PushTargets;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.Intake;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Requests;
using Hub.Data.Entities;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Intake;

/// <summary>
/// One-stop intake over GraphQL: <c>submitApplication</c> (counter staff or the resident), the departments' queue
/// <c>applicationLegs</c> and their leg changes, the resident's withdrawal and notices. Every call goes to the capability
/// (<see cref="IntakeSubmissionService"/>, <see cref="IntakeLegService"/>, <see cref="IntakeQueries"/>).
/// </summary>
internal static class IntakeFields
{
    /// <summary>The user-context key the endpoint stores the <c>Idempotency-Key</c> header under.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const string HouseholdPath = "resident.householdNumber";

    public static void AddIntakeMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ApplicationType>>("submitApplication")
            .Description("申請受付: one application (案件) for a life event, with one leg per procedure the life-event guide lists for the household (該当 or 要確認), each sent to its department with its form pre-filled under the department's task. The applicant adds only the answers the hub cannot know. Idempotency-Key (header or argument): the same key returns the same case (CONFLICT while the first is in flight, UNPROCESSABLE when the payload changed). The same event, person and date from the counter and the portal are one case.")
            .Argument<NonNullGraphType<LifeEventKindType>>("event", "The life event")
            .Argument<NonNullGraphType<StringGraphType>>("atenaNumber", "宛名番号 of the person the event is about (a resident principal: themselves)")
            .Argument<NonNullGraphType<DateType>>("on", "The event date")
            .Argument<ListGraphType<NonNullGraphType<ApplicationAnswerInputType>>>("answers", "What the applicant types")
            .Argument<StringGraphType>("idempotencyKey", "Instead of the Idempotency-Key header")
            .Principal(EnforcementMetadata.StaffOrResident)
            .ResolveAsync(async c => await IntakeErrors.GuardAsync(async () =>
            {
                var atena = Arguments.Number(c, "atenaNumber", "宛名番号");
                var lifeEvent = c.GetArgument<LifeEventKind>("event");
                var key = c.GetArgument<string?>("idempotencyKey") ?? (c.UserContext.TryGetValue(IdempotencyKeyHeader, out var h) ? h as string : null);
                var mayRead = await MayReadAsync(c, atena).ConfigureAwait(false);
                var submission = new IntakeSubmission(lifeEvent, atena, c.GetArgument<DateOnly>("on"), c.GetArgument<List<IntakeAnswer>?>("answers") ?? [], key);
                var submitted = await Service<IntakeSubmissionService>(c).SubmitAsync(submission, new IntakeRequester(c.RequestContext(), mayRead), c.CancellationToken).ConfigureAwait(false);
                foreach (var path in submitted.GuidePaths)
                {
                    c.Access().Add(path, submitted.GuideSubjects);
                }

                c.Access().AddSubjects([atena]);
                return await ApplicationView.LoadAsync(Service<IntakeQueries>(c), submitted.Case, submitted.Replayed, c.CancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false));

        mutation.Field<NonNullGraphType<ApplicationLegType>>("takeApplicationLeg")
            .Description("A department clerk takes a leg (送信済 → 受付). Only the department owning the leg, in its task (else FIELD_FORBIDDEN).")
            .Argument<NonNullGraphType<IdGraphType>>("legId", "The leg")
            .Argument<StringGraphType>("message", "A message for the resident")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c => await ChangeAsync(c, IntakeLegStatus.Received, "受付").ConfigureAwait(false));
        mutation.Field<NonNullGraphType<ApplicationLegType>>("updateApplicationLeg")
            .Description("A department moves a leg it owns: RECEIVED → IN_PROGRESS → COMPLETED / REJECTED, CORRECTION_REQUESTED ⇄ IN_PROGRESS. A change the status model does not allow: INVALID_TRANSITION naming both states.")
            .Argument<NonNullGraphType<IdGraphType>>("legId", "The leg")
            .Argument<NonNullGraphType<ApplicationLegStatusType>>("status", "The new status")
            .Argument<StringGraphType>("reason", "Why (for the record; required to reject)")
            .Argument<StringGraphType>("message", "A message for the resident (required for CORRECTION_REQUESTED)")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c => await ChangeAsync(c, c.GetArgument<IntakeLegStatus>("status"), c.GetArgument<string?>("reason")).ConfigureAwait(false));
        mutation.Field<NonNullGraphType<ApplicationLegType>>("requestApplicationCorrection")
            .Description("補正依頼 (差し戻し): the department asks the applicant to correct or add something; the message tells them what.")
            .Argument<NonNullGraphType<IdGraphType>>("legId", "The leg")
            .Argument<NonNullGraphType<StringGraphType>>("message", "What to correct or add (for the resident)")
            .Argument<StringGraphType>("reason", "Why (for the record)")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c => await ChangeAsync(c, IntakeLegStatus.CorrectionRequested, c.GetArgument<string?>("reason")).ConfigureAwait(false));
        mutation.Field<NonNullGraphType<ApplicationLegType>>("withdrawApplicationLeg")
            .Description("取下げ: the resident withdraws a leg of their own application that is not closed.")
            .Argument<NonNullGraphType<IdGraphType>>("legId", "The leg")
            .Argument<StringGraphType>("reason", "Why")
            .Principal(EnforcementMetadata.Resident)
            .ResolveAsync(async c => await IntakeErrors.GuardAsync(async () =>
            {
                var ctx = c.RequestContext();
                var leg = await Service<IntakeLegService>(c).ChangeAsync(LegId(c), IntakeLegStatus.Withdrawn,
                    new IntakeActor(ctx.UserId, IntakeActorKind.Applicant, null, ctx.ResidentAtenaNumber), c.GetArgument<string?>("reason"), "申請を取り下げました。", c.CancellationToken).ConfigureAwait(false);
                return await ViewAsync(c, leg.Id).ConfigureAwait(false);
            }).ConfigureAwait(false));
        mutation.Field<NonNullGraphType<ApplicationLegType>>("answerApplicationCorrection")
            .Description("The resident answers a 補正依頼: the answers replace the leg's items they name, the leg returns to 処理中 (IN_PROGRESS) and is sent to its department again. Only a leg in CORRECTION_REQUESTED takes answers (else INVALID_TRANSITION).")
            .Argument<NonNullGraphType<IdGraphType>>("legId", "The leg")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationAnswerInputType>>>>("answers", "The corrected or added items")
            .Argument<StringGraphType>("message", "A note for the department")
            .Principal(EnforcementMetadata.Resident)
            .ResolveAsync(async c => await IntakeErrors.GuardAsync(async () =>
            {
                var ctx = c.RequestContext();
                var leg = await Service<IntakeLegService>(c).AnswerCorrectionAsync(LegId(c), c.GetArgument<List<IntakeAnswer>>("answers") ?? [], c.GetArgument<string?>("message"),
                    new IntakeActor(ctx.UserId, IntakeActorKind.Applicant, null, ctx.ResidentAtenaNumber), c.CancellationToken).ConfigureAwait(false);
                return await ViewAsync(c, leg.Id).ConfigureAwait(false);
            }).ConfigureAwait(false));
        mutation.Field<NonNullGraphType<NoticeType>>("markNoticeRead")
            .Description("Marks one of your notices read.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The notice")
            .Principal(EnforcementMetadata.Resident)
            .ResolveAsync(async c => await IntakeErrors.GuardAsync(() =>
                Service<IntakeQueries>(c).MarkReadAsync(c.Gate().Self!, NoticeId(c), c.CancellationToken)).ConfigureAwait(false));
    }

    public static void AddIntakeQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationRuleType>>>>("applicationRules")
            .WithComplexityImpact(1, 5)
            .Description("申請受付ルール: for each life event that takes applications, the legs it opens (department, task, form, SLA days) and the procedures that are guidance only. Configuration, no personal data.")
            .Principal(EnforcementMetadata.Staff)
            .Resolve(c => Service<IntakeRules>(c).Events.OrderBy(e => e.Key).ToList());
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationLegType>>>>("applicationLegs")
            .WithComplexityImpact(1, 5)
            .Description($"A department's queue (oldest change first, at most {IntakeQueries.MaxLegs}): the legs of the request's task, of the department given. A department that owns no legs in the request's task, or a user with no role in it: FIELD_FORBIDDEN.")
            .Argument<NonNullGraphType<StringGraphType>>("department", "担当課, e.g. 保険年金課")
            .Argument<ApplicationLegStatusType>("status", "Only legs in this status")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                var department = c.GetArgument<string>("department");
                var task = c.RequestContext().Task;
                var gate = c.Gate();
                if (!Service<IntakeRules>(c).TasksOf(department).Contains(task) || !WorksInTask(gate))
                {
                    throw FieldEnforcementMiddleware.Forbidden(c, $"the department's legs in task '{task}' are for its staff working in that task only.");
                }

                var queries = Service<IntakeQueries>(c);
                var legs = await queries.LegsAsync([task], department, c.GetArgument<IntakeLegStatus?>("status"), c.CancellationToken).ConfigureAwait(false);
                var applicants = await queries.ApplicantsAsync([.. legs.Select(l => l.CaseId).Distinct()], c.CancellationToken).ConfigureAwait(false);
                var history = await queries.HistoryAsync([.. legs.Select(l => l.Id)], c.CancellationToken).ConfigureAwait(false);
                return legs.Select(l => new ApplicationLegView(l, applicants[l.CaseId], [.. history[l.Id]])).ToList();
            });
    }

    /// <summary><c>me { applications notices }</c>.</summary>
    public static void AddIntakeSelfFields(this ObjectGraphType<ResidentRecord> me)
    {
        me.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationType>>>>("applications")
            .WithComplexityImpact(1, 3)
            .Description("Your applications (申請), newest first, with every leg's status, history and messages")
            .ResolveAsync(async c =>
            {
                var queries = Service<IntakeQueries>(c);
                var cases = await queries.CasesOfAsync(c.Source.AtenaNumber, c.CancellationToken).ConfigureAwait(false);
                var history = await queries.HistoryAsync([.. cases.SelectMany(x => x.Legs).Select(l => l.Id)], c.CancellationToken).ConfigureAwait(false);
                return cases.Select(x => new ApplicationView(x, [.. x.Legs.Select(l => new ApplicationLegView(l, x.AtenaNumber, [.. history[l.Id]]))])).ToList();
            });
        me.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoticeType>>>>("notices")
            .Description("お知らせ about your applications, newest first (at most 200)")
            .Argument<BooleanGraphType>("unreadOnly", "Only those not yet read")
            .ResolveAsync(async c => await Service<IntakeQueries>(c).NoticesAsync(c.Source.AtenaNumber, c.GetArgument<bool?>("unreadOnly") ?? false, c.CancellationToken).ConfigureAwait(false));
    }

    private static async Task<ApplicationLegView> ChangeAsync(IResolveFieldContext c, IntakeLegStatus to, string? reason) =>
        await IntakeErrors.GuardAsync(async () =>
        {
            var ctx = c.RequestContext();
            if (!WorksInTask(c.Gate()))
            {
                throw FieldEnforcementMiddleware.Forbidden(c, $"a leg is moved by its department's staff working in its task; this user has no role in task '{ctx.Task}'.");
            }

            var leg = await Service<IntakeLegService>(c).ChangeAsync(LegId(c), to,
                new IntakeActor(ctx.UserId, IntakeActorKind.Department, ctx.Task), reason, c.GetArgument<string?>("message"), c.CancellationToken).ConfigureAwait(false);
            return await ViewAsync(c, leg.Id).ConfigureAwait(false);
        }).ConfigureAwait(false);

    private static async Task<ApplicationLegView> ViewAsync(IResolveFieldContext c, Guid legId)
    {
        var queries = Service<IntakeQueries>(c);
        var leg = (await queries.LegAsync(legId, c.CancellationToken).ConfigureAwait(false))!;
        var applicant = (await queries.ApplicantsAsync([leg.CaseId], c.CancellationToken).ConfigureAwait(false))[leg.CaseId];
        var history = await queries.HistoryAsync([leg.Id], c.CancellationToken).ConfigureAwait(false);
        return new ApplicationLegView(leg, applicant, [.. history[leg.Id]]);
    }

    // What the guide that chooses the legs may read: as lifeEventGuide reads it for this principal (staff: household facts
    // only where the task reads 世帯番号; a resident: their own and the members' they act for).
    private static async Task<Func<string, bool>> MayReadAsync(IResolveFieldContext c, string atena)
    {
        var gate = c.Gate();
        if (!gate.IsResident)
        {
            var subject = new Subject([atena]);
            var household = gate.Allows(HouseholdPath, FieldAction.Read, subject);
            return path => (household || path != "household.members") && gate.Allows(path, FieldAction.Read, subject);
        }

        if (gate.Self != atena)
        {
            throw FieldEnforcementMiddleware.Forbidden(c, "a resident principal applies for themselves only.");
        }

        var self = await c.Loaders().Residents.Load(atena).GetResultAsync(c.CancellationToken).ConfigureAwait(false)
            ?? throw HubErrors.BadUserInput("atenaNumber", "names no resident");
        gate.OwnHouseholdNumber = self.HouseholdNumber;
        await Portal.PortalFields.ActForHouseholdAsync(c, self).ConfigureAwait(false);
        var members = self.HouseholdNumber is { } hn
            ? (await c.Loaders().Members.Load(hn).GetResultAsync(c.CancellationToken).ConfigureAwait(false) ?? []).Select(m => m.AtenaNumber).Append(atena).Distinct().ToList()
            : [atena];
        return path => members.All(m => gate.Allows(path, FieldAction.Read, new Subject([m])));
    }

    private static bool WorksInTask(FieldGate gate) => IntakeActors.WorksInTask(gate);

    // Ids are checked before anything is loaded; a malformed one is BAD_USER_INPUT naming the argument, never quoted.
    private static Guid LegId(IResolveFieldContext c) =>
        Guid.TryParse(c.GetArgument<string>("legId"), out var id) ? id : throw HubErrors.BadUserInput("legId", "is not a leg id (a UUID this service gave out)");

    private static long NoticeId(IResolveFieldContext c) =>
        long.TryParse(c.GetArgument<string>("id"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw HubErrors.BadUserInput("id", "is not a notice id");

    private static T Service<T>(IResolveFieldContext c)
        where T : notnull => c.RequestServices!.GetRequiredService<T>();
}
