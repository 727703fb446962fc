using System.Text.Json;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// How deep a request's JSON nests, read token by token (<see cref="Utf8JsonReader"/>, no document built) and stopping
/// at the first container past the limit: a body of a million opening brackets is refused after the first few.
/// </summary>
internal static class JsonNesting
{
    /// <summary>What <see cref="Check"/> found.</summary>
    public enum Outcome
    {
        /// <summary>Well-formed and within the limit.</summary>
        Within,

        /// <summary>A container nests deeper than the limit.</summary>
        TooDeep,

        /// <summary>Not JSON.</summary>
        Malformed,
    }

    /// <summary>
    /// Whether every object or array in <paramref name="json"/> is at most <paramref name="maxLevel"/> levels deep,
    /// the top-level value being level <paramref name="topLevel"/> (0 for a request body, whose members' values are
    /// level 1; 1 for a <c>variables</c> parameter that is itself the variables object).
    /// </summary>
    public static Outcome Check(ReadOnlySpan<byte> json, int maxLevel, int topLevel)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxLevel + 2 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth + topLevel > maxLevel)
                {
                    return Outcome.TooDeep;
                }
            }
        }
        catch (JsonException)
        {
            return Outcome.Malformed;
        }

        return Outcome.Within;
    }
}
