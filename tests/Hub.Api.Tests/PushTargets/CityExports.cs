using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// A generated city read straight from the files the generator wrote, with no hub code: the registry's residents (exact
/// birth dates only: 和暦 or 西暦 to the day, on the calendar), the 介護保険 certifications (CP932, 和暦) and the 後期高齢者医療
/// 資格. An oracle for what the hub serves after syncing them.
/// </summary>
internal sealed partial class CityExports
{
    private static readonly Dictionary<string, int> EraStart = new(StringComparer.Ordinal)
    {
        ["明治"] = 1868, ["大正"] = 1912, ["昭和"] = 1926, ["平成"] = 1989, ["令和"] = 2019,
    };

    /// <summary>宛名番号 → exact birth date of every current (not removed) resident whose birth date is exact.</summary>
    public required IReadOnlyDictionary<string, DateOnly> Living { get; init; }

    /// <summary>宛名番号 of current residents whose birth date is not exact (不詳, 頃, 旬, off the calendar).</summary>
    public required IReadOnlySet<string> Inexact { get; init; }

    /// <summary>Each certification: who, level, valid from, valid until (inclusive).</summary>
    public required IReadOnlyList<(string Atena, string Level, DateOnly From, DateOnly? Until)> Certifications { get; init; }

    /// <summary>Each 資格: who, acquired, lost (the first day without it).</summary>
    public required IReadOnlyList<(string Atena, DateOnly Acquired, DateOnly? Lost)> Qualifications { get; init; }

    /// <summary>Rows of each export, header excluded.</summary>
    public int CertificationRows => Certifications.Count;

    public static CityExports Read(string root)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var living = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var inexact = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Csv(Path.Combine(root, "resident-registry", "residents.csv"), Encoding.UTF8).Skip(1))
        {
            if (row[18] != "1")
            {
                continue; // 消除
            }

            if (Exact(row[11]) is { } birth)
            {
                living[row[0]] = birth;
            }
            else
            {
                inexact.Add(row[0]);
            }
        }

        var care = Csv(Path.Combine(root, "long-term-care", "certifications.csv"), Encoding.GetEncoding(932)).Skip(1)
            .Select(r => (r[0], Level(r[2]), Exact(r[3])!.Value, Exact(r[4])))
            .ToList();
        var elderly = Csv(Path.Combine(root, "late-elderly", "qualifications.csv"), Encoding.UTF8).Skip(1)
            .Select(r => (r[0], Day(r[2]), r[4].Length == 0 ? (DateOnly?)null : Day(r[4])))
            .ToList();
        return new CityExports { Living = living, Inexact = inexact, Certifications = care, Qualifications = elderly };
    }

    /// <summary>Whether <paramref name="atena"/> holds a 資格 on <paramref name="on"/> (acquired on or before, not yet lost).</summary>
    public bool InsuredOn(string atena, DateOnly on) => Qualifications.Any(q => q.Atena == atena && q.Acquired <= on && (q.Lost is not { } lost || on < lost));

    /// <summary>The certification valid on <paramref name="on"/> (the latest started), or null.</summary>
    public (string Atena, string Level, DateOnly From, DateOnly? Until)? CertificationOn(string atena, DateOnly on) =>
        Certifications.Where(c => c.Atena == atena && c.From <= on && (c.Until is not { } u || on <= u)).OrderByDescending(c => c.From).Cast<(string, string, DateOnly, DateOnly?)?>().FirstOrDefault();

    /// <summary>The <paramref name="age"/>-th birthday; a 2月29日 birth's is 3月1日 in a common year.</summary>
    public static DateOnly Birthday(DateOnly birth, int age) =>
        birth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(birth.Year + age) ? new DateOnly(birth.Year + age, 3, 1) : birth.AddYears(age);

    private static string Level(string code) => code switch
    {
        "12" => "要支援1",
        "13" => "要支援2",
        _ => "要介護" + code[1],
    };

    private static DateOnly Day(string yyyymmdd) => DateOnly.ParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture);

    // 令和6年4月1日, 令和元年5月1日 or 1970-03-12; null for anything else or a day off the calendar.
    private static DateOnly? Exact(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var western))
        {
            return western;
        }

        var m = Wareki().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = EraStart[m.Groups[1].Value] - 1 + (m.Groups[2].Value == "元" ? 1 : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        var month = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
        return month <= 12 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    // RFC 4180 rows: fields quoted when they hold a comma, quote or line break.
    private static IEnumerable<string[]> Csv(string path, Encoding encoding)
    {
        foreach (var line in File.ReadLines(path, encoding))
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }

    [GeneratedRegex("^(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年([0-9]{1,2})月([0-9]{1,2})日$")]
    private static partial Regex Wareki();
}
