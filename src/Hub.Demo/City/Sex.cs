namespace Hub.Demo.City;

/// <summary>性別 as the registry codes it.</summary>
internal enum Sex
{
    /// <summary>1 男.</summary>
    Male = 1,

    /// <summary>2 女.</summary>
    Female = 2,
}
