extension TerminalCapabilities {
  /// `text` in `colour` and/or bold when colour is available, otherwise unchanged: the one way code
  /// outside TerminalUI colours its words.
  public func styled(_ text: String, colour: RGBColor? = nil, bold: Bool = false) -> String {
    ANSI.styled(text, colour, bold: bold, self)
  }
}
