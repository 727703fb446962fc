namespace Hub.Capabilities.Audit;

/// <summary>The privacy officers' task (個人情報保護担当の監査事務) and role, as named in the default policy.</summary>
public static class AuditTask
{
    /// <summary>The task code (事務コード) for reading access records and administering policies.</summary>
    public const string Code = "privacy-audit";

    /// <summary>The role a staff user needs in <see cref="Code"/> (granted by a <c>g</c> line).</summary>
    public const string Role = "role:privacy-officer";
}
