import Foundation
import ImageCodecs
import TerminalUI
import TextEscaping
import TextTools

/// `lesson image info|show|convert`: look inside image files.
enum ImageCommand: Equatable {
  case info(path: String)
  case show(path: String)
  case convert(input: String, output: String)

  /// Parses the arguments after `image`.
  static func parse(_ arguments: [String]) throws(UsageError) -> ImageCommand {
    guard let action = arguments.first else {
      throw .missingArgument(command: "image", argument: "info, show or convert")
    }
    let paths = Array(arguments.dropFirst())
    let expected = action == "convert" ? 2 : 1
    switch action {
    case "info", "show", "convert":
      guard paths.count >= expected else {
        throw .missingArgument(command: "image \(action)", argument: action == "convert" ? "IN and OUT file" : "PATH")
      }
      guard paths.count == expected else { throw .unexpectedArgument(paths[expected]) }
    default:
      throw .unknownCommand(
        "image \(action)",
        suggestion: ClosestName.find(to: action, among: ["info", "show", "convert"]).map { "image \($0)" })
    }
    switch action {
    case "info": return .info(path: paths[0])
    case "show": return .show(path: paths[0])
    default: return .convert(input: paths[0], output: paths[1])
    }
  }

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
      // PPM holds RGB and PGM gray: convert to the channels the format needs, dropping alpha.
      let channels = format == .pgm ? 1 : format == .ppm ? 3 : image.channels
      try image.converted(toChannels: channels).write(to: output)
      return [
        "Wrote \(output.escapedForTerminal()) (\(image.width)×\(image.height), \(channels) channel\(channels == 1 ? "" : "s"))."
      ]
    }
  }
}
