namespace Hub.Demo.City;

/// <summary>A generated household: its number, address and members (current and removed), head first.</summary>
internal sealed class DemoHousehold
{
    public required string Number { get; init; }

    public required long Ordinal { get; init; }

    public required DemoArea Area { get; set; }

    public string Address { get; set; } = string.Empty;

    public string AddressSupplement { get; set; } = string.Empty;

    public bool IsForeign { get; init; }

    /// <summary>The foreign household's nationality; null for a Japanese household.</summary>
    public Nationality? Nationality { get; init; }

    public HouseholdKind Kind { get; init; }

    public List<DemoPerson> Members { get; } = new(8);

    public DemoPerson Head => Members[0];

    public int CurrentCount => Members.Count(m => !m.IsRemoved);
}
