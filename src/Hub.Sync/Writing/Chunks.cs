namespace Hub.Sync.Writing;

/// <summary>Key lists are looked up in chunks: SQL Server takes at most 2,100 parameters a statement.</summary>
internal static class Chunks
{
    public const int Size = 1_000;

    public static IEnumerable<List<string>> Of(IEnumerable<string> keys) => keys.Distinct(StringComparer.Ordinal).Chunk(Size).Select(c => c.ToList());
}
