import Foundation

/// Finds the project's `Datasets/` folder: in the current folder or one above it (as when
/// `swift run lesson` runs from the repository), or beside the executable's build folder.
public enum DatasetsFolder {
  /// The path of `Datasets/`, or nil if it cannot be found.
  public static func locate(
    from currentFolder: String = FileManager.default.currentDirectoryPath,
    executable: String = CommandLine.arguments.first ?? ""
  ) -> String? {
    var candidates: [String] = []
    var folder = URL(fileURLWithPath: currentFolder)
    for _ in 0..<4 {
      candidates.append(folder.appendingPathComponent("Datasets").path)
      folder.deleteLastPathComponent()
    }
    // .build/<configuration>/lesson → the repository is three levels up.
    var beside = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<4 {
      beside.deleteLastPathComponent()
      candidates.append(beside.appendingPathComponent("Datasets").path)
    }
    return candidates.first { path in
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: path + "/shapes", isDirectory: &isFolder) && isFolder.boolValue
    }
  }
}
