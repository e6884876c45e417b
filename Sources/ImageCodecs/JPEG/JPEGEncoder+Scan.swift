// The entropy-coded data of the one interleaved scan (T.81, annex F.1.2): MCU by MCU, left to
// right and top to bottom, each component's blocks in turn; each block level-shifted,
// transformed, quantised, and coded as a DC difference from the component's previous block
// and a run-length list of AC coefficients in zigzag order, ending in EOB.

extension JPEGEncoder {
  /// One component of the scan, with what coding its blocks needs.
  struct ScanComponent {
    /// The padded samples, a whole number of MCUs.
    let plane: JPEGPlane
    /// Blocks per MCU across (the horizontal sampling factor).
    let blocksAcross: Int
    /// Blocks per MCU down (the vertical sampling factor).
    let blocksDown: Int
    /// The quantisation steps, natural order.
    let steps: [Int]
    /// The DC Huffman codes.
    let dc: JPEGHuffmanEncoding
    /// The AC Huffman codes.
    let ac: JPEGHuffmanEncoding
  }

  /// The stuffed, padded entropy-coded data of `components`, the first with the largest
  /// sampling factors (its plane decides the number of MCUs).
  static func entropyCodedData(_ components: [ScanComponent]) -> [UInt8] {
    let first = components[0]
    let mcuColumns = first.plane.stride / (8 * first.blocksAcross)
    let mcuRows = first.plane.rowCount / (8 * first.blocksDown)
    var writer = JPEGBitWriter()
    var previousDC = [Int](repeating: 0, count: components.count)
    var block = [Int32](repeating: 0, count: 64)
    var workspace = [Int](repeating: 0, count: 64)
    for mcuRow in 0..<mcuRows {
      for mcuColumn in 0..<mcuColumns {
        for (index, component) in components.enumerated() {
          for blockRow in 0..<component.blocksDown {
            for blockColumn in 0..<component.blocksAcross {
              let x = (mcuColumn * component.blocksAcross + blockColumn) * 8
              let y = (mcuRow * component.blocksDown + blockRow) * 8
              load(component.plane, x: x, y: y, into: &block)
              JPEGForwardDCT.transform(&block, workspace: &workspace)
              quantize(&block, steps: component.steps)
              encodeBlock(block, previousDC: &previousDC[index], component: component, writer: &writer)
            }
          }
        }
      }
    }
    writer.padToByte()
    return writer.bytes
  }

  /// Copies the 8×8 block at (`x`, `y`) of `plane` into `block`, minus 128.
  private static func load(_ plane: JPEGPlane, x: Int, y: Int, into block: inout [Int32]) {
    for row in 0..<8 {
      let start = (y + row) * plane.stride + x
      for column in 0..<8 { block[row * 8 + column] = Int32(plane.samples[start + column]) - 128 }
    }
  }

  /// Divides each coefficient by its step, rounding to nearest with halves away from zero, as
  /// libjpeg's `quantize` does.
  static func quantize(_ block: inout [Int32], steps: [Int]) {
    for k in 0..<64 {
      let step = Int32(steps[k])
      let value = block[k]
      block[k] = value >= 0 ? (value + step / 2) / step : -((-value + step / 2) / step)
    }
  }

  /// Codes one quantised block (natural order): the DC difference, then the AC coefficients
  /// in zigzag order as (run of zeros, size) symbols with the value bits after each, runs of
  /// 16 zeros as ZRL (0xF0), and EOB (0x00) when the block ends in zeros.
  static func encodeBlock(
    _ block: [Int32], previousDC: inout Int, component: ScanComponent, writer: inout JPEGBitWriter
  ) {
    let difference = Int(block[0]) - previousDC
    previousDC = Int(block[0])
    let dcSize = magnitudeCategory(difference)
    component.dc.write(dcSize, to: &writer)
    writer.write(valueBits(difference, size: dcSize), count: dcSize)
    var run = 0
    for k in 1..<64 {
      let value = Int(block[JPEGZigzag.order[k]])
      if value == 0 {
        run += 1
        continue
      }
      while run >= 16 {
        component.ac.write(0xF0, to: &writer)
        run -= 16
      }
      let size = magnitudeCategory(value)
      component.ac.write(run << 4 | size, to: &writer)
      writer.write(valueBits(value, size: size), count: size)
      run = 0
    }
    if run > 0 { component.ac.write(0x00, to: &writer) }
  }

  /// The number of bits of `|value|`: 0 for 0, 1 for ±1, 2 for ±2...±3 (T.81, tables F.1, F.2).
  static func magnitudeCategory(_ value: Int) -> Int {
    Int.bitWidth - value.magnitude.leadingZeroBitCount
  }

  /// The `size` bits that follow a category: `value` itself when positive, `value − 1` in
  /// `size` bits (its ones' complement) when negative (T.81, F.1.2.1.1).
  static func valueBits(_ value: Int, size: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: (value < 0 ? value - 1 : value) & ((1 << size) - 1))
  }
}
