/// The characters a line chart draws its frame and marks with: box drawing and triangles where
/// the terminal shows Unicode, ASCII otherwise.
struct ChartGlyphs {
  /// The y axis at a labelled tick (`┤`) and between ticks (`│`).
  let tick: Character, rule: Character
  /// The corner where the axes meet (`└`), the x axis (`─`) and a tick on it (`┬`).
  let corner: Character, axis: Character, epochTick: Character
  /// The marks of a lowest (`▼`) and a highest (`▲`) point.
  let lowest: Character, highest: Character
  /// What joins a first value to a last one in the too-narrow summary (`→`).
  let arrow: String

  /// Box drawing, triangles and an arrow.
  static let unicode = ChartGlyphs(
    tick: "┤", rule: "│", corner: "└", axis: "─", epochTick: "┬", lowest: "▼", highest: "▲", arrow: "→")
  /// Plain ASCII.
  static let ascii = ChartGlyphs(
    tick: "+", rule: "|", corner: "+", axis: "-", epochTick: "+", lowest: "v", highest: "^", arrow: "->")

  /// The set for a terminal with these capabilities.
  static func `for`(_ capabilities: TerminalCapabilities) -> ChartGlyphs {
    capabilities.usesUnicode ? unicode : ascii
  }
}
