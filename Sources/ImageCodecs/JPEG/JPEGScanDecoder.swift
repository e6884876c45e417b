/// Decodes the entropy-coded data of one scan into the coefficients of its components.
///
/// A scan with one component visits that component's blocks row by row, ceil(width/8) ×
/// ceil(height/8) of them; an interleaved scan visits MCUs, each holding H×V blocks of every
/// component (T.81, A.2). Every `restartInterval` MCUs the data is byte-aligned at an RSTn marker
/// and the DC predictors and the end-of-band run start again at zero.
struct JPEGScanDecoder {
  /// What one block of the scan holds: a whole block, or part of a progressive refinement.
  enum Kind {
    /// Sequential (baseline or extended): every coefficient, Huffman-coded in full.
    case sequential
    /// Progressive first DC scan: the DC difference, shifted left by Al.
    case dcFirst
    /// Progressive DC refinement: one more bit of the DC coefficient.
    case dcRefinement
    /// Progressive first AC scan of coefficients Ss…Se, with end-of-band runs.
    case acFirst
    /// Progressive AC refinement: one more bit of nonzero coefficients, and new ±1 ones.
    case acRefinement
  }

  /// The frame the scan belongs to.
  let frame: JPEGFrameHeader
  /// The scan's header.
  let scan: JPEGScanHeader
  /// What each block holds.
  let kind: Kind
  /// MCUs between restart markers, or 0 for none.
  let restartInterval: Int
  /// Each scan member's DC table (an unused placeholder where the scan needs none).
  let dcTables: [JPEGHuffmanTable]
  /// Each scan member's AC table (an unused placeholder where the scan needs none).
  let acTables: [JPEGHuffmanTable]
  /// `JPEGZigzag.order`, held here so that the per-coefficient loops do not go through the
  /// global's lazy initialisation on every access.
  let zigzag = JPEGZigzag.order

  /// The DC predictors of the scan's members: the last DC value decoded, per member.
  var predictors = [Int](repeating: 0, count: 4)
  /// How many more blocks of a progressive AC scan have no more coefficients in this band.
  var endOfBandRun = 0

  /// Prepares to decode `scan`, checking it has the Huffman tables it needs.
  init(
    scan: JPEGScanHeader, frame: JPEGFrameHeader, restartInterval: Int,
    dcTables: [JPEGHuffmanTable?], acTables: [JPEGHuffmanTable?]
  ) throws(ImageProblem) {
    self.frame = frame
    self.scan = scan
    self.restartInterval = restartInterval
    if frame.process != .progressive {
      kind = .sequential
    } else if scan.spectralStart == 0 {
      kind = scan.isRefinement ? .dcRefinement : .dcFirst
    } else {
      kind = scan.isRefinement ? .acRefinement : .acFirst
    }
    let needsDC = kind == .sequential || kind == .dcFirst
    let needsAC = kind == .sequential || kind == .acFirst || kind == .acRefinement
    var dc: [JPEGHuffmanTable] = []
    var ac: [JPEGHuffmanTable] = []
    for member in scan.members {
      let identifier = frame.components[member.componentIndex].identifier
      dc.append(try Self.table(dcTables, member.dcTableIndex, "DC", needed: needsDC, component: identifier))
      ac.append(try Self.table(acTables, member.acTableIndex, "AC", needed: needsAC, component: identifier))
    }
    self.dcTables = dc
    self.acTables = ac
  }

  /// Decodes the scan's data starting at `start` into `coefficients`, and returns the position
  /// after the last byte it read.
  ///
  /// - Throws: `.truncated` if the file ends before the scan's last block, and
  ///   `.corruptCompressedData` for invalid codes, a missing restart marker, or data that ends
  ///   at a marker before its last block.
  mutating func decode(_ bytes: [UInt8], from start: Int, into coefficients: inout JPEGCoefficients)
    throws(ImageProblem) -> Int
  {
    try bytes.withUnsafeBufferPointer { (data) throws(ImageProblem) -> Int in
      try coefficients.values.withUnsafeMutableBufferPointer { (values) throws(ImageProblem) -> Int in
        var reader = JPEGBitReader(data: data, position: start)
        try decodeUnits(&reader, into: values.baseAddress!, offsets: coefficients.componentOffsets)
        try Self.checkComplete(reader, at: "the end of the scan")
        return reader.position
      }
    }
  }

  // MARK: - Private helpers

  /// Visits every MCU (or, in a one-component scan, every block) in order, handling restarts.
  private mutating func decodeUnits(
    _ reader: inout JPEGBitReader, into values: UnsafeMutablePointer<Int16>, offsets: [Int]
  ) throws(ImageProblem) {
    let single = scan.members.count == 1
    let first = frame.components[scan.members[0].componentIndex]
    let unitsPerLine = single ? (first.sampleWidth + 7) / 8 : frame.mcusPerLine
    let unitCount = unitsPerLine * (single ? (first.sampleHeight + 7) / 8 : frame.mcusPerColumn)
    var expectedRestart = 0
    for unit in 0..<unitCount {
      if restartInterval > 0 && unit > 0 && unit % restartInterval == 0 {
        try restart(&reader, expecting: expectedRestart, before: unit)
        expectedRestart = (expectedRestart + 1) & 7
      }
      let row = unit / unitsPerLine
      let column = unit % unitsPerLine
      if single {
        let block = offsets[scan.members[0].componentIndex] + (row * first.blocksPerLine + column) * 64
        try decodeBlock(values + block, member: 0, &reader)
        continue
      }
      for (memberIndex, member) in scan.members.enumerated() {
        let component = frame.components[member.componentIndex]
        for v in 0..<component.verticalSampling {
          let blockRow = row * component.verticalSampling + v
          for h in 0..<component.horizontalSampling {
            let blockColumn = column * component.horizontalSampling + h
            let block = offsets[member.componentIndex] + (blockRow * component.blocksPerLine + blockColumn) * 64
            try decodeBlock(values + block, member: memberIndex, &reader)
          }
        }
      }
    }
  }

  /// Decodes one block of the scan's `member`-th component, as the scan's kind says.
  @inline(__always)
  private mutating func decodeBlock(
    _ block: UnsafeMutablePointer<Int16>, member: Int, _ reader: inout JPEGBitReader
  ) throws(ImageProblem) {
    switch kind {
    case .sequential: try decodeSequentialBlock(block, member: member, &reader)
    case .dcFirst: try decodeFirstDC(block, member: member, &reader)
    case .dcRefinement: refineDC(block, &reader)
    case .acFirst: try decodeFirstAC(block, &reader)
    case .acRefinement: try refineAC(block, &reader)
    }
  }

  /// Ends a restart interval: checks its data was complete, moves past the RSTn marker and
  /// resets the predictors and the end-of-band run.
  private mutating func restart(_ reader: inout JPEGBitReader, expecting number: Int, before unit: Int)
    throws(ImageProblem)
  {
    try Self.checkComplete(reader, at: "restart marker RST\(number)")
    guard reader.skipToRestartMarker() else {
      if reader.reachedEndOfFile {
        throw .truncated("the file ends inside a scan, before MCU \(unit)")
      }
      throw .corruptCompressedData("restart marker RST\(number) is missing before MCU \(unit)")
    }
    predictors = [0, 0, 0, 0]
    endOfBandRun = 0
  }

  /// Throws if decoding used bits beyond the data: `.truncated` when the file ended,
  /// `.corruptCompressedData` when a marker came first.
  private static func checkComplete(_ reader: JPEGBitReader, at place: String) throws(ImageProblem) {
    guard reader.hasOverrun else { return }
    if reader.reachedEndOfFile {
      throw .truncated("the file ends inside a scan, before \(place)")
    }
    throw .corruptCompressedData("a scan's data ends at a marker before \(place): blocks are missing or damaged")
  }

  /// The table at `index`, or a problem naming what is missing; a placeholder if not `needed`.
  private static func table(
    _ tables: [JPEGHuffmanTable?], _ index: Int, _ name: String, needed: Bool, component: UInt8
  ) throws(ImageProblem) -> JPEGHuffmanTable {
    if let table = tables[index] {
      return table
    }
    guard !needed else {
      throw .invalidHeader("component \(component) uses \(name) Huffman table \(index), which no DHT segment defined")
    }
    return placeholderTable
  }
}

/// A table with no codes, standing in where a scan uses no table of a class.
private let placeholderTable = try! JPEGHuffmanTable(codeCounts: [Int](repeating: 0, count: 16), symbols: [])
