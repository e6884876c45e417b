import Foundation
import ImageCodecs
import TerminalUI
import TextEscaping

/// `lesson image info|show|convert`: look inside image files.
enum ImageCommand: Equatable {
  case info(path: String)
  case show(path: String)
  case convert(input: String, output: String)

  /// Runs the command and returns what it has to say, drawn for `capabilities`.
  func run(capabilities: TerminalCapabilities) throws -> [String] {
    switch self {
    case .info(let path):
      let info = try Image.info(contentsOf: path)
      var lines = [
        "\(path.escapedForTerminal()): \(info.format.rawValue) image, \(info.width)×\(info.height) pixels, "
          + "\(info.channels) channel\(info.channels == 1 ? "" : "s"), \(info.bitDepth)-bit (\(info.details))"
      ]
      if let orientation = info.orientation, orientation != .upright {
        lines.append(
          "EXIF orientation \(orientation.rawValue): to show it upright, \(orientation.instruction) "
            + "(`usesExifOrientation: true` does that when loading).")
      }
      return lines
    case .show(let path):
      let image = try Image(contentsOf: path)
      let view = ImageView(
        width: image.width, height: image.height, channels: image.channels, pixels: image.pixels,
        maximumWidth: Swift.min(capabilities.width, 2 * Swift.max(image.width, 32)))
      let title =
        "\(path.escapedForTerminal()): \(image.width)×\(image.height), \(image.channels) channel\(image.channels == 1 ? "" : "s")"
      return [title] + view.lines(for: capabilities)
    case .convert(let input, let output):
      let image = try Image(contentsOf: input)
      let format = ImageFormat.allCases.first {
        $0.fileExtensions.contains((output as NSString).pathExtension.lowercased())
      }
      // PPM holds RGB, PGM gray and JPEG either: convert to the channels the format needs,
      // dropping alpha.
      let channels: Int
      switch format {
      case .pgm: channels = 1
      case .ppm: channels = 3
      case .jpeg: channels = image.channels >= 3 ? 3 : 1
      default: channels = image.channels
      }
      try image.converted(toChannels: channels).write(to: output)
      return [
        "Wrote \(output.escapedForTerminal()) (\(image.width)×\(image.height), \(channels) channel\(channels == 1 ? "" : "s"))."
      ]
    }
  }
}
