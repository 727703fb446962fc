using Hub.Policy.Checking;

namespace Hub.Policy.Tests.Checking;

public sealed class ConstraintCheckerTests
{
    private const string Model = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act

        [role_definition]
        g = _, _

        [constraint_definition]
        c = sod("finance_requester", "finance_approver")
        c2 = sodMax(["payroll_view", "payroll_edit", "payroll_approve"], 1)
        c3 = roleMax("superadmin", 2)
        c4 = rolePre("db_admin", "security_trained")

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    [Fact]
    public void Check_ConstraintsHeld_NoErrors()
    {
        var policy = "p, superadmin, all, read\ng, alice, finance_requester\ng, bob, finance_approver\ng, carol, payroll_view\ng, dave, db_admin\ng, dave, security_trained\ng, erin, superadmin";

        Assert.Empty(PolicyChecker.Check(Model, "m.conf", policy, "p.csv"));
    }

    [Fact]
    public void Check_EachConstraintViolated_ErrorAtTheUsersFirstLine()
    {
        var policy = "p, superadmin, all, read\ng, alice, finance_requester\ng, alice, finance_approver\ng, carol, payroll_view\ng, carol, payroll_edit\ng, dave, db_admin\ng, x, superadmin\ng, y, superadmin\ng, z, superadmin";

        var errors = PolicyChecker.Check(Model, "m.conf", policy, "p.csv").Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.Equal(["c", "c2", "c3", "c4"], errors.Select(e => e.Message.Split(' ')[1]));
        Assert.Equal([2, 4, 9, 6], errors.Select(e => e.Line));
    }

    [Fact]
    public void Check_UnknownConstraint_ErrorAtModelLine()
    {
        var model = Model.Replace("c4 = rolePre(\"db_admin\", \"security_trained\")", "c4 = roleMin(\"db_admin\", 1)", StringComparison.Ordinal);

        var error = Assert.Single(PolicyChecker.Check(model, "m.conf", "p, a, b, c", "p.csv"));

        Assert.Equal(("m.conf", 14), (error.Source, error.Line));
    }
}
