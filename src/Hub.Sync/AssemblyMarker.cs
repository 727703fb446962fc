namespace Hub.Sync;
internal static class AssemblyMarker { }
