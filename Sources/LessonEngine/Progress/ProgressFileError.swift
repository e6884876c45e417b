import CNN
import Foundation
import TextEscaping

/// Why the progress file could not be read or written. Each message is one sentence that names
/// the file and says what to do; nothing about progress fails in silence.
public enum ProgressFileError: Error, Equatable, CustomStringConvertible {
  /// The file exists but could not be read.
  case cannotRead(path: String, reason: ModelFileError.FileProblem)
  /// The file, its folder or its lock file could not be created or written.
  case cannotSave(path: String, reason: ModelFileError.FileProblem)
  /// The file was damaged, so it was moved to `keptAs` and a new one started.
  case setAside(path: String, damage: Damage, keptAs: String)
  /// The file is damaged and could not be moved aside, so it was left as it is and nothing was
  /// written over it.
  case cannotSetAside(path: String, damage: Damage, reason: ModelFileError.FileProblem)

  /// How a progress file can be damaged.
  public enum Damage: Error, Equatable, Sendable {
    /// The bytes are not UTF-8 text, or hold a NUL byte, as binary files do.
    case notText
    /// The file holds lines, but not one that the progress format knows.
    case nothingUnderstood
    /// The file is far larger than any progress file (`byteCount` bytes).
    case tooLarge(byteCount: Int)
  }

  /// The message a learner reads, with paths escaped for the terminal.
  public var description: String {
    message.escapedForTerminal(keepingNewlines: true)
  }

  /// The message, with names as they are.
  private var message: String {
    switch self {
    case .cannotRead(let path, let reason):
      return "Could not read your progress from \(path): \(Self.readingTrouble(reason, path: path))."
    case .cannotSave(let path, let reason):
      return "Could not save your progress to \(path): \(Self.savingTrouble(reason, path: path))."
    case .setAside(let path, let damage, let keptAs):
      return """
        Your progress file \(path) \(Self.words(damage)), so it was moved to \(keptAs) and your progress starts \
        afresh; mend it and move it back to keep what it held.
        """
    case .cannotSetAside(let path, let damage, let reason):
      return """
        Your progress file \(path) \(Self.words(damage)) and could not be moved aside \
        (\(Self.savingTrouble(reason, path: path))); move it away yourself and run the command again.
        """
    }
  }

  // MARK: - Private helpers

  private static func words(_ damage: Damage) -> String {
    switch damage {
    case .notText: return "is not text (it holds binary bytes)"
    case .nothingUnderstood: return "has no line that lesson understands"
    case .tooLarge(let byteCount): return "is \(byteCount) bytes long, far more than progress takes"
    }
  }

  private static func readingTrouble(_ reason: ModelFileError.FileProblem, path: String) -> String {
    switch reason {
    case .permissionDenied:
      return "you may not read it; give yourself access (chmod u+rw \(path)) and run the command again"
    case .isAFolder: return "it is a folder, not a file; move the folder away and run the command again"
    case .notARegularFile: return "it is not a regular file; remove it and run the command again"
    case .notFound, .folderNotFound: return "it went away while it was being read; run the command again"
    case .system(let message):
      return "the system reported \"\(message)\"; check the file and run the command again"
    }
  }

  private static func savingTrouble(_ reason: ModelFileError.FileProblem, path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    switch reason {
    case .permissionDenied:
      return "the folder is read-only; make it writable (chmod u+w \(folder)) or run lesson where you may write"
    case .notFound, .folderNotFound:
      return "its folder could not be made; check that \(folder) can be created and run the command again"
    case .isAFolder: return "a folder has that name; move the folder away and run the command again"
    case .notARegularFile: return "something other than a file has that name; remove it and run the command again"
    case .system(let message):
      return "the system reported \"\(message)\"; make room on the disk and run the command again"
    }
  }
}
