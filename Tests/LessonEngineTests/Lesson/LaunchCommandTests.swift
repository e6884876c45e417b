import LessonEngine
import Testing

/// Commands shown to the learner are written the way they started the lesson.
@Suite struct LaunchCommandTests {
  @Test func aProgramInSwiftPMsBuildFolderWasStartedBySwiftRun() {
    #expect(LaunchCommand.form(forProgramAt: "/home/ada/cnn-lesson/.build/debug/lesson") == "swift run lesson")
    #expect(LaunchCommand.form(forProgramAt: ".build/x86_64-unknown-linux-gnu/debug/lesson") == "swift run lesson")
    #expect(LaunchCommand.form(forProgramAt: "lesson") == "lesson")
    #expect(LaunchCommand.form(forProgramAt: "/usr/local/bin/lesson") == "lesson")
  }

  @Test func messagesUseTheFormOfTheCurrentTask() {
    LaunchCommand.$current.withValue("swift run lesson") {
      #expect(LaunchCommand.command("check test-set") == "swift run lesson check test-set")
      #expect(
        LessonError.noSuchStep(99, episode: 3, stepCount: 16).description.contains(
          "Run `swift run lesson start 3 --from 16`"))
    }
    #expect(LaunchCommand.command() == "lesson")
  }
}
