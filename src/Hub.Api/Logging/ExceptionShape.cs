using System.Text;

namespace Hub.Api.Logging;

/// <summary>
/// What of an exception may be logged: its type, its inner exceptions' types and the stack frames — never a message.
/// A message may quote what a caller sent (a cursor, a date, an id) or a row's values, and neither belongs in a log;
/// the frames say where it failed, which is what an operator needs.
/// </summary>
internal static class ExceptionShape
{
    /// <summary>Types, innermost last, then the stack frames of each.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            text.Append(text.Length == 0 ? string.Empty : " <- ").Append(e.GetType().FullName);
            if (e is System.Data.Common.DbException { SqlState: { } state })
            {
                text.Append(" (SQLSTATE ").Append(state).Append(')');
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e.StackTrace is { } frames)
            {
                text.Append('\n').Append(e.GetType().Name).Append(":\n").Append(frames);
            }
        }

        return text.ToString();
    }
}
