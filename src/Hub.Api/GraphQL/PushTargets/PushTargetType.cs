using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Capabilities.PushTargets;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.PushTargets;

/// <summary>
/// One resident of a push-target list. Each field is released only where the request's task may <c>extract</c> it
/// (a separate permission from <c>read</c>); otherwise null with FIELD_FORBIDDEN at its path.
/// </summary>
internal sealed class PushTargetType : ObjectGraphType<PushTargetRow>
{
    public PushTargetType()
    {
        Name = "PushTarget";
        Description = "A resident selected by push-type criteria (プッシュ型通知の対象). Fields need the 'extract' permission.";
        foreach (var (path, _, value) in Hub.Capabilities.PushTargets.PushTargetFields.All)
        {
            var name = path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..];
            Field<StringGraphType>(name == "birthDate" ? "birthDateText" : name)
                .Description($"{path} (extract)")
                .Resolve(c => Extract(c, path, value));
        }

        Field<NonNullGraphType<BooleanGraphType>>("ageUncertain")
            .Description("True when listed only because a 不詳 birth date might match (criteria with uncertain: separate).")
            .Resolve(c => c.Source.AgeUncertain);
    }

    private static string? Extract(IResolveFieldContext<PushTargetRow> c, string path, Func<PushTargetRow, string?> value)
    {
        var subject = new Subject([c.Source.AtenaNumber]);
        if (!c.Gate().Allows(path, FieldAction.Extract, subject))
        {
            throw FieldEnforcementMiddleware.Forbidden(c, $"{path} may not be extracted in task '{c.RequestContext().Task}'.");
        }

        c.Access().Add(path, subject.AtenaNumbers);
        return value(c.Source);
    }
}
