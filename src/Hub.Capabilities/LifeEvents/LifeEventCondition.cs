namespace Hub.Capabilities.LifeEvents;

/// <summary>
/// A condition of a life-event rule over the facts (<see cref="LifeEventFact"/>). Evaluated in three values: a fact the
/// request's task may not read is unknown, never guessed, and the condition is unknown unless the known facts decide
/// it (Kleene: <c>any</c> with a true item is true, <c>all</c> with a false item is false).
/// </summary>
public abstract record LifeEventCondition
{
    /// <summary>The facts the condition reads.</summary>
    public abstract IEnumerable<string> Facts { get; }

    /// <summary>
    /// True or false when the facts present in <paramref name="facts"/> decide the condition; null when it depends on a
    /// fact that is absent (withheld from the request's task).
    /// </summary>
    public abstract bool? Evaluate(IReadOnlyDictionary<string, object?> facts);

    /// <summary>Whether the condition holds for <paramref name="facts"/>, every fact known.</summary>
    public bool Holds(IReadOnlyDictionary<string, object?> facts) => Evaluate(facts) == true;
}

/// <summary>Always holds (<c>{"always": true}</c>).</summary>
public sealed record AlwaysCondition : LifeEventCondition
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => [];

    /// <inheritdoc />
    public override bool? Evaluate(IReadOnlyDictionary<string, object?> facts) => true;
}

/// <summary>Every item holds.</summary>
public sealed record AllCondition(IReadOnlyList<LifeEventCondition> Items) : LifeEventCondition
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => Items.SelectMany(i => i.Facts);

    /// <inheritdoc />
    public override bool? Evaluate(IReadOnlyDictionary<string, object?> facts)
    {
        var unknown = false;
        foreach (var item in Items)
        {
            switch (item.Evaluate(facts))
            {
                case false:
                    return false;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : true;
    }
}

/// <summary>Some item holds.</summary>
public sealed record AnyCondition(IReadOnlyList<LifeEventCondition> Items) : LifeEventCondition
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => Items.SelectMany(i => i.Facts);

    /// <inheritdoc />
    public override bool? Evaluate(IReadOnlyDictionary<string, object?> facts)
    {
        var unknown = false;
        foreach (var item in Items)
        {
            switch (item.Evaluate(facts))
            {
                case true:
                    return true;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : false;
    }
}

/// <summary>The item does not hold.</summary>
public sealed record NotCondition(LifeEventCondition Item) : LifeEventCondition
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => Item.Facts;

    /// <inheritdoc />
    public override bool? Evaluate(IReadOnlyDictionary<string, object?> facts) => !Item.Evaluate(facts);
}

/// <summary>
/// A test of one fact: equals <paramref name="Is"/> (a boolean or a label), lies in [<paramref name="AtLeast"/>,
/// <paramref name="AtMost"/>], or is one of <paramref name="In"/>. A fact without a value (an uncertain age) passes
/// no numeric test. A fact absent from the facts (withheld) is unknown.
/// </summary>
public sealed record FactCondition(string Fact, object? Is, int? AtLeast, int? AtMost, IReadOnlyList<string>? In) : LifeEventCondition
{
    /// <inheritdoc />
    public override IEnumerable<string> Facts => [Fact];

    /// <inheritdoc />
    public override bool? Evaluate(IReadOnlyDictionary<string, object?> facts)
    {
        if (!facts.TryGetValue(Fact, out var value))
        {
            return null;
        }

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
