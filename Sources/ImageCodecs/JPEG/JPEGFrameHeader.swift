/// A start-of-frame (SOF) segment: the coding process, image size and components, with the
/// block geometry that follows from them.
struct JPEGFrameHeader {
  /// How the frame's coefficients are coded.
  enum Process: String {
    /// SOF0: baseline sequential Huffman.
    case baseline
    /// SOF1: extended sequential Huffman (here, 8-bit only).
    case extended
    /// SOF2: progressive Huffman.
    case progressive
  }

  /// One colour component and where its blocks lie.
  struct Component {
    /// The identifier scans use to name it.
    let identifier: UInt8
    /// Horizontal sampling factor, 1…4.
    let horizontalSampling: Int
    /// Vertical sampling factor, 1…4.
    let verticalSampling: Int
    /// Which DQT table (0…3) dequantises it.
    let quantizationTableIndex: Int
    /// Blocks per row of the component, padded to whole MCUs.
    var blocksPerLine = 0
    /// Block rows of the component, padded to whole MCUs.
    var blocksPerColumn = 0
    /// Columns of real samples: ceil(image width × H / Hmax).
    var sampleWidth = 0
    /// Rows of real samples: ceil(image height × V / Vmax).
    var sampleHeight = 0
  }

  /// The coding process (from the SOF marker).
  let process: Process
  /// Image width in pixels.
  let width: Int
  /// Image height in pixels.
  let height: Int
  /// The components in frame order.
  var components: [Component]
  /// The largest horizontal sampling factor.
  let maximumHorizontalSampling: Int
  /// The largest vertical sampling factor.
  let maximumVerticalSampling: Int
  /// MCUs per row of an interleaved scan.
  let mcusPerLine: Int
  /// MCU rows of an interleaved scan.
  let mcusPerColumn: Int

  /// Parses an SOF segment with marker `marker`, rejecting coding processes, precisions and
  /// component counts this decoder does not handle.
  init(marker: UInt8, data: ArraySlice<UInt8>) throws(ImageProblem) {
    switch marker {
    case 0xC0: process = .baseline
    case 0xC1: process = .extended
    case 0xC2: process = .progressive
    case 0xC3: throw .unsupportedFeature("lossless JPEG (SOF3)")
    case 0xC5, 0xC6, 0xC7: throw .unsupportedFeature("hierarchical JPEG (SOF\(marker - 0xC0))")
    case 0xCB: throw .unsupportedFeature("lossless arithmetic-coded JPEG (SOF11)")
    case 0xCD, 0xCE, 0xCF: throw .unsupportedFeature("hierarchical arithmetic-coded JPEG (SOF\(marker - 0xC0))")
    default: throw .unsupportedFeature("arithmetic-coded JPEG (SOF\(marker - 0xC0))")
    }
    let bytes = Array(data)
    guard bytes.count >= 6 else { throw .invalidHeader("the SOF segment is \(bytes.count) bytes, too short") }
    guard bytes[0] == 8 else { throw .unsupportedFeature("\(bytes[0])-bit JPEG (only 8-bit samples are decoded)") }
    height = Int(bytes[1]) << 8 | Int(bytes[2])
    width = Int(bytes[3]) << 8 | Int(bytes[4])
    let count = Int(bytes[5])
    guard count == 1 || count == 3 || count == 4 else {
      throw .unsupportedFeature("a JPEG with \(count) components (1 gray, 3 colour or 4 CMYK are decoded)")
    }
    guard bytes.count >= 6 + 3 * count else {
      throw .invalidHeader("the SOF segment lists \(count) components but is only \(bytes.count) bytes")
    }
    guard width > 0, height > 0 else {
      throw .invalidHeader("the frame is \(width)×\(height) pixels (a height of 0 would need a DNL marker)")
    }
    var components: [Component] = []
    for index in 0..<count {
      let base = 6 + 3 * index
      let horizontal = Int(bytes[base + 1] >> 4)
      let vertical = Int(bytes[base + 1] & 15)
      guard (1...4).contains(horizontal), (1...4).contains(vertical) else {
        throw .invalidHeader("component \(index + 1) has sampling factors \(horizontal)×\(vertical); each must be 1…4")
      }
      guard bytes[base + 2] < 4 else {
        throw .invalidHeader("component \(index + 1) uses quantisation table \(bytes[base + 2]); tables are 0…3")
      }
      if components.contains(where: { $0.identifier == bytes[base] }) {
        throw .invalidHeader("two components share the identifier \(bytes[base])")
      }
      components.append(
        Component(
          identifier: bytes[base], horizontalSampling: horizontal, verticalSampling: vertical,
          quantizationTableIndex: Int(bytes[base + 2])))
    }
    maximumHorizontalSampling = components.map(\.horizontalSampling).max() ?? 1
    maximumVerticalSampling = components.map(\.verticalSampling).max() ?? 1
    mcusPerLine = (width + 8 * maximumHorizontalSampling - 1) / (8 * maximumHorizontalSampling)
    mcusPerColumn = (height + 8 * maximumVerticalSampling - 1) / (8 * maximumVerticalSampling)
    for index in components.indices {
      let h = components[index].horizontalSampling
      let v = components[index].verticalSampling
      components[index].blocksPerLine = mcusPerLine * h
      components[index].blocksPerColumn = mcusPerColumn * v
      components[index].sampleWidth = (width * h + maximumHorizontalSampling - 1) / maximumHorizontalSampling
      components[index].sampleHeight = (height * v + maximumVerticalSampling - 1) / maximumVerticalSampling
    }
    self.components = components
  }

  /// The chroma subsampling in the usual notation (`4:2:0`), or the factors of each component
  /// (`2x2,1x1,1x1`) when there is no common name.
  var samplingName: String {
    let factors = components.map { "\($0.horizontalSampling)x\($0.verticalSampling)" }
    guard components.count >= 3,
      components[1...2].allSatisfy({ $0.horizontalSampling == 1 && $0.verticalSampling == 1 })
    else {
      return components.count == 1 ? "gray" : factors.joined(separator: ",")
    }
    switch factors[0] {
    case "1x1": return "4:4:4"
    case "2x1": return "4:2:2"
    case "2x2": return "4:2:0"
    case "1x2": return "4:4:0"
    case "4x1": return "4:1:1"
    case "4x2": return "4:1:0"
    default: return factors.joined(separator: ",")
    }
  }
}
