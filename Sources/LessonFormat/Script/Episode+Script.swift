import LessonScript

extension Episode {
  /// The episode's script: what the engine shows, asks and runs, in order, with the format's rules
  /// applied (see `ScriptBuilder`).
  public var script: EpisodeScript {
    EpisodeScript(
      number: number, slug: slug, path: path, title: title, teachingMinutes: teachingMinutes,
      exerciseMinutes: exerciseMinutes, training: training, items: ScriptBuilder.items(of: nodes))
  }
}
