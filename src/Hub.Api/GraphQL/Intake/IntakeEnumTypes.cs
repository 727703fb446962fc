using GraphQL.Types;
using Hub.Capabilities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>SENT (送信済), RECEIVED (受付), IN_PROGRESS (処理中), CORRECTION_REQUESTED (補正依頼), COMPLETED (処理完了), REJECTED (却下), WITHDRAWN (取下げ).</summary>
internal sealed class ApplicationLegStatusType : EnumerationGraphType<IntakeLegStatus>
{
    public ApplicationLegStatusType()
    {
        Name = "ApplicationLegStatus";
        Description = "A leg's status: SENT 送信済, RECEIVED 受付, IN_PROGRESS 処理中, CORRECTION_REQUESTED 補正依頼 (差し戻し), COMPLETED 処理完了, REJECTED 却下, WITHDRAWN 取下げ.";
    }
}

/// <summary>A case's status, derived from its legs.</summary>
internal sealed class ApplicationStatusType : EnumerationGraphType<IntakeCaseStatus>
{
    public ApplicationStatusType()
    {
        Name = "ApplicationStatus";
        Description = "A case's status, derived from its legs: SUBMITTED (none taken), IN_PROGRESS, CORRECTION_REQUESTED (some leg waits for you), COMPLETED (all closed, one or more completed), REJECTED, WITHDRAWN.";
    }
}
