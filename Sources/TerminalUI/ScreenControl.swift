/// The escape sequences that move the cursor and clear the screen, for a program that redraws a
/// whole screen (`lesson present`). Only for an output that is a terminal: a file or a pipe gets
/// none of them.
public enum ScreenControl {
  /// Moves the cursor to the top-left corner and clears the screen.
  public static let clearScreen = "\u{1B}[H\u{1B}[2J"
  /// Moves the cursor to the top-left corner.
  public static let home = "\u{1B}[H"
  /// Clears from the cursor to the end of its line.
  public static let clearToEndOfLine = "\u{1B}[K"
  /// Clears from the cursor to the end of the screen.
  public static let clearToEndOfScreen = "\u{1B}[J"
  /// Remembers where the cursor is (DEC's save, which xterm, tmux and macOS's Terminal know).
  public static let saveCursor = "\u{1B}7"
  /// Puts the cursor back where `saveCursor` found it.
  public static let restoreCursor = "\u{1B}8"
}
