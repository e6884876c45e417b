import Testing

@testable import LessonEngine

@Suite struct CrashDetailsTests {
  /// Standard error of a program that read past the end of an array, from Swift 6.3's backtracer
  /// on Linux, shortened.
  let indexOutOfRange = """
    almost done
    Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

    *** Signal 4: Backtracing from 0x7f4a2dd6df7f... done ***

    *** Program crashed: Illegal instruction at 0x00007f4a2dd6df7f ***

    Thread 0 "exercise" crashed:

      0      0x00007f4a2dd6df7f closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
      2 [ra] 0x00007f4a2e3f6f65 specialized Array.subscript.getter + 84 in libswiftSwiftOnoneSupport.so
      3 [ra] 0x00005634da133f2e third(of:) + 77 in exercise at .lesson/exercises/third.swift:2:11
      4 [ra] 0x00005634da133a99 main + 1128 in exercise at Lessons/exercises/third/check.swift:3:20
    ...

    Backtrace took 0.01s
    """

  @Test func readsTheFatalErrorAndTheInnermostExerciseLine() {
    let crash = CrashDetails(standardError: indexOutOfRange)
    #expect(crash.fatalErrorMessage == "Index out of range")
    #expect(crash.location == ".lesson/exercises/third.swift:2")
    #expect(
      crash.lastLines == ["almost done", "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range"])
    #expect(!crash.isUncaughtError)
  }

  @Test func framesInTheRuntimeOrGeneratedCodeAreNotLocations() {
    #expect(
      CrashDetails.sourceLocation(inFrame: "  2 [ra] [system] 0x55 main + 412 in exe at //<compiler-generated>") == nil)
    #expect(
      CrashDetails.sourceLocation(inFrame: "  5 0x55 f() + 1 in exe at /build/swift/stdlib/Array.swift:10:2") == nil)
    #expect(CrashDetails.sourceLocation(inFrame: "  1 [ra] 0x7f _assertionFailure + 302 in libswiftCore.so") == nil)
  }

  @Test func anErrorThrownOutOfTopLevelCodeIsUncaught() {
    let crash = CrashDetails(
      standardError: "Swift/ErrorType.swift:254: Fatal error: Error raised at top level: the model has no layers\n")
    #expect(crash.isUncaughtError)
    #expect(crash.fatalErrorMessage == "Error raised at top level: the model has no layers")
  }

  @Test func theOlderStackTraceReportIsCutOffToo() {
    let crash = CrashDetails(
      standardError:
        "Fatal error: Unexpectedly found nil\nCurrent stack trace:\n0 libswiftCore.so 0x7f swift_reportError\n")
    #expect(crash.lastLines == ["Fatal error: Unexpectedly found nil"])
    #expect(crash.location == nil)
  }

  /// What Swift 6 writes when an allocation fails, as at the memory limit (seen with RLIMIT_DATA
  /// at 4 GiB and a 10 GiB array), and what older runtimes wrote.
  @Test func aFailedAllocationIsRecognised() {
    let current = CrashDetails(
      standardError: "Fatal error: failed to allocate 10737418272 bytes of memory with alignment 8\n\n*** Signal 6\n")
    #expect(current.isAllocationFailure)
    #expect(CrashDetails(standardError: "Fatal error: Could not allocate memory.\n").isAllocationFailure)
    #expect(!CrashDetails(standardError: "Fatal error: Index out of range\n").isAllocationFailure)
  }
}
