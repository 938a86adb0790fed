// The tests check Unix permissions (chmod bits kept by --apply); they run on Linux and macOS.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]