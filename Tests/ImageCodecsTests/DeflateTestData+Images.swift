import ImageCodecs
import ZlibCodecsTestSupport

extension DeflateTestData {
  /// A photograph-like image of `smoothSamples`: broad waves of colour plus a little noise.
  static func smoothImage(width: Int, height: Int, channels: Int) -> Image {
    Image(
      width: width, height: height, channels: channels,
      pixels: smoothSamples(width: width, height: height, channels: channels))
  }
}
