import Foundation
import TerminalUI

extension Presenter {
  /// The columns of the notes: a second terminal beside the projector, or a file.
  public static let notesWidth = 80

  /// An output that appends plain text, `notesWidth` columns wide, to the file or terminal at
  /// `path` (`lesson present N --notes-to PATH`), creating a file that does not exist. Writing
  /// goes on quietly if the other end goes away (a terminal closed mid-episode).
  ///
  /// Anything else is refused before it is opened: a folder, and a pipe or socket, where opening
  /// would wait for a reader and a reader that leaves would end the presentation (SIGPIPE).
  ///
  /// - Throws: `LessonError.notesNotWritable` when `path` cannot be opened for writing.
  public static func notesOutput(at path: String) throws(LessonError) -> TerminalOutput {
    if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
      guard type != .typeDirectory else { throw .notesNotWritable(path: path, reason: "it is a folder") }
      guard type == .typeRegular || type == .typeCharacterSpecial else {
        throw .notesNotWritable(path: path, reason: "it is neither a file nor a terminal")
      }
    } else if !FileManager.default.createFile(atPath: path, contents: nil) {
      throw .notesNotWritable(path: path, reason: "it cannot be created")
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw .notesNotWritable(path: path, reason: "it cannot be opened for writing")
    }
    // A file's notes follow what is there already (`tail -f` keeps reading); a terminal has no end.
    _ = try? handle.seekToEnd()
    return TerminalOutput(capabilities: .plain(width: notesWidth)) { text in
      try? handle.write(contentsOf: Data(text.utf8))
    }
  }
}
