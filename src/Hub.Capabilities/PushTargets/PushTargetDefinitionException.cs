namespace Hub.Capabilities.PushTargets;

/// <summary>A push-target definition that cannot be loaded; the message names the file and the JSON path.</summary>
public sealed class PushTargetDefinitionException(string message) : Exception(message);
