namespace Hub.Policy.Indexing;

/// <summary>A conjunct <c>g(r.X, p.Y[, r.D])</c>: candidate rules have <c>p.Y</c> among the roles <c>r.X</c> reaches.</summary>
internal sealed record RoleTerm(int RoleType, int RequestIndex, int PolicyIndex, int DomainRequestIndex);
