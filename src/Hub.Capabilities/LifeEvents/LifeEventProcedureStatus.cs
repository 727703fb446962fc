namespace Hub.Capabilities.LifeEvents;

/// <summary>How a procedure stands for the household.</summary>
public enum LifeEventProcedureStatus
{
    /// <summary>該当: the data shows the procedure applies and is not done yet.</summary>
    Applies,

    /// <summary>済: the data shows the procedure applies and is already done.</summary>
    Done,

    /// <summary>
    /// 要確認: whether it applies, or whether it is done, depends on facts the request's task may not read; the clerk
    /// asks the resident or the department. The answer does not vary with those facts.
    /// </summary>
    ToConfirm,
}
