namespace Hub.Testing;
internal static class AssemblyMarker { }
