// Writes baseline JPEG files (ITU-T T.81) as cameras and libjpeg's `cjpeg` do by default: a
// JFIF APP0 header, the Annex K quantisation tables scaled by the quality, one baseline
// sequential frame (SOF0) of 8-bit samples, the Annex K Huffman tables, and one interleaved
// scan. Gray images become one component; colour images become YCbCr (JFIF's conversion)
// with the chroma halved both ways (4:2:0). The output depends only on the image and quality.
//
// The stages, each in its own file: `JPEGEncoder+Planes` (colour conversion, padding to whole
// MCUs, chroma downsampling), `JPEGForwardDCT` (the transform), `JPEGEncoder+Scan`
// (quantisation and Huffman coding of each block), `JPEGBitWriter` (bits and byte stuffing).

/// Encodes an `Image` as a baseline JPEG file.
enum JPEGEncoder {
  /// Returns the JPEG file for `image` at `quality` (clamped to 1...100).
  ///
  /// - Precondition: the image is 1×1 to 65,535×65,535 pixels, the most a JPEG frame header
  ///   holds (`Image.encoded(as:)` checks this first and throws `cannotEncode` instead).
  static func encode(_ image: Image, quality: Int) -> [UInt8] {
    precondition(
      (1...65_535).contains(image.width) && (1...65_535).contains(image.height),
      "A JPEG holds 1×1 to 65535×65535 pixels, not \(image.width)×\(image.height)")
    let isColor = image.channels >= 3
    let luminanceSteps = JPEGStandardTables.scaled(JPEGStandardTables.luminanceQuantization, quality: quality)
    let chrominanceSteps = JPEGStandardTables.scaled(JPEGStandardTables.chrominanceQuantization, quality: quality)
    let planes = self.planes(of: image)
    let luminance = ScanComponent(
      plane: planes[0], blocksAcross: isColor ? 2 : 1, blocksDown: isColor ? 2 : 1, steps: luminanceSteps,
      dc: JPEGHuffmanEncoding(JPEGStandardTables.luminanceDC), ac: JPEGHuffmanEncoding(JPEGStandardTables.luminanceAC)
    )
    var components = [luminance]
    for plane in planes.dropFirst() {
      components.append(
        ScanComponent(
          plane: plane, blocksAcross: 1, blocksDown: 1, steps: chrominanceSteps,
          dc: JPEGHuffmanEncoding(JPEGStandardTables.chrominanceDC),
          ac: JPEGHuffmanEncoding(JPEGStandardTables.chrominanceAC)))
    }

    var file: [UInt8] = [0xFF, JPEGMarker.startOfImage]
    file += segment(JPEGMarker.application0, jfifHeader)
    file += segment(
      JPEGMarker.defineQuantizationTables,
      quantizationTable(0, luminanceSteps) + (isColor ? quantizationTable(1, chrominanceSteps) : []))
    file += segment(JPEGMarker.baselineFrame, frameHeader(image, components))
    var huffmanTables =
      huffmanTable(class: 0, index: 0, JPEGStandardTables.luminanceDC)
      + huffmanTable(class: 1, index: 0, JPEGStandardTables.luminanceAC)
    if isColor {
      huffmanTables +=
        huffmanTable(class: 0, index: 1, JPEGStandardTables.chrominanceDC)
        + huffmanTable(class: 1, index: 1, JPEGStandardTables.chrominanceAC)
    }
    file += segment(JPEGMarker.defineHuffmanTables, huffmanTables)
    file += segment(JPEGMarker.startOfScan, scanHeader(componentCount: components.count))
    file += entropyCodedData(components)
    file += [0xFF, JPEGMarker.endOfImage]
    return file
  }

  // MARK: - Private helpers

  /// A marker segment: FF, the marker, the length (counting its own two bytes), the data.
  private static func segment(_ marker: UInt8, _ data: [UInt8]) -> [UInt8] {
    [0xFF, marker] + bigEndian16(data.count + 2) + data
  }

  /// The two bytes of `value`, most significant first.
  private static func bigEndian16(_ value: Int) -> [UInt8] {
    [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
  }

  /// JFIF 1.01: "JFIF\0", the version, no density unit with a 1:1 pixel aspect, no thumbnail.
  private static let jfifHeader: [UInt8] = Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]

  /// One table of a DQT segment: 8-bit precision, its index, the steps in zigzag order.
  private static func quantizationTable(_ index: UInt8, _ steps: [Int]) -> [UInt8] {
    [index] + JPEGZigzag.order.map { UInt8(steps[$0]) }
  }

  /// The SOF0 header: 8 bits, the size, then for each component its ID (1, 2, 3), sampling
  /// factors and quantisation table (0 for luminance, 1 for chrominance).
  private static func frameHeader(_ image: Image, _ components: [ScanComponent]) -> [UInt8] {
    var header: [UInt8] = [8] + bigEndian16(image.height) + bigEndian16(image.width) + [UInt8(components.count)]
    for (index, component) in components.enumerated() {
      header += [
        UInt8(index + 1), UInt8(component.blocksAcross << 4 | component.blocksDown), index == 0 ? 0 : 1,
      ]
    }
    return header
  }

  /// One table of a DHT segment: its class (0 DC, 1 AC) and index, code counts, symbols.
  private static func huffmanTable(
    class tableClass: UInt8, index: UInt8, _ specification: JPEGStandardTables.HuffmanSpecification
  ) -> [UInt8] {
    [tableClass << 4 | index] + specification.codeCounts.map { UInt8($0) } + specification.symbols
  }

  /// The SOS header of the one scan: each component with its DC and AC tables (0 for
  /// luminance, 1 for chrominance), then the whole spectrum 0...63 with no successive approximation.
  private static func scanHeader(componentCount: Int) -> [UInt8] {
    var header: [UInt8] = [UInt8(componentCount)]
    for index in 0..<componentCount {
      header += [UInt8(index + 1), index == 0 ? 0x00 : 0x11]
    }
    return header + [0, 63, 0]
  }
}
