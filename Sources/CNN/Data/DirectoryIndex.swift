import Foundation
import ImageCodecs
import TextTools

/// The image files of a folder of class folders, in Keras's order, with their class indices.
///
/// As `keras.utils.image_dataset_from_directory` lists them: class names are the sorted names of
/// the sub-folders that do not start with "."; inside each class folder every file, recursively,
/// whose extension (in any case) is an image format, folders in sorted path order and files in
/// sorted order within each. Sorting compares Unicode code points, as Python's `sorted` does.
package struct DirectoryIndex {
  /// The folder listed, as the caller named it.
  package let folder: String
  /// The class names, in label order.
  package let classNames: [String]
  /// Every image file, class by class, in the order above.
  package let files: [(path: String, label: Int)]

  /// File extensions taken as images: Keras's list (bmp, gif, jpeg, jpg, png), plus the Netpbm
  /// formats this library reads (ppm, pgm, pbm).
  static let imageExtensions = Set(ImageFormat.allCases.flatMap(\.fileExtensions))

  /// Lists `folder`, keeping only `classNames` (in that order) when given.
  package init(folder: String, classNames wanted: [String]?, followLinks: Bool) throws {
    self.folder = folder
    let fileManager = FileManager.default
    var isFolder: ObjCBool = false
    guard fileManager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      throw ImageDatasetError.folderNotFound(folder)
    }
    let found = try DirectoryIndex.sortedEntries(of: folder).filter {
      !$0.hasPrefix(".") && DirectoryIndex.isFolder((folder as NSString).appendingPathComponent($0))
    }
    if let wanted {
      guard Set(wanted).isSubset(of: Set(found)), Set(wanted).count == wanted.count else {
        throw ImageDatasetError.unknownClassNames(given: wanted, found: found)
      }
    }
    classNames = wanted ?? found
    var files: [(path: String, label: Int)] = []
    for (label, name) in classNames.enumerated() {
      let classFolder = (folder as NSString).appendingPathComponent(name)
      for path in try DirectoryIndex.imageFiles(under: classFolder, followLinks: followLinks) {
        files.append((path, label))
      }
    }
    self.files = files
  }

  /// `path` relative to the listed folder (`cat/0042.jpg`), or as given when it is elsewhere.
  package func relativePath(of path: String) -> String {
    path.relativePath(to: folder)
  }

  /// The image files below `folder`, walking sub-folders (and, if asked, links to folders).
  private static func imageFiles(under folder: String, followLinks: Bool) throws -> [String] {
    var folders = [folder]
    var index = 0
    var visited: Set<String> = [canonical(folder)]
    while index < folders.count {
      let current = folders[index]
      index += 1
      for name in try sortedEntries(of: current) {
        let path = (current as NSString).appendingPathComponent(name)
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
        if isFolder(path) && (!isLink || followLinks) && visited.insert(canonical(path)).inserted {
          folders.append(path)
        }
      }
    }
    folders.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    return try folders.flatMap { current in
      try sortedEntries(of: current).compactMap { name -> String? in
        let path = (current as NSString).appendingPathComponent(name)
        let fileExtension = (name as NSString).pathExtension.lowercased()
        return imageExtensions.contains(fileExtension) && !isFolder(path) ? path : nil
      }
    }
  }

  /// The names in `folder`, sorted by code point.
  private static func sortedEntries(of folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder)
      .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
  }

  private static func isFolder(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
  }

  /// The path with links resolved, so a link loop is walked once.
  private static func canonical(_ path: String) -> String {
    (path as NSString).resolvingSymlinksInPath
  }
}
