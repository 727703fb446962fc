namespace Hub.Api.LifeEvents;

/// <summary>A condition of a life-event rule over the facts (<see cref="LifeEventFact"/>).</summary>
public abstract record LifeEventCondition
{
    /// <summary>Whether the condition holds for <paramref name="facts"/>.</summary>
    public abstract bool Holds(IReadOnlyDictionary<string, object?> facts);
}

/// <summary>Always holds (<c>{"always": true}</c>).</summary>
public sealed record AlwaysCondition : LifeEventCondition
{
    /// <inheritdoc />
    public override bool Holds(IReadOnlyDictionary<string, object?> facts) => true;
}

/// <summary>Every item holds.</summary>
public sealed record AllCondition(IReadOnlyList<LifeEventCondition> Items) : LifeEventCondition
{
    /// <inheritdoc />
    public override bool Holds(IReadOnlyDictionary<string, object?> facts) => Items.All(i => i.Holds(facts));
}

/// <summary>Some item holds.</summary>
public sealed record AnyCondition(IReadOnlyList<LifeEventCondition> Items) : LifeEventCondition
{
    /// <inheritdoc />
    public override bool Holds(IReadOnlyDictionary<string, object?> facts) => Items.Any(i => i.Holds(facts));
}

/// <summary>The item does not hold.</summary>
public sealed record NotCondition(LifeEventCondition Item) : LifeEventCondition
{
    /// <inheritdoc />
    public override bool Holds(IReadOnlyDictionary<string, object?> facts) => !Item.Holds(facts);
}

/// <summary>
/// A test of one fact: equals <paramref name="Is"/> (a boolean or a label), lies in [<paramref name="AtLeast"/>,
/// <paramref name="AtMost"/>], or is one of <paramref name="In"/>. A fact without a value (an uncertain age) passes
/// no numeric test.
/// </summary>
public sealed record FactCondition(string Fact, object? Is, int? AtLeast, int? AtMost, IReadOnlyList<string>? In) : LifeEventCondition
{
    /// <inheritdoc />
    public override bool Holds(IReadOnlyDictionary<string, object?> facts)
    {
        var value = facts.TryGetValue(Fact, out var v) ? v : null;
        if (Is is not null && !Equals(Is, value))
        {
            return false;
        }

        if (AtLeast is not null || AtMost is not null)
        {
            if (value is not int n || n < (AtLeast ?? int.MinValue) || n > (AtMost ?? int.MaxValue))
            {
                return false;
            }
        }

        return In is null || (value is string s && In.Contains(s));
    }
}
