import CNN
import ImageCodecs
import TerminalUI

extension ImageGrid {
  /// The feature maps a convolution made from one image, each channel drawn as a gray picture
  /// (its smallest value black, its largest white) titled with its filter's number.
  ///
  ///     let maps = try firstConvolution(digit)   // [1, 26, 26, 16]
  ///     show(ImageGrid(featureMaps: maps))
  ///
  /// - Parameters:
  ///   - maps: `[height, width, channels]`, or a batch whose first image is drawn.
  ///   - count: how many channels to draw, from the first.
  public init(featureMaps maps: Tensor, count: Int = 16, maximumColumns: Int = 8) {
    let single = maps.rank == 4 ? maps[0] : maps
    precondition(single.rank == 3, "Feature maps are [height, width, channels], or a batch of them")
    let (height, width, channels) = (single.shape[0], single.shape[1], single.shape[2])
    let tiles = (0..<Swift.min(count, channels)).map { channel in
      let values = (0..<(height * width)).map { single.scalars[$0 * channels + channel] }
      return Tile(Self.grayImage(values, width: width, height: height), title: "filter \(channel)")
    }
    self.init(tiles, maximumColumns: maximumColumns, cellWidth: 6...14)
  }

  /// `values` stretched so that their range fills 0...255 (a flat map is drawn black).
  static func grayImage(_ values: [Float], width: Int, height: Int) -> Image {
    let low = values.min() ?? 0
    let span = (values.max() ?? 0) - low
    let pixels = values.map { span > 0 ? UInt8(((($0 - low) / span) * 255).rounded()) : 0 }
    return Image(width: width, height: height, channels: 1, pixels: pixels)
  }
}
