namespace Hub.Capabilities.LifeEvents;

/// <summary>ライフイベント: the events a one-stop counter (ワンストップ窓口) guides through.</summary>
public enum LifeEventKind
{
    /// <summary>出生.</summary>
    Birth,

    /// <summary>転入.</summary>
    MoveIn,

    /// <summary>転出.</summary>
    MoveOut,

    /// <summary>転居 (within the city).</summary>
    MoveWithin,

    /// <summary>死亡.</summary>
    Death,

    /// <summary>婚姻.</summary>
    Marriage,

    /// <summary>離婚.</summary>
    Divorce,

    /// <summary>退職.</summary>
    Retirement,
}
