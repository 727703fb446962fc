namespace Hub.Capabilities.PushTargets;

/// <summary>Counts by 町字 and age band for planning; cells under <see cref="PushTargetQuery.SuppressBelow"/> are suppressed.</summary>
/// <param name="Cells">One cell per (area, band) that has residents.</param>
/// <param name="Bands">The band labels in order; <c>不詳</c> last for birth ranges that straddle a band boundary.</param>
public sealed record PushTargetSummary(IReadOnlyList<PushTargetSummaryCell> Cells, IReadOnlyList<string> Bands);

/// <summary>One cell of a <see cref="PushTargetSummary"/>.</summary>
/// <param name="AreaCode">町字コード (null for residents without one).</param>
/// <param name="AgeBand">Band label such as <c>0-14</c>, <c>75+</c> or <c>不詳</c>.</param>
/// <param name="Count">The count, or null when suppressed.</param>
/// <param name="Suppressed">True when the true count is 1–9 (秘匿).</param>
public sealed record PushTargetSummaryCell(string? AreaCode, string AgeBand, int? Count, bool Suppressed);
