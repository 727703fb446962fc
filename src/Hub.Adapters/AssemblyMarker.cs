namespace Hub.Adapters;
internal static class AssemblyMarker { }
