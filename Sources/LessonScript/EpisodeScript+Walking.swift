extension EpisodeScript {
  /// The steps, in the order the learner meets them (depth first through sections). A step's
  /// number, from 1, is its place here.
  public var steps: [ScriptStep] {
    Self.steps(in: items)
  }

  /// The write-code exercises, in order.
  public var codeExercises: [CodeExerciseTask] {
    sections(where: { $0.exercise != nil }).compactMap(\.exercise)
  }

  /// The ids of every fill-in and question, in step order, then of every write-code exercise.
  public var exerciseIDs: [String] {
    steps.compactMap(\.exerciseID) + codeExercises.map(\.id)
  }

  /// Every section, at any depth, for which `include` is true, in document order.
  public func sections(where include: (ScriptSection) -> Bool) -> [ScriptSection] {
    Self.sections(in: items, where: include)
  }

  // MARK: - Private helpers

  private static func steps(in items: [ScriptItem]) -> [ScriptStep] {
    items.flatMap { item -> [ScriptStep] in
      switch item {
      case .step(let step): return [step]
      case .section(let section): return steps(in: section.items)
      case .prose, .shownCode, .verification: return []
      }
    }
  }

  private static func sections(in items: [ScriptItem], where include: (ScriptSection) -> Bool) -> [ScriptSection] {
    items.flatMap { item -> [ScriptSection] in
      guard case .section(let section) = item else { return [] }
      return (include(section) ? [section] : []) + sections(in: section.items, where: include)
    }
  }
}
