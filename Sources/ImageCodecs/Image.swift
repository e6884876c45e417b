/// A decoded image: 8-bit samples, row by row from the top, channels interleaved.
///
/// `channels` is 1 (gray), 2 (gray and alpha), 3 (red, green, blue) or 4 (RGB and alpha). The
/// sample of channel `c` of the pixel in row `y`, column `x` is `pixels[(y * width + x) * channels + c]`.
/// Images of 16 bits per sample keep their high byte, as TensorFlow's decoders do for 8-bit output.
public struct Image: Equatable, Sendable {
  /// The number of columns.
  public let width: Int
  /// The number of rows.
  public let height: Int
  /// The number of samples per pixel: 1, 2, 3 or 4.
  public let channels: Int
  /// Every sample, `height · width · channels` of them.
  public internal(set) var pixels: [UInt8]

  /// Creates an image from its samples.
  ///
  /// - Precondition: `pixels.count == width * height * channels` and `channels` is 1 to 4.
  public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
    precondition((1...4).contains(channels), "An image has 1 to 4 channels, not \(channels)")
    precondition(
      width >= 0 && height >= 0 && pixels.count == width * height * channels,
      "A \(width)×\(height) image with \(channels) channels holds \(width * height * channels) samples, not \(pixels.count)"
    )
    self.width = width
    self.height = height
    self.channels = channels
    self.pixels = pixels
  }
}

/// What the header of an image file says, read without decoding the pixels.
public struct ImageInfo: Equatable, Sendable {
  /// The file format.
  public let format: ImageFormat
  /// The number of columns.
  public let width: Int
  /// The number of rows.
  public let height: Int
  /// The number of channels the decoded image has: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. A palette
  /// PNG decodes to 3 channels, or 4 with transparency.
  public let channels: Int
  /// Bits per sample in the file (1, 2, 4, 8 or 16 for PNG; 8 or 16 for PPM and PGM; 1 for PBM; 8 for JPEG), or
  /// bits per pixel for BMP (1, 4, 8, 16, 24 or 32).
  public let bitDepth: Int
  /// A short description of how pixels are stored: `palette`, `gray`, `RGBA`, `interlaced`….
  public let details: String
  /// The EXIF orientation the file records (JPEG only), or nil when it records none.
  public var orientation: ExifOrientation?

  /// Creates a description of an image file.
  public init(
    format: ImageFormat, width: Int, height: Int, channels: Int, bitDepth: Int, details: String,
    orientation: ExifOrientation? = nil
  ) {
    self.format = format
    self.width = width
    self.height = height
    self.channels = channels
    self.bitDepth = bitDepth
    self.details = details
    self.orientation = orientation
  }
}

/// An image of floating-point samples, such as the result of resizing: same layout as `Image`.
public struct FloatImage: Equatable, Sendable {
  /// The number of columns.
  public let width: Int
  /// The number of rows.
  public let height: Int
  /// The number of samples per pixel.
  public let channels: Int
  /// Every sample, in the range of the source (0...255 for a resized 8-bit image).
  public let values: [Float]

  /// Creates an image from its samples.
  ///
  /// - Precondition: `values.count == width * height * channels`.
  public init(width: Int, height: Int, channels: Int, values: [Float]) {
    precondition(values.count == width * height * channels, "FloatImage: sample count does not match its size")
    self.width = width
    self.height = height
    self.channels = channels
    self.values = values
  }
}
