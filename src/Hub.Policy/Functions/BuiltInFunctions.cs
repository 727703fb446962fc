using System.Net;
using System.Text.RegularExpressions;
using Hub.Policy.Matchers;

namespace Hub.Policy.Functions;

/// <summary>
/// Casbin's built-in matcher functions, with the Go reference semantics (<c>util/builtin_operators.go</c>).
/// Patterns are the second argument; the first is the concrete value.
/// </summary>
public static partial class BuiltInFunctions
{
    /// <summary><c>keyMatch</c>: <c>*</c> in <paramref name="pattern"/> matches everything from its position on (prefix match).</summary>
    public static bool KeyMatch(string key, string pattern)
    {
        var i = pattern.IndexOf('*', StringComparison.Ordinal);
        if (i == -1)
        {
            return key == pattern;
        }

        return key.Length > i ? string.CompareOrdinal(key, 0, pattern, 0, i) == 0 : key == pattern[..i];
    }

    /// <summary><c>keyMatch2</c>: <c>/*</c> matches any tail; <c>:name</c> matches one path segment.</summary>
    public static bool KeyMatch2(string key, string pattern)
    {
        var regex = pattern.Replace("/*", "/.*", StringComparison.Ordinal);
        regex = ColonParameter().Replace(regex, "[^/]+");
        return RegexMatch(key, "^" + regex + "$");
    }

    /// <summary><c>keyMatch3</c>: <c>/*</c> matches any tail; <c>{name}</c> matches one path segment.</summary>
    public static bool KeyMatch3(string key, string pattern)
    {
        var regex = pattern.Replace("/*", "/.*", StringComparison.Ordinal);
        regex = BraceParameter().Replace(regex, "[^/]+");
        return RegexMatch(key, "^" + regex + "$");
    }

    /// <summary><c>keyMatch4</c>: like <c>keyMatch3</c>, and repeated <c>{name}</c> places must hold the same value.</summary>
    public static bool KeyMatch4(string key, string pattern)
    {
        var regex = pattern.Replace("/*", "/.*", StringComparison.Ordinal);
        var names = new List<string>();
        regex = BraceParameterCapture().Replace(regex, m =>
        {
            names.Add(m.Groups[1].Value);
            return "([^/]+)";
        });
        var match = Functions.RegexCache.Get("^" + regex + "$").Match(key);
        if (!match.Success)
        {
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var value = match.Groups[i + 1].Value;
            if (values.TryGetValue(names[i], out var seen) && seen != value)
            {
                return false;
            }

            values[names[i]] = value;
        }

        return true;
    }

    /// <summary><c>keyMatch5</c>: like <c>keyMatch3</c> after removing the query string (<c>?…</c>) from <paramref name="key"/>.</summary>
    public static bool KeyMatch5(string key, string pattern)
    {
        var q = key.IndexOf('?', StringComparison.Ordinal);
        if (q != -1)
        {
            key = key[..q];
        }

        var regex = pattern.Replace("/*", "/.*", StringComparison.Ordinal);
        regex = BraceParameter().Replace(regex, "[^/]+");
        return RegexMatch(key, "^" + regex + "$");
    }

    /// <summary><c>keyGet</c>: the part of <paramref name="key"/> that the <c>*</c> of <paramref name="pattern"/> matched, or empty.</summary>
    public static string KeyGet(string key, string pattern)
    {
        var i = pattern.IndexOf('*', StringComparison.Ordinal);
        if (i == -1)
        {
            return string.Empty;
        }

        return key.Length > i && string.CompareOrdinal(key, 0, pattern, 0, i) == 0 ? key[i..] : string.Empty;
    }

    /// <summary><c>keyGet2</c>: the value of <c>:name</c> (<paramref name="name"/>) in <paramref name="key"/>, or empty.</summary>
    public static string KeyGet2(string key, string pattern, string name)
    {
        var regex = pattern.Replace("/*", "/.*", StringComparison.Ordinal);
        var names = ColonParameter().Matches(regex).Select(m => m.Value[1..]).ToList();
        regex = ColonParameter().Replace(regex, "([^/]+)");
        return Capture(key, regex, names, name);
    }

    /// <summary><c>keyGet3</c>: the value of <c>{name}</c> (<paramref name="name"/>) in <paramref name="key"/>, or empty.</summary>
    public static string KeyGet3(string key, string pattern, string name)
    {
        var regex = pattern.Replace("/*", "/.*", StringComparison.Ordinal);
        var names = BraceParameter().Matches(regex).Select(m => m.Value[1..^1]).ToList();
        regex = BraceParameter().Replace(regex, "([^/]+?)");
        return Capture(key, regex, names, name);
    }

    /// <summary><c>regexMatch</c>: whether <paramref name="pattern"/> (unanchored) matches somewhere in <paramref name="key"/>.</summary>
    public static bool RegexMatch(string key, string pattern) => Functions.RegexCache.Get(pattern).IsMatch(key);

    /// <summary><c>ipMatch</c>: whether IP address <paramref name="ip"/> equals <paramref name="pattern"/> or lies in the CIDR block it names.</summary>
    public static bool IpMatch(string ip, string pattern)
    {
        if (!IPAddress.TryParse(ip, out var address) || ip.Contains('/', StringComparison.Ordinal))
        {
            throw new MatcherEvaluationException("ipMatch: the first argument is not an IP address");
        }

        if (IPNetwork.TryParse(pattern, out var network) && pattern.Contains('/', StringComparison.Ordinal))
        {
            return network.Contains(Normalize(address, network.BaseAddress));
        }

        if (!IPAddress.TryParse(pattern, out var other))
        {
            throw new MatcherEvaluationException("ipMatch: the second argument is neither an IP address nor a CIDR block");
        }

        return Normalize(address, other).Equals(Normalize(other, address));
    }

    /// <summary><c>globMatch</c>: doublestar glob match of <paramref name="key"/> against <paramref name="pattern"/>.</summary>
    public static bool GlobMatch(string key, string pattern) => Functions.RegexCache.Get(GlobPattern.ToRegex(pattern)).IsMatch(key);

    private static IPAddress Normalize(IPAddress address, IPAddress other) =>
        address.IsIPv4MappedToIPv6 && other.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv4() : address;

    private static string Capture(string key, string regex, List<string> names, string name)
    {
        var match = Functions.RegexCache.Get("^" + regex + "$").Match(key);
        if (!match.Success)
        {
            return string.Empty;
        }

        var index = names.IndexOf(name);
        return index < 0 ? string.Empty : match.Groups[index + 1].Value;
    }

    [GeneratedRegex(":[^/]+")]
    private static partial Regex ColonParameter();

    [GeneratedRegex(@"\{[^/]+?\}")]
    private static partial Regex BraceParameter();

    [GeneratedRegex(@"\{([^/]+?)\}")]
    private static partial Regex BraceParameterCapture();
}
