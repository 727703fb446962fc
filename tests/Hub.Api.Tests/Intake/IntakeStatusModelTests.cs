using Hub.Capabilities.Intake;

namespace Hub.Api.Tests.Intake;

/// <summary>The leg status model and the case status derived from it.</summary>
public sealed class IntakeStatusModelTests
{
    [Fact]
    public void Allows_Department_FollowsThePath_AndNeverLeavesAClosedState()
    {
        Assert.True(IntakeStatusModel.Allows(IntakeLegStatus.Sent, IntakeLegStatus.Received, IntakeActorKind.Department));
        Assert.True(IntakeStatusModel.Allows(IntakeLegStatus.CorrectionRequested, IntakeLegStatus.InProgress, IntakeActorKind.Department));
        Assert.False(IntakeStatusModel.Allows(IntakeLegStatus.Sent, IntakeLegStatus.Completed, IntakeActorKind.Department));
        Assert.False(IntakeStatusModel.Allows(IntakeLegStatus.Received, IntakeLegStatus.Withdrawn, IntakeActorKind.Department));
        foreach (var closed in new[] { IntakeLegStatus.Completed, IntakeLegStatus.Rejected, IntakeLegStatus.Withdrawn })
        {
            Assert.All(Enum.GetValues<IntakeLegStatus>(), to => Assert.False(IntakeStatusModel.Allows(closed, to, IntakeActorKind.Department)));
            Assert.False(IntakeStatusModel.Allows(closed, IntakeLegStatus.Withdrawn, IntakeActorKind.Applicant));
        }
    }

    [Fact]
    public void Allows_Applicant_OnlyWithdrawsAnOpenLeg()
    {
        Assert.True(IntakeStatusModel.Allows(IntakeLegStatus.CorrectionRequested, IntakeLegStatus.Withdrawn, IntakeActorKind.Applicant));
        Assert.False(IntakeStatusModel.Allows(IntakeLegStatus.Sent, IntakeLegStatus.Received, IntakeActorKind.Applicant));
    }

    [Theory]
    [InlineData("Sent,Sent", IntakeCaseStatus.Submitted)]
    [InlineData("Sent,Received", IntakeCaseStatus.InProgress)]
    [InlineData("Completed,CorrectionRequested", IntakeCaseStatus.CorrectionRequested)]
    [InlineData("Completed,Rejected", IntakeCaseStatus.Completed)]
    [InlineData("Rejected,Withdrawn", IntakeCaseStatus.Rejected)]
    [InlineData("Withdrawn,Withdrawn", IntakeCaseStatus.Withdrawn)]
    [InlineData("Sent,Withdrawn", IntakeCaseStatus.Submitted)]
    public void Derive_FromLegs(string legs, IntakeCaseStatus expected) =>
        Assert.Equal(expected, IntakeStatusModel.Derive(legs.Split(',').Select(Enum.Parse<IntakeLegStatus>)));

    [Fact]
    public void Upper_NamesStatusesAsTheApiDoes() =>
        Assert.Equal("CORRECTION_REQUESTED", IntakeLegService.Upper(IntakeLegStatus.CorrectionRequested));
}
