using GraphQL.Types;
using Hub.Policy.Ordinances;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>One row of a version's 条例・別表の表 (ordinance table).</summary>
internal sealed class OrdinanceRowType : ObjectGraphType<OrdinanceEntry>
{
    public OrdinanceRowType()
    {
        Name = "OrdinanceRow";
        Description = "One row of the ordinance table (条例・別表の表): a task allowed to use specific personal information, with its legal basis.";
        Field<NonNullGraphType<StringGraphType>>("task").Description("The task code (事務コード)").Resolve(c => c.Source.Task);
        Field<NonNullGraphType<StringGraphType>>("field").Description("The catalog field path or keyMatch pattern (項目)").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions").Description("read, extract, lookup").Resolve(c => c.Source.Actions);
        Field<NonNullGraphType<StringGraphType>>("basis").Description("The legal basis (法的根拠: 番号法 第9条 別表 item or 条例 article)").Resolve(c => c.Source.LegalBasis);
    }
}
