using System.Text;
using System.Text.RegularExpressions;

namespace Hub.Policy.Matchers;

/// <summary>Casbin's textual treatment of matchers: <c>r.sub</c> is written <c>r_sub</c> outside string literals.</summary>
internal static partial class MatcherText
{
    /// <summary>Go's <c>util.EscapeAssertion</c>: <c>r.</c>, <c>p2.</c> … become <c>r_</c>, <c>p2_</c> outside quotes.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        var segment = new StringBuilder();
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote == '\0' && c is '"' or '\'')
            {
                sb.Append(Assertion().Replace(segment.ToString(), "$1_"));
                segment.Clear();
                quote = c;
                sb.Append(c);
            }
            else if (quote != '\0')
            {
                sb.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else
            {
                segment.Append(c);
            }
        }

        return sb.Append(Assertion().Replace(segment.ToString(), "$1_")).ToString();
    }

    [GeneratedRegex(@"\b((r|p)[0-9]*)\.")]
    private static partial Regex Assertion();
}
