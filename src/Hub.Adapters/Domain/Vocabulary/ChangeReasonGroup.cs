namespace Hub.Adapters.Domain.Vocabulary;

/// <summary>The three groups of 異動事由.</summary>
public enum ChangeReasonGroup
{
    /// <summary>記載: the person enters the registry (転入, 出生, 職権記載 …).</summary>
    Entry = 1,

    /// <summary>消除: the person leaves the registry (転出, 死亡, 職権消除 …); validity ends, nothing is deleted.</summary>
    Removal = 2,

    /// <summary>修正: the record changes (転居, 世帯分離, 世帯合併, 個人番号変更 …).</summary>
    Correction = 3,
}
