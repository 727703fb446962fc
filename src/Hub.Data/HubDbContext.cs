using System.Text;
using Hub.Data.Entities;
using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;

namespace Hub.Data;

/// <summary>
/// The common database (共通データベース). One model for every provider; each provider has a subclass
/// of its own (in <c>Providers/</c>) so that its migrations live apart.
/// </summary>
public abstract class HubDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    protected HubDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>住民 versions.</summary>
    public DbSet<ResidentRecord> Residents => Set<ResidentRecord>();

    /// <summary>世帯 versions.</summary>
    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();

    /// <summary>個人住民税 課税 versions.</summary>
    public DbSet<TaxAssessmentRecord> TaxAssessments => Set<TaxAssessmentRecord>();

    /// <summary>国保資格 versions.</summary>
    public DbSet<NhiQualificationRecord> NhiQualifications => Set<NhiQualificationRecord>();

    /// <summary>児童手当 受給 versions.</summary>
    public DbSet<ChildAllowanceEntitlementRecord> ChildAllowanceEntitlements => Set<ChildAllowanceEntitlementRecord>();

    /// <summary>Versions of the records of every kind declared as data (not built in), in one table.</summary>
    public DbSet<GenericRecord> GenericRecords => Set<GenericRecord>();

    /// <summary>Sync runs.</summary>
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();

    /// <summary>Watermarks per source.</summary>
    public DbSet<SourceWatermark> SourceWatermarks => Set<SourceWatermark>();

    /// <summary>Quarantine.</summary>
    public DbSet<QuarantinedRecord> QuarantinedRecords => Set<QuarantinedRecord>();

    /// <summary>ポリシー版: policy versions (drafts, the one in force, superseded ones).</summary>
    public DbSet<PolicyVersionRow> PolicyVersions => Set<PolicyVersionRow>();

    /// <summary>The policy audit trail (hash-chained).</summary>
    public DbSet<PolicyAuditRow> PolicyAuditRecords => Set<PolicyAuditRow>();

    /// <summary>The single row naming the policy version in force (the lock every policy change takes).</summary>
    public DbSet<PolicyHead> PolicyHeads => Set<PolicyHead>();

    /// <summary>Which policy version each hub node serves, and since when.</summary>
    public DbSet<PolicyNodeRow> PolicyNodes => Set<PolicyNodeRow>();

    /// <summary>アクセス記録: append-only, hash-chained access records.</summary>
    public DbSet<AccessRecord> AccessRecords => Set<AccessRecord>();

    /// <summary>The single row holding the end of the access record chain (the lock every append takes).</summary>
    public DbSet<AccessRecordHead> AccessRecordHeads => Set<AccessRecordHead>();

    /// <summary>The Merkle tree over the access records: the hash of every complete subtree.</summary>
    public DbSet<AccessRecordTreeNode> AccessRecordTree => Set<AccessRecordTreeNode>();

    /// <summary>Signed checkpoints of that tree that the witness accepted (copies; the witness keeps the originals).</summary>
    public DbSet<AccessRecordCheckpoint> AccessRecordCheckpoints => Set<AccessRecordCheckpoint>();

    /// <summary>申請受付 案件: one application per life event.</summary>
    public DbSet<IntakeCase> IntakeCases => Set<IntakeCase>();

    /// <summary>The legs of the cases (one per procedure and department).</summary>
    public DbSet<IntakeLeg> IntakeLegs => Set<IntakeLeg>();

    /// <summary>Every status change of a leg.</summary>
    public DbSet<IntakeLegEvent> IntakeLegEvents => Set<IntakeLegEvent>();

    /// <summary>お知らせ: the residents' inboxes.</summary>
    public DbSet<IntakeNotice> IntakeNotices => Set<IntakeNotice>();

    /// <summary>Deliveries owed (transactional outbox).</summary>
    public DbSet<IntakeOutboxMessage> IntakeOutbox => Set<IntakeOutboxMessage>();

    /// <summary>Idempotency keys of submissions.</summary>
    public DbSet<IntakeIdempotencyKey> IntakeIdempotencyKeys => Set<IntakeIdempotencyKey>();

    /// <summary>添付書類.</summary>
    public DbSet<IntakeAttachment> IntakeAttachments => Set<IntakeAttachment>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
        ApplySnakeCaseNames(modelBuilder);
        Kinds.RecordJson.Configure(modelBuilder, Database.ProviderName);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp in the hub is UTC; read values come back marked as such on every provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    // snake_case on every provider, so hand-written SQL (benchmarks, bulk paths) reads the same everywhere.
    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
