/// The tables and settings a JPEG file's segments declare, gathered in file order, and the
/// walk through those segments that decodes every scan.
///
/// Tables may be redefined between scans; each scan uses those defined before it. A
/// component's quantisation table is taken when its first scan starts, as libjpeg does.
struct JPEGDatastream {
  /// The frame header, once the SOF segment is read.
  var frame: JPEGFrameHeader?
  /// Quantisation tables 0…3.
  var quantizationTables = [JPEGQuantizationTable?](repeating: nil, count: 4)
  /// DC Huffman tables 0…3.
  var dcTables = [JPEGHuffmanTable?](repeating: nil, count: 4)
  /// AC Huffman tables 0…3.
  var acTables = [JPEGHuffmanTable?](repeating: nil, count: 4)
  /// MCUs between restart markers (0 for none), from the latest DRI segment.
  var restartInterval = 0
  /// Whether any DRI segment set a restart interval.
  var usesRestarts = false
  /// Whether an APP0 JFIF segment was seen (which means YCbCr for 3 components).
  var hasJFIFMarker = false
  /// The colour transform flag of an APP14 Adobe segment, if one was seen.
  var adobeTransform: Int?

  /// Reads the segments up to the first scan header, for `JPEGDecoder.info`.
  ///
  /// - Throws: `ImageProblem` if the file is cut off or breaks the format before then.
  static func readHeaders(_ bytes: [UInt8]) throws(ImageProblem) -> JPEGDatastream {
    var reader = try JPEGSegmentReader(bytes)
    var datastream = JPEGDatastream()
    while true {
      let segment = try reader.nextSegment()
      if segment.marker == JPEGMarker.startOfScan || segment.marker == JPEGMarker.endOfImage {
        break
      }
      try datastream.read(segment)
    }
    guard datastream.frame != nil else {
      throw .invalidHeader("the file has no frame header (SOF segment) before its first scan")
    }
    return datastream
  }

  /// Reads one segment that is neither a scan nor the end of the image: a table, a frame
  /// header, a restart interval or metadata. Other segments (COM, other APPn) are skipped.
  mutating func read(_ segment: JPEGSegmentReader.Segment) throws(ImageProblem) {
    let data = segment.data
    switch segment.marker {
    case JPEGMarker.defineQuantizationTables:
      try JPEGQuantizationTable.parseSegment(data, into: &quantizationTables)
    case JPEGMarker.defineHuffmanTables:
      try JPEGHuffmanTable.parseSegment(data, dcTables: &dcTables, acTables: &acTables)
    case JPEGMarker.defineRestartInterval:
      guard data.count >= 2 else { throw .invalidHeader("the DRI segment is \(data.count) bytes; it needs 2") }
      restartInterval = Int(data[data.startIndex]) << 8 | Int(data[data.startIndex + 1])
      usesRestarts = usesRestarts || restartInterval > 0
    case let marker where JPEGMarker.isStartOfFrame(marker):
      guard frame == nil else { throw .invalidHeader("the file has a second frame header (SOF segment)") }
      frame = try JPEGFrameHeader(marker: marker, data: data)
    case JPEGMarker.application0:
      hasJFIFMarker = hasJFIFMarker || data.starts(with: Array("JFIF\0".utf8))
    case JPEGMarker.application14:
      if data.count >= 12 && data.starts(with: Array("Adobe".utf8)) {
        adobeTransform = Int(data[data.startIndex + 11])
      }
    default:
      break
    }
  }

  /// How the components become RGB or gray, decided as libjpeg decides it: a JFIF marker means
  /// YCbCr; else an Adobe marker's transform flag; else component IDs 'R', 'G', 'B' mean RGB.
  var colorTransform: JPEGColorTransform {
    guard let frame else { return .gray }
    switch frame.components.count {
    case 1:
      return .gray
    case 3:
      if hasJFIFMarker { return .yCbCr }
      if let adobeTransform { return adobeTransform == 0 ? .rgb : .yCbCr }
      return frame.components.map(\.identifier) == Array("RGB".utf8) ? .rgb : .yCbCr
    default:
      return adobeTransform == 2 ? .ycck : .cmyk
    }
  }
}
