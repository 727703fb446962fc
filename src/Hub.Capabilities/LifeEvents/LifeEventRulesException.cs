namespace Hub.Capabilities.LifeEvents;

/// <summary>Life-event rules that cannot be used; the message lists every problem with file and JSON path.</summary>
public sealed class LifeEventRulesException(string message) : Exception(message);
