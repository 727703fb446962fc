namespace Hub.Capabilities.PushTargets.Exports;

/// <summary>The caller's task may not <c>extract</c> any field of a push-target row (or not under this definition's task).</summary>
public sealed class PushTargetExportForbiddenException(string message) : Exception(message);
