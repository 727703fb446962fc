namespace Hub.Adapters.Layouts;

/// <summary>A layout field ready for reading: its kind, form, code table and position.</summary>
internal sealed record CompiledField(string Name, FieldKind Kind, string? Form, IReadOnlyDictionary<string, string>? Codes, string Trim, string? Column, int? Index, int Offset, int Length)
{
    public static readonly char[] Spaces = [' ', '\u3000'];

    public string Clean(string text) => Trim switch
    {
        "both" => text.Trim(Spaces),
        "end" => text.TrimEnd(Spaces),
        _ => text,
    };
}
