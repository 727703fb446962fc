namespace Hub.Adapters.Outbound;

/// <summary>
/// A department's core system as the hub delivers to it (送付アダプタ), the outbound twin of <c>ISourceAdapter</c>. One
/// method: deliver one leg. Delivery is at least once: the same <see cref="LegDelivery.DeliveryId"/> may arrive again
/// after a crash or a failed acknowledgement, so a delivery must be idempotent by it (overwrite, upsert, or ignore a
/// repeat). An adapter reports failure by throwing; the hub retries with backoff and never loses the leg.
/// </summary>
public interface IDepartmentAdapter
{
    /// <summary>Delivers <paramref name="delivery"/> into the department's system.</summary>
    Task DeliverAsync(LegDelivery delivery, CancellationToken cancellationToken);
}
