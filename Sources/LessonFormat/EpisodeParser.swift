import LessonScript

/// Reads an episode file, `Lessons/NN-slug.md`, into an `Episode`, checking every rule of
/// `Lessons/FORMAT.md` on the way.
///
/// It works in stages, each in its own file:
///
/// 1. `LessonFileName`: the number and slug from the file's name;
/// 2. `SourceLines`: the text split into lines (`\n` or `\r\n`);
/// 3. `FrontMatter`: the `---` block at the top;
/// 4. `BlockTree`: prose, code blocks (`CodeFence`, `InfoString`) and divs (`DivFence`) as a tree;
/// 5. `EpisodeChecks`: the rules between nodes (checks after fill-ins, unique ids, div places).
///
/// The first problem found stops the parse.
///
///     let episode = try EpisodeParser.parse(text, path: "Lessons/03-build-a-cnn.md")
///     episode.script.steps.count   // the number of steps
public enum EpisodeParser {
  /// Returns the episode that `text` describes.
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - path: the file's path, used in messages; its last component gives the episode's number
  ///     and slug, so it must be named `NN-slug.md`.
  /// - Throws: `LessonFormatError` at the line of the first problem, or at the opening line of a
  ///   code block, div or front matter left unclosed, with a message that says what was found,
  ///   what was expected and what to do.
  public static func parse(_ text: String, path: String) throws(LessonFormatError) -> Episode {
    do throws(LocatedProblem) {
      let fileName = path.split(separator: "/").last.map(String.init) ?? path
      guard let (number, slug) = LessonFileName.parse(fileName) else {
        throw LocatedProblem(line: 1, .fileName(fileName))
      }
      let lines = SourceLines.split(text)
      let frontMatter = try FrontMatter.parse(lines)
      let nodes = try BlockTree.build(lines, from: frontMatter.bodyStart)
      try EpisodeChecks.check(nodes)
      let header = EpisodeHeader(
        number: number, slug: slug, path: path, title: frontMatter.title,
        teachingMinutes: frontMatter.teachingMinutes, exerciseMinutes: frontMatter.exerciseMinutes,
        training: frontMatter.training)
      return Episode(header: header, nodes: nodes)
    } catch {
      throw LessonFormatError(path: path, line: error.line, message: error.problem.description)
    }
  }
}
