import ImageCodecs

/// A colour image beside its red, green and blue channels, each drawn as a picture of its own.
///
/// The four pictures sit side by side, titled with the image's title and "R", "G" and "B", under a
/// caption that says what they are. With colour, each channel is tinted in its own colour (a
/// bright red area has much red); without colour, each is drawn with the character ramp from its
/// values, as a gray image would be. In a narrower terminal they go two by two, then one under
/// another. A gray image shows three equal channels, which is how Keras turns it into RGB.
///
///     let cat = try Image(contentsOf: "Datasets/photos/chelsea.png")
///     for line in ChannelSplit(cat).lines(for: .standardOutput) { print(line) }
public struct ChannelSplit: Sendable {
  /// The image, as red, green and blue (alpha dropped, gray copied to all three).
  let image: Image
  /// Whether the image was gray before it was copied to three channels.
  let isGray: Bool
  /// The title over the whole image.
  let imageTitle: String

  /// Creates the view of `image` (any number of channels), the whole image titled `imageTitle`.
  public init(_ image: Image, imageTitle: String = "RGB") {
    self.image = image.converted(toChannels: 3)
    self.isGray = image.channels < 3
    self.imageTitle = imageTitle
  }

  // MARK: - Public API

  /// The lines to print, without trailing newlines: the caption, a blank line, then the grid of
  /// the image and its three channels.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    TextLayout.wrapped(caption, width: Swift.max(1, capabilities.width)) + [""]
      + grid(for: capabilities).lines(for: capabilities)
  }

  /// Returns the image and its channels, each tinted in its colour, as an SVG drawing headed by
  /// `title`, four across.
  ///
  ///     try ChannelSplit(cat).svg(title: "Chelsea, channel by channel").write(to: "channels.svg")
  public func svg(title: String) -> SVGDocument {
    ImageGrid(tiles(tinted: true), maximumColumns: 4).svg(title: title)
  }

  // MARK: - Helpers

  /// What the pictures show, in words (also what a screen reader gets).
  var caption: String {
    "A \(image.width)×\(image.height) \(isGray ? "gray" : "colour") image and its red (R), green (G) and blue (B)"
      + " channels\(isGray ? ", all three equal" : "");"
      + " the brighter a channel's picture, the more of that colour."
  }

  /// The grid that lays out the four pictures: four across when they fit at 16 columns or more
  /// each, otherwise two by two, otherwise one under another.
  func grid(for capabilities: TerminalCapabilities) -> ImageGrid {
    ImageGrid(tiles(tinted: capabilities.colors != .none), maximumColumns: 4, cellWidth: 16...40)
  }

  /// The image, then one tile per channel: tinted in its colour (an RGB image with the other two
  /// channels zero), or as a gray image of the channel's values.
  func tiles(tinted: Bool) -> [ImageGrid.Tile] {
    let names = ["R", "G", "B"]
    let pixelCount = image.width * image.height
    let channels = (0..<3).map { channel in
      var pixels = [UInt8](repeating: 0, count: pixelCount * (tinted ? 3 : 1))
      for index in 0..<pixelCount {
        let value = image.pixels[index * 3 + channel]
        if tinted { pixels[index * 3 + channel] = value } else { pixels[index] = value }
      }
      return ImageGrid.Tile(
        Image(width: image.width, height: image.height, channels: tinted ? 3 : 1, pixels: pixels),
        title: names[channel])
    }
    return [ImageGrid.Tile(image, title: imageTitle)] + channels
  }
}
