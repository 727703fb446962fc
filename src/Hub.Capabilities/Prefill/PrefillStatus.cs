namespace Hub.Capabilities.Prefill;

/// <summary>How a pre-filled item was answered (as Myinfo does): what the clerk must still ask or check.</summary>
public enum PrefillStatus
{
    /// <summary>記入済: the value from its source system.</summary>
    Filled,

    /// <summary>非開示: the policy forbids this field in the request's task; the value was never read.</summary>
    Withheld,

    /// <summary>データなし: no record or no value, or an item no core system holds (an applicant answer); ask the resident.</summary>
    Unavailable,

    /// <summary>要確認: a partly unknown or off-calendar date (年月日不詳, 2月30日); the original text is given.</summary>
    Uncertain,

    /// <summary>該当なし: the item is not for this person (e.g. 在留資格 of a Japanese resident); nothing was read for it.</summary>
    NotApplicable,
}
