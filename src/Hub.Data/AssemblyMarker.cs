namespace Hub.Data;
internal static class AssemblyMarker { }
