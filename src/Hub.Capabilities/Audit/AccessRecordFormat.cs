namespace Hub.Capabilities.Audit;

/// <summary>How lists are stored in an access record's columns.</summary>
public static class AccessRecordFormat
{
    /// <summary><c>|a|b|</c>: every 宛名番号 between bars, so <c>|a|</c> finds one exactly with a substring search.</summary>
    public static string JoinSubjects(IEnumerable<string> subjects)
    {
        var list = subjects.ToList();
        return list.Count == 0 ? string.Empty : "|" + string.Join('|', list) + "|";
    }

    /// <summary>The pattern that finds <paramref name="atenaNumber"/> in the subjects column.</summary>
    public static string SubjectNeedle(string atenaNumber) => "|" + atenaNumber + "|";

    /// <summary>The 宛名番号 of a subjects column.</summary>
    public static IReadOnlyList<string> SplitSubjects(string column) => column.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The paths of a field paths column.</summary>
    public static IReadOnlyList<string> SplitPaths(string column) => column.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
