namespace Hub.Adapters.Csv;

/// <summary>One CSV record: the line it starts on (1-based), its bytes exactly as read (without the line end).</summary>
public readonly record struct CsvRecord(long Line, byte[] Raw);
