namespace Hub.Policy.Effects;

/// <summary>Recognises Casbin's effect expressions (whitespace-insensitive; <c>p.eft</c> and <c>p_eft</c> alike).</summary>
internal static class EffectParser
{
    public static bool TryParse(string expression, out EffectKind kind)
    {
        var normalized = new string(expression.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace("p.eft", "p_eft", StringComparison.Ordinal);
        (var ok, kind) = normalized switch
        {
            "some(where(p_eft==allow))" => (true, EffectKind.AllowOverride),
            "!some(where(p_eft==deny))" => (true, EffectKind.DenyOverride),
            "some(where(p_eft==allow))&&!some(where(p_eft==deny))" => (true, EffectKind.AllowAndDeny),
            "priority(p_eft)||deny" => (true, EffectKind.Priority),
            "subjectPriority(p_eft)||deny" => (true, EffectKind.SubjectPriority),
            _ => (false, EffectKind.AllowOverride),
        };
        return ok;
    }
}
