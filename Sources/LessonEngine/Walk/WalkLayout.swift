import LessonScript

/// An episode's script laid out for the walk: what to show, in order, and where each step stands.
/// Sections the walk does not show (hints and solutions, read on request; instructor notes) are left
/// out, and a section without a title shows its content unframed.
struct WalkLayout {
  /// One thing to show.
  enum Item: Equatable {
    case prose(String)
    /// The start of a framed section, with its title.
    case open(title: String)
    case close
    case shownCode(String)
    /// Step number `index` (from 0) of the script's steps.
    case step(index: Int)
    /// The commands that start and check write-code exercise `id`, shown after its task.
    case exerciseCommands(id: String)

    /// Whether this item opens a section (and so prints its title).
    var isOpening: Bool {
      if case .open = self { return true }
      return false
    }
  }

  /// What to show, in order.
  let items: [Item]

  /// Lays out `script`.
  init(_ script: EpisodeScript) {
    var items: [Item] = []
    var stepCount = 0
    func lay(_ scriptItems: [ScriptItem]) {
      for item in scriptItems {
        switch item {
        case .prose(_, let markdown):
          items.append(.prose(markdown))
        case .shownCode(_, _, let code):
          items.append(.shownCode(code))
        case .step:
          items.append(.step(index: stepCount))
          stepCount += 1
        case .verification:
          break
        case .section(let section):
          guard section.audience == .everyone else { continue }
          if let title = section.title { items.append(.open(title: title)) }
          lay(section.items)
          if let exercise = section.exercise { items.append(.exerciseCommands(id: exercise.id)) }
          if section.title != nil { items.append(.close) }
        }
      }
    }
    lay(script.items)
    self.items = items
  }

  /// The position in `items` of step `index` (from 0).
  func itemIndex(ofStep index: Int) -> Int? {
    items.firstIndex(of: .step(index: index))
  }
}
