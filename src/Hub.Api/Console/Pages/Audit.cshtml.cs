using System.Text.RegularExpressions;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Policy.Masks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.PrivacyConsole.Pages;

/// <summary>
/// アクセス監査: access records about a resident (the search is itself recorded in the access log, as the GraphQL
/// <c>accessRecords</c> query is), the after-hours and mass-lookup reports of <c>hub audit report</c> as tables and a
/// per-day chart, and the state of the hash chain, Merkle tree and latest checkpoint.
/// </summary>
public sealed partial class AuditModel(
    AccessRecordQueries queries,
    IAccessRecordWriter writer,
    FieldMaskCache masks,
    IDbContextFactory<HubDbContext> contexts,
    TimeProvider timeProvider) : ConsolePageModel
{
    /// <summary>宛名番号 searched for.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Atena { get; set; }

    /// <summary>Days the reports cover (1–366, default 30).</summary>
    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    /// <summary>Records about <see cref="Atena"/>.</summary>
    public IReadOnlyList<AccessRecord>? Found { get; private set; }

    /// <summary>The reports.</summary>
    public AccessReportTables? Report { get; private set; }

    /// <summary>The chain and tree check.</summary>
    public AccessLogAudit? Chain { get; private set; }

    /// <summary>The latest checkpoint.</summary>
    public AccessRecordCheckpoint? Checkpoint { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Days = Math.Clamp(Days, 1, 366);
        if (!string.IsNullOrWhiteSpace(Atena))
        {
            if (!AtenaPattern().IsMatch(Atena))
            {
                Problem = "宛名番号は半角数字 (1〜15桁) で入力してください。";
            }
            else
            {
                Found = await queries.AboutAsync(Atena, null, null, cancellationToken);
                // Reading someone's access log is itself recorded, before it is shown.
                var context = new HubRequestContext(AuditTask.Code, "アクセス記録の監査 (コンソール)", null, Officer, [], null, "console");
                await writer.AppendAsync(context, new AccessEntry(["console:accessRecords"], [Atena], [], false), masks.Version ?? "none", cancellationToken);
            }
        }

        var to = timeProvider.GetUtcNow().UtcDateTime;
        var (records, _) = await queries.ChainAsync(to.AddDays(-Days), to, cancellationToken);
        Report = AccessReportTables.Build(records, new AccessReportOptions());
        Chain = await new AccessLogAuditor(contexts).AuditAsync([], cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Checkpoint = await db.AccessRecordCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(cancellationToken);
    }

    [GeneratedRegex("^[0-9]{1,15}$")]
    private static partial Regex AtenaPattern();
}
