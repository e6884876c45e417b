import ImageCodecs

/// One picture drawn twice, side by side: in the colours the terminal is using and in 24-bit,
/// each labelled, so that a learner sees what 24-bit colour would change.
///
/// Without colour there is nothing to compare, and the view is empty; too narrow for two
/// pictures of 10 columns, it draws them one above the other.
///
///     let cat = try Image(contentsOf: "Datasets/photos/chelsea.png")
///     for line in ColourComparison(cat).lines(for: .standardOutput) { print(line) }
public struct ColourComparison: Sendable {
  let image: Image
  /// The widest each picture is drawn, in columns.
  let maximumWidth: Int

  /// Creates the comparison of `image`, each picture at most `maximumWidth` columns wide.
  public init(_ image: Image, maximumWidth: Int = 30) {
    self.image = image
    self.maximumWidth = maximumWidth
  }

  /// The lines to print, without trailing newlines, none wider than the capabilities' width.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    guard capabilities.colors != .none else { return [] }
    let gap = 3
    let sideBySide = (capabilities.width - gap) / 2 >= 10
    let columns = Swift.max(
      1, Swift.min(maximumWidth, sideBySide ? (capabilities.width - gap) / 2 : capabilities.width))
    var full = capabilities
    full.colors = .trueColor
    let view = ImageView(image, maximumWidth: columns)
    let now =
      [TextLayout.truncated("now: \(capabilities.colors.name)", to: columns)]
      + view.lines(columns: columns, capabilities: capabilities)
    let better =
      [TextLayout.truncated("in 24-bit colour", to: columns)] + view.lines(columns: columns, capabilities: full)
    guard sideBySide else { return now + [""] + better }
    return TextLayout.besideEachOther(now, better, leftWidth: columns, gap: gap)
  }
}
