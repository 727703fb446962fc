using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Hub.Policy.Matchers;

/// <summary>
/// Value semantics of the matcher language (govaluate's, as Casbin uses it): numbers are doubles, <c>==</c> is deep
/// equality without conversion (the string <c>"5"</c> is not the number 5), ordering works on two numbers or two strings,
/// <c>+</c> concatenates when either side is a string, <c>&amp;&amp;</c>/<c>||</c>/<c>!</c> need booleans.
/// </summary>
internal static class MatcherValues
{
    public static readonly object True = true;
    public static readonly object False = false;
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    public static object Box(bool value) => value ? True : False;

    public static new bool Equals(object? left, object? right)
    {
        switch (left)
        {
            case string sa:
                return right is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case double da:
                return right is double db && da == db;
            case bool ba:
                return right is bool bb && ba == bb;
            case null:
                return right is null;
            case object?[] a:
                if (right is not object?[] b || a.Length != b.Length)
                {
                    return false;
                }

                for (var i = 0; i < a.Length; i++)
                {
                    if (!Equals(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return left.Equals(right);
        }
    }

    public static int Compare(object? left, object? right, string op)
    {
        if (left is double a && right is double b)
        {
            return a.CompareTo(b);
        }

        if (left is string s && right is string t)
        {
            return string.CompareOrdinal(s, t);
        }

        throw new MatcherEvaluationException($"operator '{op}' needs two numbers or two strings, got {TypeName(left)} and {TypeName(right)}");
    }

    public static object Add(object? left, object? right)
    {
        if (left is double a && right is double b)
        {
            return a + b;
        }

        if (left is string || right is string)
        {
            return Format(left) + Format(right);
        }

        throw new MatcherEvaluationException($"operator '+' needs numbers or strings, got {TypeName(left)} and {TypeName(right)}");
    }

    public static double Number(object? value, string op) =>
        value as double? ?? throw new MatcherEvaluationException($"operator '{op}' needs numbers, got {TypeName(value)}");

    public static bool Boolean(object? value, string op) =>
        value as bool? ?? throw new MatcherEvaluationException($"operator '{op}' needs booleans, got {TypeName(value)}");

    /// <summary>The result of a whole matcher: a boolean, or a number that is true when not zero (as Casbin accepts).</summary>
    public static bool Truth(object? value) => value switch
    {
        bool b => b,
        double d => d != 0,
        _ => throw new MatcherEvaluationException($"matcher result should be bool, int or float, got {TypeName(value)}"),
    };

    public static bool In(object? item, object? list)
    {
        if (list is not object?[] items)
        {
            throw new MatcherEvaluationException($"operator 'in' needs a list on its right, got {TypeName(list)}");
        }

        foreach (var candidate in items)
        {
            if (Equals(item, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Attribute access for ABAC: dictionaries (parsed JSON) by key, other objects by public property or field.</summary>
    public static object? Attribute(object? target, string name)
    {
        switch (target)
        {
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(name, out var value) ? value : throw new MatcherEvaluationException($"attribute '{name}' not found");
            case null:
                throw new MatcherEvaluationException($"cannot read attribute '{name}' of null");
            case string or double or bool:
                throw new MatcherEvaluationException($"cannot read attribute '{name}' of a {TypeName(target)}");
            default:
                var accessor = Accessors.GetOrAdd((target.GetType(), name), static key => CreateAccessor(key.Item1, key.Item2));
                return accessor is null ? throw new MatcherEvaluationException($"attribute '{name}' not found") : Normalize(accessor(target));
        }
    }

    /// <summary>Brings CLR values into the language's types: integers and decimals become doubles, lists become arrays.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or string or double or bool => value,
        int i => (double)i,
        long l => (double)l,
        float f => (double)f,
        decimal m => (double)m,
        short s => (double)s,
        byte b => (double)b,
        uint u => (double)u,
        ulong u => (double)u,
        object?[] array => array,
        IReadOnlyDictionary<string, object?> => value,
        System.Collections.IEnumerable e and not IReadOnlyDictionary<string, object?> when value is not string => e.Cast<object?>().Select(Normalize).ToArray(),
        _ => value,
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        string => "string",
        double => "number",
        bool => "boolean",
        object?[] => "list",
        _ => "object",
    };

    private static string Format(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        null => "<nil>",
        _ => value.ToString() ?? string.Empty,
    };

    private static Func<object, object?>? CreateAccessor(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property is not null)
        {
            return property.GetValue;
        }

        var field = type.GetField(name, BindingFlags.Public | BindingFlags.Instance);
        return field is null ? null : field.GetValue;
    }
}
