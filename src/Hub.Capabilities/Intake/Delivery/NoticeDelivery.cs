namespace Hub.Capabilities.Intake.Delivery;

/// <summary>A notice as an outbound event.</summary>
/// <param name="DeliveryId">Stable per notice (<c>notice:{id}</c>): receivers drop repeats by it.</param>
/// <param name="NoticeId">The notice.</param>
/// <param name="AtenaNumber">宛名番号 of the resident whose inbox it is in (whom to tell).</param>
/// <param name="ApplicationId">The case.</param>
/// <param name="LegId">The leg, when about one.</param>
/// <param name="Title">Title; null unless the sink carries text (<see cref="INoticeSink.SendsText"/>).</param>
/// <param name="Message">Body; null unless the sink carries text.</param>
/// <param name="CreatedAt">When (UTC).</param>
public sealed record NoticeDelivery(string DeliveryId, long NoticeId, string AtenaNumber, Guid ApplicationId, Guid? LegId, string? Title, string? Message, DateTime CreatedAt);
