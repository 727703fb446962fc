using Hub.Policy.Matchers;

namespace Hub.Policy.Functions;

/// <summary>
/// The functions a matcher may call: Casbin's built-ins plus any registered with <see cref="Add(MatcherFunction)"/>.
/// Not thread-safe while being filled; register functions before creating enforcers.
/// </summary>
public sealed class FunctionRegistry
{
    private readonly Dictionary<string, MatcherFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>Creates a registry holding Casbin's built-in functions.</summary>
    public FunctionRegistry()
    {
        AddPredicate("keyMatch", BuiltInFunctions.KeyMatch);
        AddPredicate("keyMatch2", BuiltInFunctions.KeyMatch2);
        AddPredicate("keyMatch3", BuiltInFunctions.KeyMatch3);
        AddPredicate("keyMatch4", BuiltInFunctions.KeyMatch4);
        AddPredicate("keyMatch5", BuiltInFunctions.KeyMatch5);
        AddPredicate("regexMatch", BuiltInFunctions.RegexMatch);
        AddPredicate("ipMatch", BuiltInFunctions.IpMatch);
        AddPredicate("globMatch", BuiltInFunctions.GlobMatch);
        Add(new MatcherFunction("keyGet", args => BuiltInFunctions.KeyGet(Str(args, 2, 0, "keyGet"), Str(args, 2, 1, "keyGet"))));
        Add(new MatcherFunction("keyGet2", args => BuiltInFunctions.KeyGet2(Str(args, 3, 0, "keyGet2"), Str(args, 3, 1, "keyGet2"), Str(args, 3, 2, "keyGet2"))));
        Add(new MatcherFunction("keyGet3", args => BuiltInFunctions.KeyGet3(Str(args, 3, 0, "keyGet3"), Str(args, 3, 1, "keyGet3"), Str(args, 3, 2, "keyGet3"))));
    }

    /// <summary>Registers (or replaces) a function.</summary>
    public FunctionRegistry Add(MatcherFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _functions[function.Name] = function;
        return this;
    }

    /// <summary>Registers (or replaces) a two-string predicate such as a custom key matcher.</summary>
    public FunctionRegistry AddPredicate(string name, Func<string, string, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Add(new MatcherFunction(name, args => predicate(Str(args, 2, 0, name), Str(args, 2, 1, name)), predicate));
    }

    /// <summary>Finds a function by name.</summary>
    public bool TryGet(string name, out MatcherFunction function) => _functions.TryGetValue(name, out function!);

    /// <summary>The two-string predicate registered under <paramref name="name"/> (used for role and domain pattern matching).</summary>
    public Func<string, string, bool> GetPredicate(string name) =>
        _functions.TryGetValue(name, out var f) && f.StringPredicate is not null
            ? f.StringPredicate
            : throw new ArgumentException($"'{name}' is not a two-string pattern function; use one of keyMatch, keyMatch2 … keyMatch5, regexMatch, globMatch, ipMatch", nameof(name));

    internal static string Str(object?[] args, int count, int index, string name)
    {
        if (args.Length != count)
        {
            throw new MatcherEvaluationException($"{name}: expected {count} arguments, got {args.Length}");
        }

        return args[index] as string ?? throw new MatcherEvaluationException($"{name}: argument {index + 1} must be a string, got {MatcherValues.TypeName(args[index])}");
    }
}
