using System.Data.Common;
using System.Net;
using System.Net.Sockets;

namespace Hub.Sync.Resilience;

/// <summary>Which failures of a source are worth retrying: the ones a later attempt may not meet.</summary>
public static class TransientSourceFailure
{
    /// <summary>
    /// True for timeouts, network and I/O errors, HTTP 408/429/5xx and database errors the driver calls transient.
    /// False for what another attempt cannot cure: a missing file or folder, no permission, malformed data,
    /// a bug (argument, null, invalid operation), cancellation.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        null or OperationCanceledException => false,
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException or DriveNotFoundException => false,
        TimeoutException or SocketException => true,
        HttpRequestException http => http.StatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError,
        DbException db => db.IsTransient,
        IOException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
