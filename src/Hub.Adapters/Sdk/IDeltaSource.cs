namespace Hub.Adapters.Sdk;

/// <summary>
/// 差分取込: an adapter whose <see cref="ISourceAdapter.ReadAsync"/> returns only the records changed
/// after the watermark (an API's <c>updatedSince</c>, a view's update timestamp), rather than the whole
/// export again whenever the export changes. The host may then run it often and cheaply.
/// </summary>
public interface IDeltaSource : ISourceAdapter
{
    /// <summary>The position a watermark stands for, in words, for <c>hub sync status</c> (never personal data).</summary>
    string Describe(Watermark watermark);
}
