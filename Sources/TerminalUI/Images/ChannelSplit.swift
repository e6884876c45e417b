import ImageCodecs

/// A colour image's red, green and blue channels, each drawn as a picture of its own: the picture
/// for "a colour image is three grids of numbers".
///
/// Three panels sit side by side, labelled "R (red)", "G (green)" and "B (blue)", under a caption
/// that says what they are. With colour, each channel is tinted in its own colour (a bright red
/// area has much red); without colour, each is a greyscale picture drawn with the character ramp
/// from its values, and a key under the panels shows the ramp from 0 to 255. In a narrower
/// terminal the panels go one under another. A gray image shows three equal channels, which is
/// how Keras turns it into RGB. The SVG drawing also shows the image itself, titled
/// `imageTitle`, before its channels.
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

  /// Creates the view of `image` (any number of channels); the SVG drawing titles the image itself
  /// `imageTitle`.
  public init(_ image: Image, imageTitle: String = "RGB") {
    self.image = image.converted(toChannels: 3)
    self.isGray = image.channels < 3
    self.imageTitle = imageTitle
  }

  // MARK: - Public API

  /// The lines to print, without trailing newlines: the caption, a blank line, the three
  /// panels, and without colour the key to the character ramp.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let width = Swift.max(1, capabilities.width)
    var lines = TextLayout.wrapped(caption, width: width) + [""] + grid(for: capabilities).lines(for: capabilities)
    if capabilities.colors == .none {
      let ramp = String(ImageView.ramp).trimmingCharacters(in: .whitespaces)
      lines += [""] + TextLayout.wrapped("Key: 0 is blank, then \(ramp) up to 255.", width: width)
    }
    return lines
  }

  /// Returns the image and its channels, each tinted in its colour, as an SVG drawing headed by
  /// `title`, four across.
  ///
  ///     try ChannelSplit(cat).svg(title: "Chelsea, channel by channel").write(to: "channels.svg")
  public func svg(title: String) -> SVGDocument {
    ImageGrid([ImageGrid.Tile(image, title: imageTitle)] + tiles(tinted: true), maximumColumns: 4).svg(title: title)
  }

  // MARK: - Helpers

  /// What the pictures show, in words (also what a screen reader gets).
  var caption: String {
    "The red (R), green (G) and blue (B) channels of a \(image.width)×\(image.height) "
      + "\(isGray ? "gray image, all three equal" : "colour image"):"
      + " the brighter a channel's picture, the more of that colour."
  }

  /// The grid that lays out the three panels: side by side when they fit at 20 columns or more
  /// each, otherwise one under another.
  func grid(for capabilities: TerminalCapabilities) -> ImageGrid {
    ImageGrid(tiles(tinted: capabilities.colors != .none), maximumColumns: 3, cellWidth: 20...48)
  }

  /// One tile per channel: tinted in its colour (an RGB image with the other two channels zero),
  /// or as a gray image of the channel's values.
  func tiles(tinted: Bool) -> [ImageGrid.Tile] {
    let names = ["R (red)", "G (green)", "B (blue)"]
    let pixelCount = image.width * image.height
    return (0..<3).map { channel in
      var pixels = [UInt8](repeating: 0, count: pixelCount * (tinted ? 3 : 1))
      for index in 0..<pixelCount {
        let value = image.pixels[index * 3 + channel]
        if tinted { pixels[index * 3 + channel] = value } else { pixels[index] = value }
      }
      return ImageGrid.Tile(
        Image(width: image.width, height: image.height, channels: tinted ? 3 : 1, pixels: pixels),
        title: names[channel])
    }
  }
}
