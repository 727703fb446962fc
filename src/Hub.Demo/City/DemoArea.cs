namespace Hub.Demo.City;

/// <summary>
/// A 町字 (town and 丁目, or an 大字) of the demo city: its 7-digit 町字コード (4-digit town, 3-digit
/// 丁目, 000 for an 大字), postal code and the address text up to the 丁目.
/// </summary>
internal sealed record DemoArea(int Index, string AreaCode, string PostalCode, string TownName, int Chome, string AddressPrefix, string BuildingStem)
{
    public bool IsOaza => Chome == 0;
}
