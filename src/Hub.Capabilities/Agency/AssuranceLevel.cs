namespace Hub.Capabilities.Agency;

/// <summary>
/// 認証の保証レベル: how a resident principal signed in to the portal, from the token's <c>acr</c> claim. Three tiers, as in
/// the city's portal: with the My Number card's JPKI certificate (公的個人認証), with an ID and password, or neither.
/// </summary>
public enum AssuranceLevel
{
    /// <summary>No claim, or one the hub does not know: no personal data at all.</summary>
    None,

    /// <summary><c>acr</c> = <c>password</c>: ID and password. Personal data except 個人番号.</summary>
    Password,

    /// <summary><c>acr</c> = <c>jpki</c>: 公的個人認証 (JPKI) with the My Number card. Everything, 個人番号 included.</summary>
    Jpki,
}
