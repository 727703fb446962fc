namespace Hub.Policy.Administration;

/// <summary>A form item (様式の項目) that a draft makes lose or gain its pre-filled value for one user in one task.</summary>
public sealed record FormItemChange(string Form, string User, string Task, string Field, bool Gains);
