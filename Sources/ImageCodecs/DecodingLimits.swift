/// Bounds a decoder checks before it allocates, so that a hostile or damaged file cannot make it
/// ask for more memory than a real image of that kind needs.
public struct DecodingLimits: Equatable, Sendable {
  /// The most pixels (width × height) an image may declare: by default 100 million, a little
  /// more than a 96-megapixel camera makes; about 400 MB once decoded to RGBA.
  public var maximumPixelCount: Int

  /// Creates limits; the default is `DecodingLimits.standard`.
  public init(maximumPixelCount: Int = 100_000_000) {
    self.maximumPixelCount = maximumPixelCount
  }

  /// The limits used when none are given.
  public static let standard = DecodingLimits()

  /// Returns nil if a `width × height` image is allowed, or the problem to report.
  func problem(width: Int, height: Int) -> ImageProblem? {
    guard width > 0, height > 0 else { return .invalidHeader("the image is \(width)×\(height) pixels") }
    let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
    guard !overflow, pixels <= maximumPixelCount else {
      return .tooLarge(width: width, height: height, limit: maximumPixelCount)
    }
    return nil
  }
}
