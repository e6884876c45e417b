extension JPEGDecoder {
  /// Decodes at the smallest of 1/8, 1/4 or 1/2 of the full size that is still at least
  /// `targetSize` in both directions, or at full size when none is (or no target is given).
  ///
  /// - Throws: as `decode(_:limits:scale:)`.
  static func decode(_ bytes: [UInt8], limits: DecodingLimits, reducedFor targetSize: ImageSize?)
    throws(ImageProblem) -> Image
  {
    let decoded = try JPEGDatastream.decodeScans(bytes, limits: limits)
    let size = ImageSize(width: decoded.frame.width, height: decoded.frame.height)
    return try JPEGImageAssembler.makeImage(decoded, scale: targetSize.map { reductionScale(from: size, to: $0) } ?? 1)
  }

  /// The largest of 8, 4 and 2 that divides `size` (rounding up, as the decoder does) without going
  /// below `target` in either direction, or 1.
  ///
  ///     reductionScale(from: ImageSize(width: 4000, height: 3000), to: ImageSize(width: 32, height: 32))   // 8
  static func reductionScale(from size: ImageSize, to target: ImageSize) -> Int {
    [8, 4, 2].first { scale in
      (size.width + scale - 1) / scale >= target.width && (size.height + scale - 1) / scale >= target.height
    } ?? 1
  }

  /// The EXIF orientation the file records, or nil when it records none (or an invalid one).
  static func orientation(in bytes: [UInt8]) -> ExifOrientation? {
    JPEGEXIF.orientation(in: bytes).flatMap(ExifOrientation.init(rawValue:))
  }
}
