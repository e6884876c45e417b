import CNN
import Foundation

/// The learner's progress, kept in a small text file in the workspace that a person can read and
/// edit (its format is in `ProgressSnapshot`): where they are, which episodes are done and which
/// exercises pass.
///
/// Every `lesson` command opens its own store, and two commands may run at once in one project
/// (`lesson watch` in one terminal, `lesson check` in another), so each change is a step of its
/// own: take the lock beside the file, read the file again, change what it says, write the result
/// to a new file in the same folder and rename that over the old one. No change is lost to another
/// process's, and the file is always whole. A failure is thrown, never ignored.
public final class ProgressStore {
  /// How far an episode got.
  public enum EpisodeState: Equatable, Sendable {
    /// The learner reached step `step` (from 1) of `total`.
    case atStep(Int, of: Int)
    /// Every step ran.
    case done
  }

  /// What happened to an exercise.
  public struct ExerciseState: Equatable, Sendable {
    /// Whether its checks passed the last time they ran.
    public var passed: Bool
    /// Whether the learner has seen its solution.
    public var solutionSeen: Bool

    /// Creates a state.
    public init(passed: Bool, solutionSeen: Bool = false) {
      self.passed = passed
      self.solutionSeen = solutionSeen
    }
  }

  /// The largest progress file read: a real one is a few kilobytes.
  static let byteLimit = 1 << 20

  /// The file's path.
  public let path: String
  /// What the file said when last read or written.
  private var snapshot = ProgressSnapshot()
  /// A damaged file found on opening and moved aside, which the learner must be told about.
  public private(set) var setAside: ProgressFileError?

  /// Reads the file at `path`, or starts empty if there is none. A damaged file is moved aside to
  /// `path.broken` (see `setAside`), never taken for an empty one.
  ///
  /// - Throws: `ProgressFileError` when the file cannot be read, or is damaged and cannot be moved.
  public init(path: String) throws(ProgressFileError) {
    self.path = path
    switch try read() {
    case .success(let read):
      snapshot = read
    case .failure:
      // Moving aside changes the file, so it is a change under the lock (another process may have
      // dealt with the file meanwhile); it says so by throwing `.setAside`, the note kept here.
      do {
        try change { _ in }
      } catch {
        guard case .setAside = error else { throw error }
        setAside = error
      }
    }
  }

  // MARK: - What the file says

  /// Each episode's state, by number.
  public var episodes: [Int: EpisodeState] { snapshot.episodes }
  /// Each exercise's state, by id.
  public var exercises: [String: ExerciseState] { snapshot.exercises }
  /// Where the learner last was: episode and step (from 1).
  public var current: (episode: Int, step: Int)? { snapshot.current.map { ($0.episode, $0.step) } }
  /// How many hints of each exercise the learner has seen, by id (those not listed: none).
  public var hintsSeen: [String: Int] { snapshot.hintsSeen }
  /// The write-code exercise the learner last started, which `lesson check` checks by default.
  public var lastExercise: String? { snapshot.lastExercise }
  /// The file's text.
  public var text: String { snapshot.text }

  // MARK: - Recording

  /// Records that the learner reached `step` (from 1) of `total` in `episode`.
  ///
  /// - Throws: `ProgressFileError` when the file cannot be read or written; `.setAside` when it
  ///   was damaged, after moving it aside and recording this in a new one.
  public func reached(step: Int, of total: Int, episode: Int) throws(ProgressFileError) {
    try change { $0.reached(step: step, of: total, episode: episode) }
  }

  /// Records that every step of `episode` ran. Throws as `reached(step:of:episode:)` does.
  public func finished(episode: Int) throws(ProgressFileError) {
    try change { $0.finished(episode: episode) }
  }

  /// Records the outcome of an exercise's checks; once passed, an exercise stays passed. Throws as
  /// `reached(step:of:episode:)` does.
  public func recordExercise(_ id: String, passed: Bool) throws(ProgressFileError) {
    try change { $0.recordExercise(id, passed: passed) }
  }

  /// Records that the learner saw an exercise's solution. Throws as `reached(step:of:episode:)`
  /// does.
  public func recordSolutionSeen(_ id: String) throws(ProgressFileError) {
    try change { $0.recordSolutionSeen(id) }
  }

  /// Records that the learner saw hint `number` (from 1) of an exercise, and so every one before
  /// it. Throws as `reached(step:of:episode:)` does.
  public func recordHintSeen(_ id: String, number: Int) throws(ProgressFileError) {
    try change { $0.hintsSeen[id] = Swift.max($0.hintsSeen[id] ?? 0, number) }
  }

  /// Records the write-code exercise the learner is working on. Throws as
  /// `reached(step:of:episode:)` does.
  public func recordLastExercise(_ id: String) throws(ProgressFileError) {
    try change { $0.lastExercise = id }
  }

  // MARK: - Private helpers

  private var brokenPath: String { path + ".broken" }

  /// Changes the file as `apply` says, under the lock, starting from what the file says now.
  private func change(_ apply: (inout ProgressSnapshot) -> Void) throws(ProgressFileError) {
    try makeFolder()
    try FileLock.holding(path + ".lock", orThrow: cannotLock) { () throws(ProgressFileError) in
      try changeWhileLocked(apply)
    }
  }

  /// The error for a lock file that cannot be opened or locked, from the system's error number.
  private func cannotLock(_ errorNumber: Int32) -> ProgressFileError {
    .cannotSave(path: path, reason: .fromErrorNumber(errorNumber, writing: true))
  }

  /// `change(_:)`'s work, with the lock held: read, set aside if damaged, apply, write.
  private func changeWhileLocked(_ apply: (inout ProgressSnapshot) -> Void) throws(ProgressFileError) {
    var damage: ProgressFileError.Damage?
    switch try read() {
    case .success(let read):
      snapshot = read
    case .failure(let found):
      try moveAside(damage: found)
      snapshot = ProgressSnapshot()
      damage = found
    }
    apply(&snapshot)
    do throws(ModelFileError) {
      try ModelFile.write(bytes: Array(snapshot.text.utf8), to: path)
    } catch {
      guard case .cannotWrite(_, let reason) = error else {
        throw .cannotSave(path: path, reason: .system(error.description))
      }
      throw .cannotSave(path: path, reason: reason)
    }
    if let damage { throw .setAside(path: path, damage: damage, keptAs: brokenPath) }
  }

  /// What the file says (nothing, for a file that does not exist), or how it is damaged.
  private func read() throws(ProgressFileError) -> Result<ProgressSnapshot, ProgressFileError.Damage> {
    let bytes: [UInt8]
    do throws(ModelFileError) {
      bytes = try ModelFile.readBytes(from: path, byteLimit: Self.byteLimit)
    } catch {
      switch error {
      case .cannotRead(_, .notFound): return .success(ProgressSnapshot())
      case .cannotRead(_, let reason): throw .cannotRead(path: path, reason: reason)
      case .tooLarge(_, let byteCount, _): return .failure(.tooLarge(byteCount: byteCount))
      default: throw .cannotRead(path: path, reason: .system(error.description))
      }
    }
    do throws(ProgressFileError.Damage) {
      return .success(try ProgressSnapshot(parsing: bytes))
    } catch {
      return .failure(error)
    }
  }

  /// Renames the damaged file to `path.broken`, replacing an older one.
  private func moveAside(damage: ProgressFileError.Damage) throws(ProgressFileError) {
    if rename(path, brokenPath) != 0 {
      throw .cannotSetAside(path: path, damage: damage, reason: .fromErrorNumber(errno, writing: true))
    }
  }

  /// Creates the folder the file goes in, if it is missing (its parent must exist).
  private func makeFolder() throws(ProgressFileError) {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty, mkdir(folder, 0o777) != 0, errno != EEXIST {
      throw .cannotSave(path: path, reason: .fromErrorNumber(errno, writing: true))
    }
  }
}
