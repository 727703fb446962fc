namespace Hub.Capabilities.Intake.Delivery;

/// <summary>Where notices go besides the resident's inbox (a portal, a mail gateway): one method, at least once, throws on failure.</summary>
public interface INoticeSink
{
    /// <summary>
    /// True when the sink is to carry a notice's title and message; false (the default) sends only that there is a notice,
    /// for whom and about which application, and the resident reads it in the portal (<c>me { notices }</c>).
    /// </summary>
    bool SendsText => false;

    /// <summary>Sends one notice; a repeat carries the same <see cref="NoticeDelivery.DeliveryId"/>.</summary>
    Task SendAsync(NoticeDelivery notice, CancellationToken cancellationToken);
}
