/// One command of `lesson`, as the command table describes it: its name, what it takes, how help
/// shows it and what it parses to.
struct CommandSpec {
  /// The words that name it: `start`, `bench decode`, `image info`; empty for bare `lesson`.
  let name: String
  /// The part of `lesson --help` that lists it.
  let section: HelpSection
  /// Its positional arguments, in order.
  var arguments: [ArgumentSpec] = []
  /// Its options, which may come anywhere after its name.
  var options: [OptionSpec] = []
  /// What it does, in the lines `lesson --help` shows beside its synopsis.
  let summary: [String]
  /// Lines `lesson --help` adds under the summary, such as a reminder of the options, which the
  /// command's own help lists in full instead.
  var overviewNotes: [String] = []
  /// Whether `lesson --help` shares one row among this command and its group's next ones
  /// (`lesson image info|show PATH, lesson image convert IN OUT`), without the summary.
  var sharesOverviewRow = false
  /// A command line that runs it, without `lesson`, for help and for tests.
  let example: [String]
  /// Turns the checked arguments into the command to run.
  let build: @Sendable (ParsedArguments) throws(UsageError) -> LessonCommand

  /// The command as `lesson --help` lists it: `lesson hint ID [N]`.
  var synopsis: String {
    (["lesson"] + (name.isEmpty ? [] : [name]) + arguments.map(\.synopsis)).joined(separator: " ")
  }

  /// The first word of its name: `bench` for `bench decode`.
  var group: String { String(name.split(separator: " ").first ?? "") }

  /// The word after the group, for commands such as `image info`; nil for a one-word command.
  var subcommand: String? { name.split(separator: " ").dropFirst().first.map(String.init) }

  /// The option `word` names, if this command has one.
  func option(named word: String) -> OptionSpec? { options.first { $0.isNamed(word) } }
}

/// The sections of `lesson --help`, in order.
enum HelpSection: String, CaseIterable {
  case lesson = "THE LESSON"
  case exercises = "EXERCISES WHERE YOU WRITE CODE"
  case classMode = "CLASS MODE, ON A LOCAL NETWORK"
  case instructors = "FOR INSTRUCTORS AND AUTHORS"
  case tools = "TOOLS"
}
