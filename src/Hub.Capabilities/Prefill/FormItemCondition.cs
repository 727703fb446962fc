namespace Hub.Capabilities.Prefill;

/// <summary>Who a form item is for (記入対象): an item that is not for the person is NOT_APPLICABLE (該当なし).</summary>
public enum FormItemCondition
{
    /// <summary>Every person the section is filled for.</summary>
    Everyone,

    /// <summary>
    /// 外国人住民 only (在留資格, 在留期間, 在留カード番号): decided from <c>resident.residentKind</c>, which the task must then
    /// read and the access record names (<c>"for": "foreignResident"</c> in the form file).
    /// </summary>
    ForeignResident,
}
