namespace Hub.Policy;
internal static class AssemblyMarker { }
