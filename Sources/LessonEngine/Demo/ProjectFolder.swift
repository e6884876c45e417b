import Foundation

/// Finds the project's folder (the one holding `Package.swift`, `Lessons/` and `Datasets/`): the
/// current folder or one above it (as when `swift run lesson` runs from the repository), or above
/// the executable's build folder.
public enum ProjectFolder {
  /// The project folder's path, or nil if it cannot be found.
  public static func locate(
    from currentFolder: String = FileManager.default.currentDirectoryPath,
    executable: String = CommandLine.arguments.first ?? ""
  ) -> String? {
    var candidates: [URL] = []
    var folder = URL(fileURLWithPath: currentFolder)
    for _ in 0..<4 {
      candidates.append(folder)
      folder.deleteLastPathComponent()
    }
    // .build/<triple>/<configuration>/lesson: the project is a few levels up.
    var beside = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<4 {
      beside.deleteLastPathComponent()
      candidates.append(beside)
    }
    return candidates.map(\.path).first { path in
      FileManager.default.fileExists(atPath: path + "/Package.swift") && isFolder(path + "/Lessons")
    }
  }

  /// The project's `Datasets/` folder, if the project is found and has one.
  public static func datasets(
    from currentFolder: String = FileManager.default.currentDirectoryPath,
    executable: String = CommandLine.arguments.first ?? ""
  ) -> String? {
    guard let root = locate(from: currentFolder, executable: executable), isFolder(root + "/Datasets/shapes") else {
      return nil
    }
    return root + "/Datasets"
  }

  private static func isFolder(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
  }
}
