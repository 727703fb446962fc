namespace Hub.Adapters.Sdk;

/// <summary>A batch of items read from a source and the watermark just after its last item.</summary>
/// <param name="Items">Records and rejected rows, in source order.</param>
/// <param name="Next">Watermark to resume from once this batch is stored.</param>
public sealed record SourceBatch(IReadOnlyList<SourceItem> Items, Watermark Next);
