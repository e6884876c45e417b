/// The quantised DCT coefficients of every block of every component, kept until the last scan
/// is decoded: 64 `Int16` per block in natural (row-major) order, components one after another.
///
/// A progressive file refines these over many scans; a sequential one fills them in one. Each
/// component's blocks cover whole MCUs, so a scan never writes outside its component.
struct JPEGCoefficients {
  /// Every coefficient.
  var values: [Int16]
  /// Where each component's first block starts in `values`.
  let componentOffsets: [Int]

  /// Allocates zero coefficients for every block of `frame`.
  ///
  /// The caller checks the image size against the decoding limits first.
  init(frame: JPEGFrameHeader) {
    var offsets: [Int] = []
    var total = 0
    for component in frame.components {
      offsets.append(total)
      total += component.blocksPerLine * component.blocksPerColumn * 64
    }
    values = [Int16](repeating: 0, count: total)
    componentOffsets = offsets
  }
}
