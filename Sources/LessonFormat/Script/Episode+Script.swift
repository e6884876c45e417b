import LessonScript

extension Episode {
  /// The episode's script: what the engine shows, asks and runs, in order, with the format's rules
  /// applied (see `ScriptBuilder`).
  public var script: EpisodeScript {
    EpisodeScript(header: header, items: ScriptBuilder.items(of: nodes))
  }
}
