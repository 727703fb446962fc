using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Quality;

/// <summary>
/// Characters no field of a core system's record may hold (データ品質): NUL (U+0000: where a C string ends, so other
/// systems cut the value short there), the byte order mark (U+FEFF: it belongs before a file's first byte, never inside
/// a field) and the replacement character (U+FFFD: the text was decoded with the wrong encoding and its characters are
/// lost). Checked on the canonical record, after any adapter has decoded it — CSV, fixed-width layout, NHI JSON (where
/// a NUL arrives escaped as <c>\u0000</c>), a database view, a vendor's own adapter alike — so one rule covers every
/// source kind. The reason names the field by its catalog path and the character's position, never the value.
/// </summary>
/// <remarks>
/// The text of a record is its string properties and the <c>Original</c> text of its value types (氏名
/// <c>PersonName</c>, カナ <c>KanaName</c>, 生年月日 <c>JapaneseEraDate</c>): identifiers, codes and dates are parsed, so they
/// cannot hold these characters. Readers skip a file's leading BOM before any field is cut.
/// </remarks>
internal static class TextFieldCheck
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("\0\uFEFF\uFFFD");

    private static readonly Dictionary<Type, string> Prefixes = new()
    {
        [typeof(CanonicalResident)] = "resident",
        [typeof(CanonicalTaxAssessment)] = "tax",
        [typeof(CanonicalNhiQualification)] = "nhi",
        [typeof(CanonicalChildAllowanceEntitlement)] = "childAllowance",
    };

    private static readonly ConcurrentDictionary<Type, Checker> Checkers = new();

    /// <summary>The catalog paths of the text fields checked on records of <paramref name="recordType"/>.</summary>
    public static IEnumerable<string> PathsOf(Type recordType) => Checkers.GetOrAdd(recordType, Compile).Paths;

    /// <summary>Why <paramref name="record"/> must be quarantined, or null when every text field is clean.</summary>
    public static string? Problem(CanonicalRecord record)
    {
        var checker = Checkers.GetOrAdd(record.GetType(), Compile);
        var found = checker.Find(record);
        if (found < 0)
        {
            return null;
        }

        var (field, at) = ((int)(found >> 32), (int)found);
        var what = checker.Character(record, field, at) switch
        {
            '\0' => "a NUL character (U+0000)",
            '\uFEFF' => "a byte order mark (U+FEFF)",
            _ => "a replacement character (U+FFFD: decoded with the wrong encoding?)",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{checker.Paths[field]}: contains {what} at position {at + 1}");
    }

    /// <summary>The first forbidden character's index in <paramref name="text"/>, or -1 (called from the compiled checks).</summary>
    public static int IndexOfForbidden(string text) => text.AsSpan().IndexOfAny(Forbidden);

    // One compiled check per record type: every text field in turn, one delegate call per record, stopping at the first
    // forbidden character; it answers field index << 32 | position, or -1.
    private static Checker Compile(Type type)
    {
        var prefix = Prefixes.GetValueOrDefault(type) ?? CamelCase(type.Name.StartsWith("Canonical", StringComparison.Ordinal) ? type.Name["Canonical".Length..] : type.Name);
        var record = Expression.Parameter(typeof(CanonicalRecord), "record");
        var typed = Expression.Variable(type, "typed");
        var text = Expression.Variable(typeof(string), "text");
        var at = Expression.Variable(typeof(int), "at");
        var done = Expression.Label(typeof(long), "done");
        var paths = new List<string>();
        var readers = new List<Func<CanonicalRecord, string?>>();
        var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(record, type)) };
        var indexOf = typeof(TextFieldCheck).GetMethod(nameof(IndexOfForbidden))!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            // The source key is made of the record's own fields.
            if (property.Name == nameof(CanonicalRecord.SourceKey) || Text(Expression.Property(typed, property)) is not { } value)
            {
                continue;
            }

            body.Add(Expression.Assign(text, value));
            body.Add(Expression.IfThen(
                Expression.AndAlso(
                    Expression.NotEqual(text, Expression.Constant(null, typeof(string))),
                    Expression.GreaterThanOrEqual(Expression.Assign(at, Expression.Call(indexOf, text)), Expression.Constant(0))),
                Expression.Return(done, Expression.Or(Expression.LeftShift(Expression.Constant((long)paths.Count), Expression.Constant(32)), Expression.Convert(at, typeof(long))))));
            paths.Add($"{prefix}.{CamelCase(property.Name)}");
            var single = Expression.Parameter(typeof(CanonicalRecord), "r");
            readers.Add(Expression.Lambda<Func<CanonicalRecord, string?>>(Text(Expression.Property(Expression.Convert(single, type), property))!, single).Compile());
        }

        body.Add(Expression.Label(done, Expression.Constant(-1L)));
        var find = Expression.Lambda<Func<CanonicalRecord, long>>(Expression.Block([typed, text, at], body), record).Compile();
        return new Checker([.. paths], find, [.. readers]);
    }

    // The property's text: itself for a string, its Original for a type that keeps one; null when it holds no text.
    private static Expression? Text(Expression value)
    {
        if (value.Type == typeof(string))
        {
            return value;
        }

        var underlying = Nullable.GetUnderlyingType(value.Type);
        var original = (underlying ?? value.Type).GetProperty("Original", BindingFlags.Public | BindingFlags.Instance);
        if (original is null || original.PropertyType != typeof(string))
        {
            return null;
        }

        var none = Expression.Constant(null, typeof(string));
        if (underlying is not null)
        {
            return Expression.Condition(Expression.Property(value, "HasValue"), Expression.Property(Expression.Property(value, "Value"), original), none);
        }

        return value.Type.IsValueType
            ? Expression.Property(value, original)
            : Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), none, Expression.Property(value, original));
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private sealed record Checker(string[] Paths, Func<CanonicalRecord, long> Find, Func<CanonicalRecord, string?>[] Readers)
    {
        public char Character(CanonicalRecord record, int field, int at) => Readers[field](record)![at];
    }
}
