namespace Hub.Demo.City;

/// <summary>
/// The demo vendor's 外字 table: Private Use Area code points the registry system uses for characters
/// outside its character set, and the standard character each stands for. One code point
/// (<see cref="UnmappedCodePoint"/>) is deliberately missing from the table, as happens in real
/// exports, so that adapters can be seen to flag it rather than replace it.
/// </summary>
internal static class Gaiji
{
    public const char UnmappedCodePoint = '\uE0FE';

    /// <summary>(PUA code point, the character it stands for, note).</summary>
    public static readonly (char CodePoint, string Standard, string Note)[] Table =
    [
        ('\uE000', "\U00020BB7", "つちよし (U+20BB7)"),
        ('\uE001', "髙", "はしご高 (U+9AD9)"),
        ('\uE002', "﨑", "たつさき (U+FA11)"),
        ('\uE003', "濵", "濵 (U+6FF5)"),
        ('\uE004', "邉", "邉 (U+9089)"),
        ('\uE005', "德", "德 (U+5FB7)"),
        ('\uE006', "槗", "槗 (U+69D7)"),
    ];

    private static readonly NamePair[] Surnames =
    [
        new("\uE000田", "ヨシダ"),
        new("\uE001橋", "タカハシ"),
        new("山\uE002", "ヤマザキ"),
        new("\uE003田", "ハマダ"),
        new("渡\uE004", "ワタナベ"),
        new("\uE005永", "トクナガ"),
        new("\uE006本", "ハシモト"),
        new(UnmappedCodePoint + "沢", "ハナザワ"),
    ];

    public static NamePair PickSurname(DemoRandom rng) => rng.Pick(Surnames);
}
