using Hub.Capabilities.Audit;
using Hub.Capabilities.Requests;
using Hub.Data.Entities.Intake;
using Hub.Policy.Masks;

namespace Hub.Capabilities.Intake;

/// <summary>
/// A leg's data as released to a reader (department staff, or a department's system under the leg's role): an item with
/// a catalog path only where the reader's gate reads that path of the person it is about, else WITHHELD with no value;
/// applicant answers to the department that owns the leg. What was released is noted for the access record.
/// </summary>
public static class IntakeLegRelease
{
    /// <summary>The items of <paramref name="leg"/> as <paramref name="gate"/> may see them; releases are added to <paramref name="access"/>.</summary>
    public static IReadOnlyList<IntakeLegItem> Items(IntakeLeg leg, string applicant, FieldGate gate, AccessCollector access)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(access);
        var released = new List<IntakeLegItem>();
        access.AddSubjects([applicant]);
        foreach (var item in IntakeJson.Items(leg.ItemsJson))
        {
            var subject = string.IsNullOrEmpty(item.Subject) ? applicant : item.Subject;
            if (item.Path is { } path)
            {
                if (!gate.Allows(path, FieldAction.Read, new Subject([subject])))
                {
                    released.Add(item with { Status = "WITHHELD", Value = null, Source = null });
                    continue;
                }

                if (item.Value is not null)
                {
                    access.Add(path, [subject], myNumber: path == CatalogPaths.MyNumber);
                }
            }
            else if (item.Value is not null)
            {
                access.AddSubjects([subject]);
            }

            released.Add(item);
        }

        return released;
    }
}
