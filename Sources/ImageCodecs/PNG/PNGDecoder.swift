import ZlibCodecs

/// Decodes PNG files (PNG specification 1.2, RFC 2083) of every colour type, bit depth and
/// interlacing to 8-bit images.
///
/// The work goes in stages, each in its own file:
/// 1. `PNGChunkReader` splits the file into chunks and checks their CRCs (lexing);
/// 2. `PNGDatastream` checks their order and reads IHDR, PLTE and tRNS (parsing);
/// 3. `Inflate` decompresses the joined IDAT data into filtered scanlines;
/// 4. `Unfilter` undoes each scanline's filter, pass by pass (`InterlacePass`);
/// 5. `PNGSampleExpander` turns samples of 1 to 16 bits into 8-bit gray, gray+alpha, RGB or
///    RGBA pixels, placing each pass's pixels where they belong.
///
///     let image = try PNGDecoder.decode(bytes, limits: .standard)
enum PNGDecoder: ImageCodec {
  /// Reads the header chunks (IHDR, and PLTE and tRNS for the channel count) without
  /// decompressing the pixels.
  ///
  /// - Throws: `ImageProblem` for a damaged or invalid file.
  static func info(_ bytes: [UInt8]) throws(ImageProblem) -> ImageInfo {
    let datastream = try PNGDatastream(parsing: bytes, stopAtImageData: true)
    let header = datastream.header
    return ImageInfo(
      format: .png, width: header.width, height: header.height, channels: datastream.outputChannelCount,
      bitDepth: header.bitDepth, details: header.details(hasTransparency: datastream.transparency != nil))
  }

  /// Decodes a PNG file to 8-bit samples (see `PNGSampleExpander` for how samples are converted).
  ///
  /// The size is checked against `limits` before anything of the image's size is allocated, and
  /// decompression stops as soon as it produces more than the image can hold.
  ///
  /// - Throws: `ImageProblem` for the first thing wrong with the file.
  static func decode(_ bytes: [UInt8], limits: DecodingLimits) throws(ImageProblem) -> Image {
    let datastream = try PNGDatastream(parsing: bytes)
    let header = datastream.header
    if let problem = limits.problem(width: header.width, height: header.height) {
      throw problem
    }
    let channels = datastream.outputChannelCount
    let (pixelCount, overflow) = (header.width * header.height).multipliedReportingOverflow(by: channels)
    guard !overflow, let layout = PNGScanlineLayout(header) else {
      throw .tooLarge(width: header.width, height: header.height, limit: limits.maximumPixelCount)
    }
    var scanlines = try decompress(datastream, expecting: layout)
    let expander = PNGSampleExpander(datastream)
    var pixels = [UInt8](repeating: 0, count: pixelCount)
    for (passNumber, pass) in layout.passes.enumerated() {
      let passName = header.isInterlaced ? " of Adam7 pass \(passNumber + 1)" : ""
      try Unfilter.unfilterRows(
        &scanlines, start: pass.start, rowCount: pass.height, bytesPerRow: pass.bytesPerRow,
        filterStride: header.filterStride, rowName: { "row \($0)\(passName)" })
      for row in 0..<pass.height {
        let imageRow = pass.geometry.startRow + row * pass.geometry.rowStep
        try expander.expandRow(
          scanlines, at: pass.start + row * (pass.bytesPerRow + 1) + 1, pixelCount: pass.width, into: &pixels,
          firstPixel: imageRow * header.width + pass.geometry.startColumn, pixelStep: pass.geometry.columnStep,
          rowName: "row \(row)\(passName)")
      }
    }
    return Image(width: header.width, height: header.height, channels: channels, pixels: pixels)
  }

  // MARK: - Private helpers

  /// Decompresses the IDAT data and checks that it holds exactly the scanlines the header
  /// implies.
  private static func decompress(_ datastream: PNGDatastream, expecting layout: PNGScanlineLayout)
    throws(ImageProblem) -> [UInt8]
  {
    let expected = layout.byteCount
    let scanlines: [UInt8]
    do throws(InflateError) {
      scanlines = try Inflate.zlibDecompress(datastream.joinedImageData(), maximumOutputCount: expected)
    } catch {
      throw ImageProblem(error)
    }
    guard scanlines.count == expected else {
      let header = datastream.header
      throw .corruptCompressedData(
        "the IDAT data ends before the image does: it holds \(scanlines.count) bytes of scanlines, but a "
          + "\(header.width)×\(header.height) \(header.details(hasTransparency: false)) image needs \(expected)")
    }
    return scanlines
  }
}
