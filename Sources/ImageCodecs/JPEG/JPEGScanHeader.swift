/// A start-of-scan (SOS) segment: which components the scan codes, with which Huffman tables,
/// and (for progressive scans) which coefficients and bits.
struct JPEGScanHeader {
  /// One component of the scan.
  struct Member {
    /// The component's index in the frame.
    let componentIndex: Int
    /// The DC Huffman table, 0…3.
    let dcTableIndex: Int
    /// The AC Huffman table, 0…3.
    let acTableIndex: Int
  }

  /// The scan's components, in scan order.
  let members: [Member]
  /// The first coefficient in zigzag order (Ss), 0…63.
  let spectralStart: Int
  /// The last coefficient in zigzag order (Se), 0…63.
  let spectralEnd: Int
  /// The bit position of the previous scan of these coefficients, 0 for a first scan (Ah).
  let previousBitPosition: Int
  /// The bit position this scan codes (Al): coefficients are shifted left by it.
  let bitPosition: Int

  /// Whether this is a refinement scan (Ah ≠ 0), which adds one bit to coefficients.
  var isRefinement: Bool { previousBitPosition != 0 }

  /// Parses an SOS segment against `frame`, checking the parameters T.81 allows for its process.
  init(data: ArraySlice<UInt8>, frame: JPEGFrameHeader) throws(ImageProblem) {
    let bytes = Array(data)
    guard let count = bytes.first.map(Int.init), (1...4).contains(count), bytes.count >= 4 + 2 * count else {
      throw .invalidHeader("the SOS segment (\(bytes.count) bytes) does not list 1…4 components and its parameters")
    }
    var members: [Member] = []
    var blocksPerMCU = 0
    for index in 0..<count {
      let identifier = bytes[1 + 2 * index]
      guard let componentIndex = frame.components.firstIndex(where: { $0.identifier == identifier }) else {
        throw .invalidHeader("a scan names component \(identifier), which the frame does not have")
      }
      guard !members.contains(where: { $0.componentIndex == componentIndex }) else {
        throw .invalidHeader("a scan names component \(identifier) twice")
      }
      let tables = bytes[2 + 2 * index]
      guard tables >> 4 < 4, tables & 15 < 4 else {
        throw .invalidHeader(
          "component \(identifier) uses Huffman tables \(tables >> 4)/\(tables & 15); tables are 0…3")
      }
      let component = frame.components[componentIndex]
      blocksPerMCU += component.horizontalSampling * component.verticalSampling
      members.append(
        Member(componentIndex: componentIndex, dcTableIndex: Int(tables >> 4), acTableIndex: Int(tables & 15)))
    }
    guard count == 1 || blocksPerMCU <= 10 else {
      throw .invalidHeader("an interleaved scan has \(blocksPerMCU) blocks per MCU; T.81 allows at most 10")
    }
    let tail = 1 + 2 * count
    spectralStart = Int(bytes[tail])
    spectralEnd = Int(bytes[tail + 1])
    previousBitPosition = Int(bytes[tail + 2] >> 4)
    bitPosition = Int(bytes[tail + 2] & 15)
    self.members = members
    if frame.process == .progressive {
      try checkProgressiveParameters()
    }
  }

  /// Checks Ss, Se, Ah and Al of a progressive scan (T.81, G.1.1.1.1), as libjpeg does.
  private func checkProgressiveParameters() throws(ImageProblem) {
    let parameters = "Ss=\(spectralStart), Se=\(spectralEnd), Ah=\(previousBitPosition), Al=\(bitPosition)"
    if spectralStart == 0 {
      guard spectralEnd == 0 else {
        throw .invalidHeader("a progressive DC scan has \(parameters); a DC scan needs Se=0")
      }
    } else {
      guard spectralStart <= spectralEnd, spectralEnd <= 63, members.count == 1 else {
        throw .invalidHeader(
          "a progressive AC scan has \(parameters) and \(members.count) components; it needs Ss ≤ Se ≤ 63 and 1 component"
        )
      }
    }
    guard bitPosition <= 13, previousBitPosition <= 13,
      previousBitPosition == 0 || previousBitPosition == bitPosition + 1
    else {
      throw .invalidHeader("a progressive scan has \(parameters); a refinement scan needs Ah = Al + 1 ≤ 13")
    }
  }
}
