namespace Hub.Api.Benchmarks;

/// <summary>Removes what a run left in the work folder: SQLite files (with their WAL, shared memory and sync locks) and witness folders.</summary>
internal static class Scratch
{
    public static void Delete(string work, IEnumerable<string> paths)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
                continue;
            }

            foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Concat(Directory.GetFiles(work, Path.GetFileName(path) + ".*.lock")).Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }
}
