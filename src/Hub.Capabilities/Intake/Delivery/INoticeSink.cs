namespace Hub.Capabilities.Intake.Delivery;

/// <summary>Where notices go besides the resident's inbox (a portal, a mail gateway): one method, at least once, throws on failure.</summary>
public interface INoticeSink
{
    /// <summary>Sends one notice; a repeat carries the same <see cref="NoticeDelivery.DeliveryId"/>.</summary>
    Task SendAsync(NoticeDelivery notice, CancellationToken cancellationToken);
}
