using Hub.Data.Entities;

namespace Hub.Api.Tests.Audit;

/// <summary>Every row of an access log, as a backup holds them.</summary>
internal sealed record AuditLogRows(List<AccessRecord> Records, List<AccessRecordTreeNode> Tree, AccessRecordHead Head, List<AccessRecordCheckpoint> Checkpoints);
