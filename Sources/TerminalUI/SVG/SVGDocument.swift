import Foundation
import ImageCodecs

/// A standalone SVG drawing, built element by element: what charts and image grids write when a
/// figure should be kept (for a projector, a handout or a report).
///
///     var svg = SVGDocument(width: 200, height: 100, title: "Loss")
///     svg.line(x1: 10, y1: 90, x2: 190, y2: 90, stroke: .black)
///     svg.text("epoch", x: 100, y: 98, size: 10, anchor: .middle)
///     try svg.write(to: "loss.svg")
///
/// Every string is escaped, so the file is well-formed XML whatever the labels hold. Images are
/// embedded as base64 PNG, so the file needs nothing beside it.
public struct SVGDocument: Sendable {
  /// The drawing's width in user units (pixels when shown at 100 %).
  public let width: Double
  /// The drawing's height.
  public let height: Double
  /// The drawing's title, written as its `<title>` element (read aloud by screen readers).
  public let title: String
  private var elements: [String] = []

  /// Where text is anchored horizontally.
  public enum TextAnchor: String, Sendable {
    case start, middle, end
  }

  /// Creates an empty drawing with a white background.
  public init(width: Double, height: Double, title: String) {
    self.width = width
    self.height = height
    self.title = title
    rect(x: 0, y: 0, width: width, height: height, fill: .white)
  }

  /// Adds a rectangle.
  public mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: RGBColor?, stroke: RGBColor? = nil,
    strokeWidth: Double = 1
  ) {
    elements.append(
      "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\"\(paint(fill, stroke, strokeWidth))/>"
    )
  }

  /// Adds a straight line; `dash` such as `[4, 3]` makes it dashed.
  public mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: RGBColor, strokeWidth: Double = 1, dash: [Double] = []
  ) {
    elements.append(
      "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"\(paint(nil, stroke, strokeWidth))\(dashes(dash))/>"
    )
  }

  /// Adds a line through several points.
  public mutating func polyline(
    points: [(x: Double, y: Double)], stroke: RGBColor, strokeWidth: Double = 1.5, dash: [Double] = []
  ) {
    let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
    elements.append("<polyline points=\"\(list)\"\(paint(nil, stroke, strokeWidth))\(dashes(dash))/>")
  }

  /// Adds a filled circle, such as a marker on a curve.
  public mutating func circle(cx: Double, cy: Double, radius: Double, fill: RGBColor) {
    elements.append("<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(radius))\" fill=\"\(fill.hex)\"/>")
  }

  /// Adds a line of text, its baseline at `y`.
  public mutating func text(
    _ string: String, x: Double, y: Double, size: Double = 12, anchor: TextAnchor = .start, bold: Bool = false,
    fill: RGBColor = .black
  ) {
    elements.append(
      "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" font-family=\"sans-serif\" text-anchor=\"\(anchor.rawValue)\""
        + (bold ? " font-weight=\"bold\"" : "") + " fill=\"\(fill.hex)\">\(SVGDocument.escaped(string))</text>")
  }

  /// Adds an image, embedded as PNG, drawn with sharp pixels (no smoothing) when `pixelated`.
  public mutating func image(
    _ image: Image, x: Double, y: Double, width: Double, height: Double, pixelated: Bool = true
  ) {
    let png = (try? image.encoded(as: .png)) ?? []
    let data = Data(png).base64EncodedString()
    elements.append(
      "<image x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\""
        + (pixelated ? " style=\"image-rendering:pixelated\"" : "")
        + " href=\"data:image/png;base64,\(data)\"/>")
  }

  /// The whole document as text.
  public func rendered() -> String {
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\""
    text += " viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
    text += "<title>\(SVGDocument.escaped(title))</title>\n"
    text += elements.joined(separator: "\n") + "\n</svg>\n"
    return text
  }

  /// Writes the document to `path`.
  ///
  /// - Throws: the file system's error when the file cannot be written.
  public func write(to path: String) throws {
    try Data(rendered().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  // MARK: - Helpers

  /// Text with XML's five special characters escaped and control characters dropped (XML 1.0
  /// forbids them).
  static func escaped(_ string: String) -> String {
    var result = ""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }

  /// A number with at most two decimals and no trailing zeros: `12`, `3.5`, `0.25`.
  private func n(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  private func paint(_ fill: RGBColor?, _ stroke: RGBColor?, _ strokeWidth: Double) -> String {
    var attributes = " fill=\"\(fill?.hex ?? "none")\""
    if let stroke { attributes += " stroke=\"\(stroke.hex)\" stroke-width=\"\(n(strokeWidth))\"" }
    return attributes
  }

  private func dashes(_ dash: [Double]) -> String {
    dash.isEmpty ? "" : " stroke-dasharray=\"\(dash.map(n).joined(separator: " "))\""
  }
}
