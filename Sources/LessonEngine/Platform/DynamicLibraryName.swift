// Platform shim: how the linker names a dynamic library on this system.

/// File names of the dynamic libraries SwiftPM builds.
enum DynamicLibraryName {
  /// The file of library `name`: `libCNN.so` on Linux, `libCNN.dylib` on macOS.
  static func file(for name: String) -> String {
    #if canImport(Darwin)
      return "lib\(name).dylib"
    #else
      return "lib\(name).so"
    #endif
  }
}
