/// One episode as the lesson engine runs it: what the episode says about itself, and everything it
/// shows, asks and runs, in order, each item keyed by its line in the Markdown file.
///
/// `LessonFormat` makes it from an episode's Markdown when the lesson is built, and the build plugin
/// writes it into the generated Swift as plain data, beside the function that runs the episode's
/// code; the engine walks it and never reads Markdown. The format's rules (which parts a learner
/// sees, whose hints a step gets, how a section is titled) are already applied.
@dynamicMemberLookup
public struct EpisodeScript: Equatable, Sendable {
  /// What the episode says about itself: `script.number`, `script.title` and the others read it.
  public let header: EpisodeHeader
  /// The content, in document order.
  public let items: [ScriptItem]

  /// Creates a script from its parts.
  public init(header: EpisodeHeader, items: [ScriptItem]) {
    self.header = header
    self.items = items
  }

  /// A fact from the header, read as the script's own: `script.title`.
  public subscript<Value>(dynamicMember fact: KeyPath<EpisodeHeader, Value>) -> Value {
    header[keyPath: fact]
  }
}

/// What an episode says about itself, from its file name and its front matter.
public struct EpisodeHeader: Equatable, Sendable {
  /// The episode's number, from the file name (`03-build-a-cnn.md` → 3).
  public let number: Int
  /// The rest of the file name, without the number or extension: `build-a-cnn`.
  public let slug: String
  /// The Markdown file's path as the learner knows it: `Lessons/03-build-a-cnn.md`.
  public let path: String
  /// The title from the front matter.
  public let title: String
  /// Minutes of teaching, from the front matter.
  public let teachingMinutes: Int
  /// Minutes of exercises, from the front matter.
  public let exerciseMinutes: Int
  /// The biggest training the episode does, if it says.
  public let training: TrainingWorkload?

  /// Creates a header from its parts.
  public init(
    number: Int, slug: String, path: String, title: String, teachingMinutes: Int, exerciseMinutes: Int,
    training: TrainingWorkload?
  ) {
    self.number = number
    self.slug = slug
    self.path = path
    self.title = title
    self.teachingMinutes = teachingMinutes
    self.exerciseMinutes = exerciseMinutes
    self.training = training
  }
}

/// `training: lesson 1000 10` in the front matter: a reference model, how many images and epochs.
public struct TrainingWorkload: Equatable, Sendable {
  /// The reference model's name: `lesson`, `small` or `bigger`.
  public let model: String
  /// The number of training images.
  public let images: Int
  /// The number of epochs.
  public let epochs: Int

  /// Creates a workload.
  public init(model: String, images: Int, epochs: Int) {
    self.model = model
    self.images = images
    self.epochs = epochs
  }
}
