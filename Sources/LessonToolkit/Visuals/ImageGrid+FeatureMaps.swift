import CNN
import ImageCodecs
import TerminalUI

extension ImageGrid {
  /// The feature maps a convolution made from one image, each channel drawn as a gray picture
  /// (its smallest value black, its largest white) titled with its filter's number, `#0`, `#1`….
  /// Each map is drawn at least 14 columns wide, so that what its filter found shows: 8 maps of
  /// 26 × 26 go 4 by 2 at 18 columns each in an 80 × 24 terminal.
  ///
  ///     let maps = try firstConvolution(digit)   // [1, 26, 26, 16]
  ///     show(ImageGrid(featureMaps: maps))
  ///
  /// - Parameters:
  ///   - maps: `[height, width, channels]`, or a batch whose first image is drawn.
  ///   - count: how many channels to draw, from the first.
  public init(featureMaps maps: Tensor, count: Int = 8, maximumColumns: Int = 4) {
    let single = maps.rank == 4 ? maps[0] : maps
    precondition(single.rank == 3, "Feature maps are [height, width, channels], or a batch of them")
    let tiles = (0..<Swift.min(count, single.shape[2])).map { channel in
      Tile(Image(stretching: single, channel: channel), title: "#\(channel)")
    }
    self.init(tiles, maximumColumns: maximumColumns, cellWidth: 14...28)
  }
}

extension Image {
  /// A gray picture of one channel of a `[height, width, channels]` tensor whose values may have
  /// any range (a feature map, an edge map): its smallest value black, its largest white, and a
  /// map with a single value all black.
  ///
  ///     show(ImageGrid(images: [Image(stretching: edges[0])], titles: ["edges"]))
  public init(stretching tensor: Tensor, channel: Int = 0) {
    precondition(tensor.rank == 3 && tensor.shape[2] > channel, "Expected [height, width, channels]")
    let (height, width, channels) = (tensor.shape[0], tensor.shape[1], tensor.shape[2])
    let values = (0..<(height * width)).map { tensor.scalars[$0 * channels + channel] }
    let low = values.min() ?? 0
    let span = (values.max() ?? 0) - low
    let pixels = values.map { span > 0 ? UInt8(((($0 - low) / span) * 255).rounded()) : 0 }
    self.init(width: width, height: height, channels: 1, pixels: pixels)
  }
}
