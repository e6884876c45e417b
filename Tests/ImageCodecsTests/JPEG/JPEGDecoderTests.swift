import Testing

@testable import ImageCodecs

/// Every valid fixture against libjpeg-turbo 2.1.5's `djpeg` (islow IDCT, fancy upsampling),
/// at full size and at each reduced scale, plus what `info` reports.
@Suite struct JPEGDecoderTests {
  @Test(arguments: JPEGFixtures.valid)
  func fullSizeDecodingMatchesDjpegExactly(_ fixture: JPEGFixtures.Valid) throws {
    let image = try JPEGDecoder.decode(JPEGFixtures.bytes(fixture.file), limits: .standard)
    let reference = try JPEGFixtures.reference(fixture)
    try #require(
      [image.width, image.height, image.channels] == [reference.width, reference.height, reference.channels])
    // Measured: every fixture is identical to djpeg's output, sample for sample.
    let difference = SampleDifference(image, reference)
    #expect(difference.maximum == 0, "\(difference)")
  }

  /// The measured difference from `djpeg -scale 1/N` per case: (largest absolute difference,
  /// percentage of samples that differ). Reduced decoding here takes the top-left N×N
  /// coefficients, while libjpeg's reduced IDCTs (jidctred.c) also fold in some higher ones, so
  /// at 1/2 and 1/4 most samples differ by a few levels. At 1/8 both take the DC term alone and
  /// agree, except for 4:2:0 chroma, which libjpeg decodes with its 2×2 IDCT.
  static let scaledTolerances: [String: (maximum: Int, percent: Double)] = [
    "baseline/cat_444.jpg@1/2": (10, 78.0),
    "baseline/cat_444.jpg@1/4": (7, 80.5),
    "baseline/cat_444.jpg@1/8": (0, 0),
    "baseline/cat_422.jpg@1/2": (10, 78.5),
    "baseline/cat_422.jpg@1/4": (8, 81.0),
    "baseline/cat_422.jpg@1/8": (0, 0),
    "baseline/cat_420.jpg@1/2": (10, 78.0),
    "baseline/cat_420.jpg@1/4": (8, 80.0),
    "baseline/cat_420.jpg@1/8": (2, 19.0),
    "baseline/cat_440.jpg@1/2": (10, 79.0),
    "baseline/cat_440.jpg@1/4": (8, 79.0),
    "baseline/cat_440.jpg@1/8": (0, 0),
    "baseline/cat_411.jpg@1/2": (10, 79.0),
    "baseline/cat_411.jpg@1/4": (6, 82.5),
    "baseline/cat_411.jpg@1/8": (0, 0),
    "baseline/cup_420.jpg@1/2": (7, 65.0),
    "baseline/cup_420.jpg@1/4": (5, 72.5),
    "baseline/cup_420.jpg@1/8": (3, 13.5),
    "baseline/face_gray.jpg@1/2": (14, 65.0),
    "baseline/face_gray.jpg@1/4": (12, 77.5),
    "baseline/face_gray.jpg@1/8": (0, 0),
    "progressive/cat_420.jpg@1/2": (11, 77.0),
    "progressive/cat_420.jpg@1/4": (7, 81.5),
    "progressive/cat_420.jpg@1/8": (2, 15.0),
    "progressive/cup_422.jpg@1/2": (7, 66.5),
    "progressive/cup_422.jpg@1/4": (5, 72.5),
    "progressive/cup_422.jpg@1/8": (0, 0),
    "progressive/cat_scans.jpg@1/2": (11, 76.5),
  ]

  @Test(arguments: JPEGFixtures.scaled)
  func scaledDecodingStaysWithinTheMeasuredDistanceOfDjpeg(_ scaled: JPEGFixtures.ScaledCase) throws {
    let image = try JPEGDecoder.decode(
      JPEGFixtures.bytes(scaled.fixture.file), limits: .standard, scale: scaled.scale)
    let reference = try JPEGFixtures.reference(scaled.fixture, scale: scaled.scale)
    try #require(
      [image.width, image.height, image.channels] == [reference.width, reference.height, reference.channels])
    let tolerance = try #require(Self.scaledTolerances[scaled.description], "no measured tolerance for \(scaled)")
    let difference = SampleDifference(image, reference)
    #expect(difference.maximum <= tolerance.maximum, "\(difference)")
    #expect(difference.differingFraction * 100 <= tolerance.percent, "\(difference)")
  }

  @Test func scaledSizesRoundUpLikeLibjpeg() throws {
    let bytes = JPEGFixtures.bytes("baseline/cat_420.jpg")  // 61×47
    let sizes = try [1, 2, 4, 8].map { scale in
      let image = try JPEGDecoder.decode(bytes, limits: .standard, scale: scale)
      return [image.width, image.height]
    }
    #expect(sizes == [[61, 47], [31, 24], [16, 12], [8, 6]])
  }

  @Test(arguments: [
    ("baseline/cat_420.jpg", 61, 47, 3, "baseline, 4:2:0"),
    ("baseline/cat_444.jpg", 61, 47, 3, "baseline, 4:4:4"),
    ("baseline/cat_422.jpg", 61, 47, 3, "baseline, 4:2:2"),
    ("baseline/cat_440.jpg", 61, 47, 3, "baseline, 4:4:0"),
    ("baseline/cat_411.jpg", 61, 47, 3, "baseline, 4:1:1"),
    ("baseline/face_gray.jpg", 45, 29, 1, "baseline, gray"),
    ("baseline/cat_rgb.jpg", 61, 47, 3, "baseline, RGB, 4:4:4"),
    ("baseline/cat_restart_rows.jpg", 61, 47, 3, "baseline, 4:2:0, restarts"),
    ("baseline/cat_extended_16bit_dqt.jpg", 61, 47, 3, "extended, 4:2:0"),
    ("progressive/cat_444_restarts.jpg", 61, 47, 3, "progressive, 4:4:4, restarts"),
    ("progressive/cup_422.jpg", 33, 35, 3, "progressive, 4:2:2"),
    ("cmyk/cat_pillow_cmyk.jpg", 61, 47, 3, "baseline, CMYK (Adobe), 4:4:4"),
    ("cmyk/cat_imagemagick.jpg", 61, 47, 3, "baseline, YCCK (Adobe), 4:4:4"),
    ("cmyk/cup_ycck.jpg", 33, 35, 3, "baseline, YCCK (Adobe), 4:2:0"),
  ])
  func infoDescribesTheFile(_ file: String, _ width: Int, _ height: Int, _ channels: Int, _ details: String) throws {
    let info = try JPEGDecoder.info(JPEGFixtures.bytes(file))
    #expect(
      info == ImageInfo(format: .jpeg, width: width, height: height, channels: channels, bitDepth: 8, details: details))
  }

  @Test func imageDecodingDispatchesJPEGBytesToThisDecoder() throws {
    let bytes = JPEGFixtures.bytes("baseline/cup_420.jpg")
    let image = try Image(decoding: bytes)
    #expect(image == (try JPEGDecoder.decode(bytes, limits: .standard)))
  }
}
