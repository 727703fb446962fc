using Hub.Adapters.Catalog;
using Hub.Adapters.Outbound;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Entities.Intake;
using Hub.Policy.Masks;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Intake.Delivery;

/// <summary>
/// Delivers what the outbox owes, at least once: a leg to its department's adapter (its data released under the leg's
/// task through the rule's role, recorded in the access log before the adapter sees it), a notice to the sink. A row is
/// marked delivered only after the adapter or sink returned; a failure leaves it owed with a doubling backoff. A crash
/// anywhere therefore repeats a delivery (the same delivery id) and never loses one.
/// </summary>
public sealed class IntakeOutboxDispatcher(
    IDbContextFactory<HubDbContext> factory,
    IntakeRules rules,
    IEnumerable<DepartmentAdapterRegistration> adapters,
    INoticeSink? notices,
    FieldMaskCache masks,
    FieldCatalog catalog,
    IAccessRecordWriter accessRecords,
    IntakeDeliveryOptions options,
    TimeProvider time)
{
    private readonly Dictionary<string, IDepartmentAdapter> _adapters = adapters.ToDictionary(a => a.Name, a => a.Adapter, StringComparer.Ordinal);

    /// <summary>The user access records of deliveries name.</summary>
    public const string SystemUser = "hub-intake-delivery";

    /// <summary>The operation of a notice sent without its text (the default).</summary>
    public const string SendNoticeOperation = "sendNotice";

    /// <summary>The operation of a notice sent with its title and message.</summary>
    public const string SendNoticeWithTextOperation = "sendNoticeWithText";

    /// <summary>The purpose access records of leg deliveries name.</summary>
    public const string Purpose = "申請受付（担当課への送付）";

    /// <summary>One round: every due row of one batch; returns (delivered, failed).</summary>
    public async Task<(int Delivered, int Failed)> RunOnceAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<IntakeOutboxMessage> due;
        await using (var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            due = await db.IntakeOutbox.AsNoTracking().Where(o => o.DeliveredAt == null && o.NextAttemptAt <= now)
                .OrderBy(o => o.Id).Take(options.BatchSize).ToListAsync(ct).ConfigureAwait(false);
        }

        var (delivered, failed) = (0, 0);
        foreach (var row in due)
        {
            IntakeCrashPoints.Hit("deliver-picked");
            try
            {
                if (row.Kind == IntakeOutbox.LegKind)
                {
                    await DeliverLegAsync(row, ct).ConfigureAwait(false);
                }
                else if (notices is not null)
                {
                    await SendNoticeAsync(row, ct).ConfigureAwait(false);
                }

                IntakeCrashPoints.Hit("deliver-before-mark");
                await MarkAsync(row.Id, ct).ConfigureAwait(false);
                IntakeCrashPoints.Hit("deliver-marked");
                delivered++;
            }
#pragma warning disable CA1031 // an adapter or sink may throw anything; the row stays owed and is retried
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                await FailedAsync(row, e, ct).ConfigureAwait(false);
                failed++;
            }
        }

        return (delivered, failed);
    }

    /// <summary>The leg as its department receives it, released under the leg's task through the rule's role; the release is recorded.</summary>
    public async Task<LegDelivery> ReleaseAsync(Guid legId, CancellationToken ct = default) => await ReleaseAsync(legId, null, ct).ConfigureAwait(false);

    private async Task<LegDelivery> ReleaseAsync(Guid legId, string? deliveryId, CancellationToken ct)
    {
        IntakeLeg leg;
        IntakeCase intakeCase;
        await using (var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            leg = await db.IntakeLegs.AsNoTracking().SingleAsync(l => l.Id == legId, ct).ConfigureAwait(false);
            intakeCase = await db.IntakeCases.AsNoTracking().SingleAsync(c => c.Id == leg.CaseId, ct).ConfigureAwait(false);
        }

        var role = rules.AllLegs.FirstOrDefault(r => r.Procedure == leg.ProcedureId && r.Task == leg.Task)?.Role;
        var mask = role is null || masks.Version is null ? null : masks.Get(role, leg.Task);
        var gate = FieldGate.ForStaff(mask, catalog, false);
        var access = new AccessCollector();
        access.AddOperation("deliverApplicationLeg");
        var items = IntakeLegRelease.Items(leg, intakeCase.AtenaNumber, gate, access);
        var context = new HubRequestContext(leg.Task, Purpose, intakeCase.Id.ToString("N"), SystemUser, [], null, leg.Department);
        await accessRecords.AppendAsync(context, access.ToEntry(), gate.PolicyVersion, ct).ConfigureAwait(false);
        return new LegDelivery(
            deliveryId ?? $"leg:{leg.Id:N}", leg.Id, intakeCase.Id, intakeCase.Event, leg.ProcedureId, leg.Name, leg.Department, leg.Task, leg.FormId, leg.DueOn,
            intakeCase.AtenaNumber, new DateTimeOffset(intakeCase.SubmittedAt, TimeSpan.Zero),
            [.. items.Select(i => new LegDeliveryItem(i.Section, i.Subject.Length == 0 ? null : i.Subject, i.Id, i.Label, i.Path, Upper(i.Status), i.Value, i.Source))]);
    }

    private async Task DeliverLegAsync(IntakeOutboxMessage row, CancellationToken ct)
    {
        var delivery = await ReleaseAsync(row.LegId!.Value, row.DedupeKey, ct).ConfigureAwait(false);
        IntakeCrashPoints.Hit("deliver-released");
        var name = options.Routes.GetValueOrDefault(delivery.Department) ?? options.DefaultAdapter;
        var adapter = _adapters.GetValueOrDefault(name) ?? throw new InvalidOperationException($"No department adapter named {name} is registered.");
        await adapter.DeliverAsync(delivery, ct).ConfigureAwait(false);
        IntakeCrashPoints.Hit("deliver-written");
    }

    private async Task SendNoticeAsync(IntakeOutboxMessage row, CancellationToken ct)
    {
        IntakeNotice notice;
        await using (var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            notice = await db.IntakeNotices.AsNoTracking().SingleAsync(n => n.Id == row.NoticeId, ct).ConfigureAwait(false);
        }

        // The notice names its resident (and, where the sink carries text, what it says): a release to the portal or mail
        // gateway, recorded as such before it leaves.
        var text = notices!.SendsText;
        var access = new AccessCollector();
        access.AddOperation(text ? SendNoticeWithTextOperation : SendNoticeOperation);
        access.AddSubjects([notice.AtenaNumber]);
        await accessRecords.AppendAsync(new HubRequestContext("resident-portal", "お知らせの送信", notice.CaseId.ToString("N"), SystemUser, [], null, "webhook"), access.ToEntry(), masks.Version ?? "none", ct).ConfigureAwait(false);
        await notices.SendAsync(new NoticeDelivery($"notice:{notice.Id}", notice.Id, notice.AtenaNumber, notice.CaseId, notice.LegId, text ? notice.Title : null, text ? notice.Message : null, notice.CreatedAt), ct).ConfigureAwait(false);
        IntakeCrashPoints.Hit("deliver-written");
    }

    private async Task MarkAsync(long id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.IntakeOutbox.Where(o => o.Id == id && o.DeliveredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.DeliveredAt, now).SetProperty(o => o.Attempts, o => o.Attempts + 1), ct).ConfigureAwait(false);
    }

    // Owed again after a doubling wait (1 s, 2 s, 4 s … at most MaxBackoff); the error is kept by its type, never its message.
    private async Task FailedAsync(IntakeOutboxMessage row, Exception e, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(row.Attempts, 20)), options.MaxBackoff.TotalSeconds));
        var next = time.GetUtcNow().UtcDateTime + wait;
        var error = e.GetType().Name;
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.IntakeOutbox.Where(o => o.Id == row.Id && o.DeliveredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.NextAttemptAt, next).SetProperty(o => o.LastError, error), ct)
            .ConfigureAwait(false);
    }

    private static string Upper(string status) => status == IntakeLegItem.Typed ? status
        : string.Concat(status.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : char.ToUpperInvariant(ch).ToString()));
}
