import CNN
import LessonEngine

/// Every command `lesson` understands, with its arguments, options, help and what it parses to: the
/// one place a command is named. Parsing (`LessonCommand.parse`), `lesson --help`, per-command help
/// and "did you mean" all read this table.
///
/// The summaries are the lines `lesson --help` prints beside each synopsis, broken where it breaks
/// them.
enum CommandTable {
  /// The commands, in the order `lesson --help` lists them within their sections.
  static let commands: [CommandSpec] = lesson + exercises + classMode + instructors + models + tools

  /// `--color` and `--width`, which any command accepts (`DisplayOptions`).
  static let displayOptions = [
    OptionSpec(
      name: "--color", aliases: ["--colour"], placeholders: ["always|never|auto|16|256|24bit"],
      kind: .choice(["always", "never", "auto", "16", "256", "24bit"]),
      noun: "choice: always, never, auto, 16, 256 or 24bit",
      summary: "Colour on, off, 16, 256 or 24bit (default: detect)"),
    OptionSpec(
      name: "--width", placeholders: ["N"], kind: .number(atLeast: 20, requirement: "a number of columns, 20 or more"),
      noun: "number of columns, 20 or more", summary: "Lay out for N columns (default: the terminal's)"),
    OptionSpec(
      name: "--height", placeholders: ["N"], kind: .number(atLeast: 10, requirement: "a number of rows, 10 or more"),
      noun: "number of rows, 10 or more",
      summary: "Fit pictures in N rows (default: the terminal's)"),
  ]

  /// The command called `name` (`start`, `bench decode`), if there is one.
  static func command(named name: String) -> CommandSpec? { commands.first { $0.name == name } }

  // MARK: - Arguments several commands share

  private static let episode = ArgumentSpec(
    placeholder: "N", kind: .positiveNumber("an episode number, such as 3"), noun: "episode number",
    summary: "The episode's number, as `lesson list` shows it")
  private static let exerciseID = ArgumentSpec(
    placeholder: "ID", kind: .text, noun: "exercise ID", summary: "The exercise's ID, as `lesson list` shows it")
  private static let lastExerciseID = ArgumentSpec(
    placeholder: "ID", kind: .text, noun: "exercise ID",
    summary: "The exercise's ID (default: the last exercise you worked on)", isOptional: true)
  private static let fromStep = OptionSpec(
    name: "--from", placeholders: ["STEP"], kind: .positiveNumber("a step number, such as 4"), noun: "step number",
    summary: "Start at step STEP", defaultValue: "1")
  private static let modelFile = ArgumentSpec(
    placeholder: "MODEL", kind: .text, noun: "MODEL file", summary: "A model file: .keras or .cnnmodel")

  // MARK: - The lesson

  private static let lesson = [
    CommandSpec(
      name: "", section: .lesson, summary: ["Carry on where you left off (the first time: the episode menu)"],
      example: [], build: { _ in .walk(.carryOn) }),
    CommandSpec(
      name: "start", section: .lesson, arguments: [episode],
      options: [
        .flag("--no-pause", "Run steps without waiting for Enter; without a terminal, show answers too"),
        fromStep,
      ],
      summary: [
        "Walk episode N: each step's code is shown, then runs when you press",
        "Enter (s runs it quietly, b goes back, h gives a hint, q quits)",
      ],
      overviewNotes: ["Options: --no-pause (no waiting at steps), --from STEP"],
      example: ["start", "3", "--from", "4"],
      build: { parsed in
        .walk(
          .start(
            episode: parsed.requiredNumber("N"), pauses: !parsed.isSet("--no-pause"), from: parsed.number("--from") ?? 1
          ))
      }),
    CommandSpec(
      name: "list", section: .lesson, summary: ["Episodes and exercises, with your progress"], example: ["list"],
      build: { _ in .walk(.list) }),
    CommandSpec(
      name: "status", section: .lesson, summary: ["One line to paste into the class chat"], example: ["status"],
      build: { _ in .walk(.status) }),
    CommandSpec(
      name: "catch-up", section: .lesson, arguments: [episode],
      summary: ["Run episodes before N so that episode N is ready to start"], example: ["catch-up", "4"],
      build: { parsed in .walk(.catchUp(parsed.requiredNumber("N"))) }),
  ]

  // MARK: - Exercises

  private static let exercises = [
    CommandSpec(
      name: "exercise", section: .exercises, arguments: [exerciseID],
      summary: ["Copy the exercise's starter file into .lesson/exercises/ and say what to do"],
      example: ["exercise", "model-function"], build: { parsed in .walk(.exercise(parsed.requiredText("ID"))) }),
    CommandSpec(
      name: "check", section: .exercises, arguments: [lastExerciseID],
      summary: ["Compile and run your file's checks (the last exercise if no ID)"],
      example: ["check", "model-function"],
      build: { parsed in .walk(.check(parsed.text("ID"))) }),
    CommandSpec(
      name: "watch", section: .exercises, arguments: [lastExerciseID],
      summary: ["Check again every time you save; Enter moves on after a pass"], example: ["watch"],
      build: { parsed in .walk(.watch(parsed.text("ID"))) }),
    CommandSpec(
      name: "hint", section: .exercises,
      arguments: [
        exerciseID,
        ArgumentSpec(
          placeholder: "N", kind: .positiveNumber("a hint number, such as 2"), noun: "hint number",
          summary: "Which hint (default: the next one)", isOptional: true),
      ],
      summary: ["The exercise's next hint (or hint N)"], example: ["hint", "model-function", "2"],
      build: { parsed in .walk(.hint(parsed.requiredText("ID"), number: parsed.number("N"))) }),
    CommandSpec(
      name: "solution", section: .exercises, arguments: [exerciseID],
      summary: ["The solution (after you pass, or once you confirm)"], example: ["solution", "model-function"],
      build: { parsed in .walk(.solution(parsed.requiredText("ID"))) }),
    CommandSpec(
      name: "reset", section: .exercises, arguments: [exerciseID],
      summary: ["Put the starter file back as it was shipped"], example: ["reset", "model-function"],
      build: { parsed in .walk(.reset(parsed.requiredText("ID"))) }),
  ]

  // MARK: - Class mode

  private static let classMode = [
    CommandSpec(
      name: "class join", section: .classMode,
      arguments: [
        ArgumentSpec(
          placeholder: "ADDRESS", kind: .text, noun: "address",
          summary: "The address the instructor wrote up, such as 192.168.1.20:7341"),
        ArgumentSpec(
          placeholder: "CODE", kind: .text, noun: "class code", summary: "The class code, such as PANDA-421"),
      ],
      options: [
        OptionSpec(
          name: "--name", placeholders: ["NAME"], kind: .text, noun: "name",
          summary: "Your name on the instructor's screen (default: asked)")
      ],
      summary: [
        "Join the instructor's class: from now on your steps, answers and",
        "checks are sent to their screen (nothing else)",
      ],
      overviewNotes: ["Options: --name NAME"],
      example: ["class", "join", "192.168.1.20:7341", "PANDA-421", "--name", "Ana"],
      build: { parsed in
        .walk(
          .classJoin(
            address: parsed.requiredText("ADDRESS"), code: parsed.requiredText("CODE"), name: parsed.text("--name")))
      }),
    CommandSpec(
      name: "class leave", section: .classMode, summary: ["Stop sending your progress to the class"],
      example: ["class", "leave"], build: { _ in .walk(.classLeave) }),
    CommandSpec(
      name: "class start", section: .classMode,
      options: [
        OptionSpec(
          name: "--port", placeholders: ["P"], kind: .number(atLeast: 0, requirement: "a port, from 1024 to 65535"),
          noun: "port",
          summary: "Listen on port P (default: the port the class was opened on, or \(ClassMembership.defaultPort))"),
        .flag("--new", "Open a new class with a new code (default: the last class opened here, again)"),
        .flag("--json", "Print each event as a line of JSON, for tools"),
        OptionSpec(
          name: "--stuck-after", placeholders: ["MIN"], kind: .positiveNumber("a number of minutes, such as 5"),
          noun: "number of minutes", summary: "Show a learner as stuck after MIN minutes failing one exercise",
          defaultValue: "5"),
      ],
      summary: [
        "Instructor: open the class on this network and watch it live: who is",
        "where, who is stuck, the most missed question",
      ],
      overviewNotes: ["Options: --port P (7341), --new, --json, --stuck-after MIN (5)"],
      example: ["class", "start", "--port", "7341"],
      build: { parsed in
        var options = ClassInstructor.StartOptions()
        if let port = parsed.number("--port") { options.port = port }
        options.newClass = parsed.isSet("--new")
        options.json = parsed.isSet("--json")
        // A day is the longest wait that means anything in a class.
        if let minutes = parsed.number("--stuck-after") { options.stuckAfterMinutes = min(minutes, 24 * 60) }
        return .walk(.classStart(options))
      }),
    CommandSpec(
      name: "class report", section: .classMode,
      arguments: [
        ArgumentSpec(
          placeholder: "CODE", kind: .text, noun: "class code",
          summary: "The class (default: the last one opened here)",
          isOptional: true)
      ],
      summary: ["Instructor: the class's summary in Markdown, kept in .lesson/class/"],
      example: ["class", "report"], build: { parsed in .walk(.classReport(code: parsed.text("CODE"))) }),
  ]

  // MARK: - Instructors and authors

  private static let instructors = [
    CommandSpec(
      name: "present", section: .instructors, arguments: [episode],
      options: [
        OptionSpec(
          name: "--notes-to", placeholders: ["PATH"], kind: .text, noun: "file or terminal",
          summary: "Write your notes and the time against the plan there: another terminal (`tty` names it) or a file"),
        fromStep,
      ],
      summary: [
        "Present episode N on a projector, on keys: Enter runs a step or shows an",
        "answer, c 10 starts a 10-minute countdown, q stops",
      ],
      example: ["present", "3", "--notes-to", "/dev/pts/3"],
      build: { parsed in
        .walk(
          .present(
            episode: parsed.requiredNumber("N"), from: parsed.number("--from") ?? 1, notesTo: parsed.text("--notes-to"))
        )
      }),
    CommandSpec(
      name: "instructor", section: .instructors, arguments: [episode],
      summary: ["The schedule, episode N's instructor notes and its solutions"], example: ["instructor", "2"],
      build: { parsed in .walk(.instructor(parsed.requiredNumber("N"))) }),
    CommandSpec(
      name: "handout", section: .instructors, summary: ["Every exercise, without solutions, as Markdown"],
      example: ["handout"], build: { _ in .walk(.handout) }),
    CommandSpec(
      name: "doctor", section: .instructors,
      summary: ["Check this machine and predict each episode's training time"], example: ["doctor"],
      build: { _ in .walk(.doctor) }),
    CommandSpec(
      name: "verify", section: .instructors,
      arguments: [
        ArgumentSpec(
          placeholder: "N", kind: .positiveNumber("an episode number, such as 3"), noun: "episode number",
          summary: "The episodes to run (default: all)", isOptional: true, isRepeated: true)
      ],
      summary: ["Run every episode (or episodes N…) and its exercises; lists what fails"],
      example: ["verify", "2", "5"],
      build: { parsed in .walk(.verify(episodes: parsed.numbers("N"))) }),
  ]
}
