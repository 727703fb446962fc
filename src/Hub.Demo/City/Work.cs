namespace Hub.Demo.City;

/// <summary>How a person earns, which decides their income and health insurance.</summary>
internal enum Work
{
    /// <summary>Child, homemaker, unemployed.</summary>
    None,

    /// <summary>Student (高校・大学).</summary>
    Student,

    /// <summary>Employee with employee insurance (被用者保険).</summary>
    Employee,

    /// <summary>Part-time work without employee insurance.</summary>
    PartTime,

    /// <summary>Self-employed (自営業).</summary>
    SelfEmployed,

    /// <summary>Living on a pension.</summary>
    Pensioner,
}
