namespace Hub.Capabilities.Agency;

/// <summary>
/// Why a resident principal may act for a household member (法定代理・世帯): the policy role the hub grants for that member,
/// decided from the registry's 続柄 and 生年月日; what the role may read is in the policy, with its legal basis.
/// </summary>
/// <param name="Role">The policy role (<c>ground:household-head</c>, <c>ground:parental-authority</c>).</param>
/// <param name="Label">The ground in Japanese (世帯主, 親権者).</param>
public sealed record AgencyGround(string Role, string Label)
{
    /// <summary>世帯主: the head acts for every member of the household (住民基本台帳法 第26条第1項 and the city's rule).</summary>
    public static AgencyGround HouseholdHead { get; } = new("ground:household-head", "世帯主");

    /// <summary>親権者: a parent acts for their minor child (民法 第818条第1項・第824条).</summary>
    public static AgencyGround ParentalAuthority { get; } = new("ground:parental-authority", "親権者");
}
