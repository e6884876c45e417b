extension JPEGDecoder {
  /// Decodes at the smallest of 1/8, 1/4 or 1/2 of the full size that is still at least
  /// `targetSize` in both directions, or at full size when none is (or no target is given).
  ///
  /// - Throws: as `decode(_:limits:scale:)`.
  static func decode(_ bytes: [UInt8], limits: DecodingLimits, reducedFor targetSize: ImageSize?)
    throws(ImageProblem) -> Image
  {
    guard let targetSize else { return try decode(bytes, limits: limits) }
    let header = try info(bytes)
    let scale = reductionScale(from: ImageSize(width: header.width, height: header.height), to: targetSize)
    return try decode(bytes, limits: limits, scale: scale)
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
