import Foundation
import ImageCodecs

/// `lesson bench decode PATH…`: how many times a second each image file decodes, from bytes
/// already in memory (so the disk does not count), over about a second per file.
struct DecodeBench {
  let paths: [String]

  func run() throws {
    for path in paths {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      let image = try Image(decoding: bytes, path: path)
      var decodes = 0
      let start = Date()
      var elapsed = 0.0
      while elapsed < 1 || decodes < 5 {
        _ = try Image(decoding: bytes, path: path)
        decodes += 1
        elapsed = Date().timeIntervalSince(start)
      }
      let perSecond = Double(decodes) / elapsed
      print(
        String(
          format: "%@: %d×%d, %d channel(s), %d bytes: %.0f images/s (%.3f ms each)", path, image.width, image.height,
          image.channels, bytes.count, perSecond, 1000 / perSecond))
    }
  }
}
