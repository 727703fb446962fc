using Hub.Capabilities.PushTargets.Criteria;

namespace Hub.Capabilities.PushTargets;

/// <summary>A saved push-type target definition (<c>schemas/push-targets/*.json</c>).</summary>
/// <param name="Id">Stable id, the file name without <c>.json</c>; used in <c>/exports/push-targets/{id}</c>.</param>
/// <param name="Title">Japanese title for staff.</param>
/// <param name="Description">What the list is for and how it is defined.</param>
/// <param name="Task">事務コード under which the list is extracted (the field mask's domain).</param>
/// <param name="Criteria">The selection.</param>
public sealed record PushTargetDefinition(string Id, string Title, string Description, string Task, TargetCriterion Criteria);
