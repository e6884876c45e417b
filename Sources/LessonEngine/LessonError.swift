/// A problem the lesson runner reports to the learner, with what to do about it.
public enum LessonError: Error, Equatable, CustomStringConvertible {
  /// The `Datasets/` folder is not where the runner looks for it.
  case datasetsNotFound

  /// The message a learner reads.
  public var description: String {
    switch self {
    case .datasetsNotFound:
      return """
        The Datasets folder was not found. Run lesson from the project's folder (where README.md and \
        Datasets/ are), for example with `swift run lesson`.
        """
    }
  }
}
