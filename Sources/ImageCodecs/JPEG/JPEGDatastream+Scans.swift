extension JPEGDatastream {
  /// The coefficients of every component and the quantisation steps each one uses, once all
  /// scans are decoded.
  struct DecodedCoefficients {
    /// The datastream's tables and settings as they stood at the end of the image.
    let datastream: JPEGDatastream
    /// The frame header.
    let frame: JPEGFrameHeader
    /// Every block's quantised coefficients.
    let coefficients: JPEGCoefficients
    /// Each component's quantisation steps, natural order; zeros for a component no scan coded.
    let steps: [[Int32]]
  }

  /// Walks every segment of the file, decoding each scan as it comes, up to the end-of-image
  /// marker.
  ///
  /// - Throws: `.tooLarge` (before allocating) when the frame exceeds `limits`; `.truncated`
  ///   when the file ends before the end-of-image marker, even between scans; otherwise the
  ///   first problem with the headers or the scan data.
  static func decodeScans(_ bytes: [UInt8], limits: DecodingLimits) throws(ImageProblem) -> DecodedCoefficients {
    var reader = try JPEGSegmentReader(bytes)
    var datastream = JPEGDatastream()
    var coefficients: JPEGCoefficients?
    var steps: [[Int32]?] = []
    var scanCount = 0
    while true {
      let segment: JPEGSegmentReader.Segment
      do throws(ImageProblem) {
        segment = try reader.nextSegment()
      } catch .truncated(let detail) {
        throw .truncated(scanCount == 0 ? detail : "\(detail); it has \(scanCount) complete scans")
      }
      if segment.marker == JPEGMarker.endOfImage {
        break
      }
      guard segment.marker == JPEGMarker.startOfScan else {
        try datastream.read(segment)
        if let frame = datastream.frame, coefficients == nil {
          if let problem = limits.problem(width: frame.width, height: frame.height) {
            throw problem
          }
          try checkLength(of: bytes, canHold: frame)
          coefficients = JPEGCoefficients(frame: frame)
          steps = Array(repeating: nil, count: frame.components.count)
        }
        continue
      }
      guard let frame = datastream.frame, var decoded = coefficients else {
        throw .invalidHeader("a scan (SOS segment) comes before the frame header (SOF segment)")
      }
      let scan = try JPEGScanHeader(data: segment.data, frame: frame)
      for member in scan.members where steps[member.componentIndex] == nil {
        let index = frame.components[member.componentIndex].quantizationTableIndex
        guard let table = datastream.quantizationTables[index] else {
          throw .invalidHeader(
            "component \(frame.components[member.componentIndex].identifier) uses quantisation table \(index), "
              + "which no DQT segment defined")
        }
        steps[member.componentIndex] = table.steps
      }
      var decoder = try JPEGScanDecoder(
        scan: scan, frame: frame, restartInterval: datastream.restartInterval,
        dcTables: datastream.dcTables, acTables: datastream.acTables)
      coefficients = nil  // so that `decoded` is the only reference and is changed in place
      reader.position = try decoder.decode(bytes, from: reader.position, into: &decoded)
      coefficients = decoded
      scanCount += 1
    }
    guard let frame = datastream.frame, let coefficients else {
      throw .invalidHeader("the file has no frame header (SOF segment)")
    }
    guard scanCount > 0 else {
      throw .invalidHeader("the file has no scan (SOS segment), so it holds no image data")
    }
    return DecodedCoefficients(
      datastream: datastream, frame: frame, coefficients: coefficients,
      steps: steps.map { $0 ?? [Int32](repeating: 0, count: 64) })
  }

  /// Refuses, before anything of the image's size is allocated, a file too short to hold the
  /// image its frame header declares: every block takes at least one bit of entropy-coded data
  /// (its DC code), so a small file cannot make the decoder allocate for a huge picture.
  ///
  /// - Throws: `.truncated` saying how many bytes the declared image needs at the least.
  static func checkLength(of bytes: [UInt8], canHold frame: JPEGFrameHeader) throws(ImageProblem) {
    let blocks = frame.components.reduce(0) { $0 + $1.blocksPerLine * $1.blocksPerColumn }
    let leastBytes = (blocks + 7) / 8
    guard bytes.count >= leastBytes else {
      throw .truncated(
        "the header declares a \(frame.width)×\(frame.height) image, which needs at least \(leastBytes) bytes, "
          + "but the file has \(bytes.count)")
    }
  }
}
