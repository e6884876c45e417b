import CNN
import Foundation
import ImageCodecs

/// The folder `lesson train` learns from, checked before any image is decoded: its class folders
/// (`train/` and `val/` when it has both, otherwise itself), and the size most of its images have,
/// read from their headers alone.
struct TrainingFolder {
  /// The folder of class folders to train on.
  let trainingFolder: String
  /// The folder of class folders to validate on, or nil to keep 20 % of the training images.
  let validationFolder: String?
  /// The class names, in label order.
  let classNames: [String]
  /// How many images have each size, `[height, width]`, as stored (the loader ignores EXIF turns).
  let imageSizes: [[Int]: Int]
  /// The most common image size, `[height, width]`; ties go to the larger, then the taller image,
  /// so that every machine picks the same.
  let commonSize: [Int]
  /// Whether most images are grey (one channel, or grey with alpha).
  let isMostlyGray: Bool

  /// The number of images whose header could be read.
  var imageCount: Int { imageSizes.values.reduce(0, +) }

  /// The folder given.
  let folder: String

  /// Lists `folder`'s classes and reads the header of each of its images.
  ///
  /// - Throws: `TrainingDataError` for a missing folder, one class, or `train/` and `val/` with
  ///   different classes; `ImageDatasetError.noImages` when no image's header can be read.
  init(_ folder: String) throws {
    guard Self.isFolder(folder) else { throw TrainingDataError.folderNotFound(folder) }
    self.folder = folder
    let splits = ["train", "val"].map { (folder as NSString).appendingPathComponent($0) }
    let hasSplits = splits.allSatisfy(Self.isFolder)
    trainingFolder = hasSplits ? splits[0] : folder
    validationFolder = hasSplits ? splits[1] : nil
    let indices = try ([trainingFolder] + [validationFolder].compactMap { $0 }).map {
      try DirectoryIndex(folder: $0, classNames: nil, followLinks: false)
    }
    classNames = indices[0].classNames
    if let validation = indices.dropFirst().first, validation.classNames != classNames {
      throw TrainingDataError.classFoldersDiffer(
        folder: folder, training: classNames, validation: validation.classNames)
    }
    if classNames.count == 1 { throw TrainingDataError.oneClass(folder: trainingFolder, name: classNames[0]) }
    var sizes: [[Int]: Int] = [:]
    var grayCount = 0
    for file in indices.flatMap(\.files) {
      guard let info = try? Image.info(contentsOf: file.path) else { continue }  // the loader reports it
      sizes[[info.height, info.width], default: 0] += 1
      if info.channels <= 2 { grayCount += 1 }
    }
    let ranked = sizes.map { (count: $0.value, area: $0.key[0] * $0.key[1], height: $0.key[0], size: $0.key) }
    guard let common = ranked.max(by: { ($0.count, $0.area, $0.height) < ($1.count, $1.area, $1.height) }) else {
      throw ImageDatasetError.noImages(folder: trainingFolder)
    }
    imageSizes = sizes
    commonSize = common.size
    isMostlyGray = grayCount * 2 > sizes.values.reduce(0, +)
  }

  /// "Most images are 28×28; 3 of 1,000 images of other sizes will be resized to it.", or, for a
  /// size given with `--image-size`, how many images will be resized to it.
  func sizeSummary(resizingTo size: [Int]) -> String {
    let common = "\(commonSize[0])×\(commonSize[1])"
    let images = "\(Model.grouped(imageCount)) image\(imageCount == 1 ? "" : "s")"
    let resized = imageCount - imageSizes[size, default: 0]
    if size != commonSize {
      return
        "Most images are \(common); \(Model.grouped(resized)) of \(images) will be resized to \(size[0])×\(size[1])."
    }
    if resized == 0 { return "All \(images) are \(common)." }
    return "Most images are \(common); \(Model.grouped(resized)) of \(images) of other sizes will be resized to it."
  }

  private static func isFolder(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
  }
}
