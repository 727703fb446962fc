namespace Hub.Data.Entities;

/// <summary>
/// One version of a record of a kind declared as data (a <c>schemas/records</c> kind that is not built in, e.g. 要介護認定):
/// the kind, the 宛名番号 of the resident it is about, and its values as one JSON object by catalog field name (strings,
/// integers, booleans; dates as <c>yyyy-MM-dd</c>; empty fields left out). History, provenance and effective dating are
/// those of every <see cref="TemporalRecord"/>: <see cref="TemporalRecord.ValidFrom"/>/<see cref="TemporalRecord.ValidTo"/> come
/// from the kind's dating fields (<c>x-hub-dating</c>), a 消除 closes them.
/// </summary>
public sealed class GenericRecord : TemporalRecord
{
    /// <summary>The record kind (<c>x-hub-record</c>), e.g. <c>longTermCare</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>宛名番号 of the resident the record is about (the kind's <c>x-hub-subject</c> field).</summary>
    public string AtenaNumber { get; set; } = string.Empty;

    /// <summary>The values: a JSON object by field name (<c>jsonb</c> on PostgreSQL, text elsewhere).</summary>
    public string Values { get; set; } = "{}";
}
