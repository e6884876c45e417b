import Testing
import TextTools

@Suite struct RelativePathTests {
  @Test func aPathInsideTheRootLosesTheRootAndItsSlash() {
    #expect("/p/Lessons/01.md".relativePath(to: "/p") == "Lessons/01.md")
    #expect("/p/Lessons/01.md".relativePath(to: "/p/") == "Lessons/01.md")
  }

  @Test func aPathOutsideTheRootIsKeptWhole() {
    #expect("/elsewhere/01.md".relativePath(to: "/p") == "/elsewhere/01.md")
    #expect("/pp/01.md".relativePath(to: "/p") == "/pp/01.md")
    #expect("/p".relativePath(to: "/p") == "/p")
  }
}
