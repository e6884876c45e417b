import Foundation

/// A temporary folder of class folders holding tiny image files, for dataset tests. Each image is
/// a binary PPM (P6) or PGM (P5) written byte by byte, so tests do not depend on any encoder.
public final class ImageFolder: TemporaryFolder {
  /// Creates an empty temporary folder.
  public init() throws {
    try super.init(prefix: "cnn-images")
  }

  /// Writes a `width × height` colour image whose every pixel is `(value, value, value)`.
  @discardableResult
  public func addImage(_ relativePath: String, value: UInt8, width: Int = 4, height: Int = 4) throws -> String {
    let header = Array("P6\n\(width) \(height)\n255\n".utf8)
    return try addFile(relativePath, bytes: header + Array(repeating: value, count: width * height * 3))
  }

  /// Writes a colour image from its RGB samples, row by row.
  @discardableResult
  public func addImage(_ relativePath: String, width: Int, height: Int, rgb: [UInt8]) throws -> String {
    precondition(rgb.count == width * height * 3)
    return try addFile(relativePath, bytes: Array("P6\n\(width) \(height)\n255\n".utf8) + rgb)
  }

  /// Writes any bytes, creating the folders on the way.
  @discardableResult
  public func addFile(_ relativePath: String, bytes: [UInt8]) throws -> String {
    let full = (path as NSString).appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }
}
