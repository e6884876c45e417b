/// Anything drawn as lines of text for a terminal: images, charts, tables. Each picture decides
/// its lines from the terminal's capabilities (colour, width, Unicode), so one value prints well
/// in a colour terminal, a plain one and a log file.
///
///     let bars = ProbabilityBars(labels: ["cat", "dog"], probabilities: [0.8, 0.2])
///     for line in bars.lines(for: .standardOutput) { print(line) }
public protocol TerminalPicture {
  /// The lines to print, without newlines, fitted to `capabilities`.
  func lines(for capabilities: TerminalCapabilities) -> [String]
}

extension ImageView: TerminalPicture {}
extension ImageGrid: TerminalPicture {}
extension PixelGrid: TerminalPicture {}
extension ChannelSplit: TerminalPicture {}
extension ProbabilityBars: TerminalPicture {}
extension LineChart: TerminalPicture {}
extension LearningCurves: TerminalPicture {}
extension ConfusionMatrixView: TerminalPicture {}
extension Histogram: TerminalPicture {}
extension Table: TerminalPicture {}
extension MarkdownView: TerminalPicture {}
extension CheckResultsView: TerminalPicture {}
