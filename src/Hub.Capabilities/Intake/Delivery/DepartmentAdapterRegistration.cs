using Hub.Adapters.Outbound;

namespace Hub.Capabilities.Intake.Delivery;

/// <summary>A department adapter under the name routes use (<c>Hub:Intake:Delivery:Routes</c>).</summary>
/// <param name="Name">e.g. <c>file-drop</c>, or a vendor's.</param>
/// <param name="Adapter">The adapter.</param>
public sealed record DepartmentAdapterRegistration(string Name, IDepartmentAdapter Adapter);
