namespace Hub.Adapters.Layouts;

/// <summary>The type of a canonical field, which decides how its text is converted.</summary>
internal enum FieldKind
{
    Text,
    Name,
    Kana,
    Atena,
    Household,
    Juminhyo,
    MyNumber,
    ResidentKind,
    Sex,
    Relationship,
    ChangeReason,
    EraDate,
    Date,
    Timestamp,
    Bool,
    Int,
    Long,
}
