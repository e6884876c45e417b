// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The CNN library and the image codecs are optimised in every configuration, debug included: the
/// kernels run hundreds of times slower at `-Onone`, and lessons, tests and `swift run` all train
/// real models with them.
/// `-O` (not `-Ounchecked`) keeps bounds and overflow checks, so a mistake in the code that reads
/// untrusted model files traps instead of reading stray memory; kernels use wrapping arithmetic
/// (`&+`, `&*`) where the checks would block vectorisation.
/// On Linux, `-target-cpu native` enables AVX2/AVX-512 and fused multiply-add for the machine that
/// builds it (learners build on the laptop they train on). On Apple silicon the baseline already
/// has fused multiply-add.
/// `HAS_FMA` says the building machine's processor has fused multiply-add (read from Linux's
/// /proc/cpuinfo), so that the matrix kernel may use it: without the instruction each fused
/// multiply-add would become a slow library call.
let optimisedEverywhere: [SwiftSetting] =
  [
    .unsafeFlags(["-O"]),
    .unsafeFlags(["-target-cpu", "native"], .when(platforms: [.linux])),
  ] + (linuxProcessorHasFusedMultiplyAdd ? [.define("HAS_FMA", .when(platforms: [.linux]))] : [])

/// Whether /proc/cpuinfo lists the `fma` flag (false where there is no such file).
var linuxProcessorHasFusedMultiplyAdd: Bool {
  guard let cpuInfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
  return cpuInfo.split(separator: "\n").contains { $0.hasPrefix("flags") && $0.split(separator: " ").contains("fma") }
}

let package = Package(
  name: "cnn-lesson",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "lesson", targets: ["lesson"]),
    // A dynamic library, so that learner exercises compiled alone with `swiftc` can link against it.
    .library(name: "CNN", type: .dynamic, targets: ["CNN"]),
    // The check functions those exercises call, for the same reason.
    .library(name: "LessonChecks", type: .dynamic, targets: ["LessonChecks"]),
    // What lesson code calls (`show`, pictures of tensors, fill-in blanks), so exercises can draw too.
    .library(name: "LessonToolkit", type: .dynamic, targets: ["LessonToolkit"]),
  ],
  targets: [
    // Names from disk and from strangers' files, escaped before they reach a terminal.
    .target(name: "TextEscaping"),
    // CRC-32, Adler-32, inflate and deflate: knows nothing of images or models.
    .target(name: "ZlibCodecs", swiftSettings: optimisedEverywhere),
    // Small text helpers every layer shares: "did you mean", Markdown code fences, relative paths.
    .target(name: "TextTools"),
    .target(name: "ImageCodecs", dependencies: ["ZlibCodecs", "TextEscaping"], swiftSettings: optimisedEverywhere),
    .target(
      name: "CNN", dependencies: ["ZlibCodecs", "ImageCodecs", "TerminalUI", "TextEscaping", "TextTools"],
      swiftSettings: optimisedEverywhere),
    .target(name: "TerminalUI", dependencies: ["ImageCodecs", "TextEscaping", "TextTools"]),
    // An episode's script: the plain data the build plugin writes and the engine walks.
    .target(name: "LessonScript"),
    .target(name: "LessonFormat", dependencies: ["LessonScript", "TextTools"]),
    .target(name: "LessonChecks", dependencies: ["CNN"]),
    // Class mode: the progress events learners send, the instructor's server, the room it sees and
    // the report it writes; knows nothing of episodes or the walk.
    .target(name: "ClassMode", dependencies: ["TerminalUI", "TextEscaping"]),
    // What lesson and exercise code calls; knows nothing of the walk, the runner or the screens.
    .target(name: "LessonToolkit", dependencies: ["CNN", "ImageCodecs", "TerminalUI"]),
    .target(
      name: "LessonEngine",
      dependencies: [
        "CNN", "ImageCodecs", "TerminalUI", "TextEscaping", "TextTools", "LessonScript", "LessonChecks",
        "LessonToolkit", "ClassMode",
      ]),
    .executableTarget(name: "LessonCodegen", dependencies: ["LessonFormat", "LessonScript", "TextTools"]),
    .plugin(
      name: "LessonCodegenPlugin", capability: .buildTool(), dependencies: ["LessonCodegen"],
      path: "Sources/LessonCodegenPlugin"),
    .target(
      name: "LessonContent",
      dependencies: [
        "LessonEngine", "LessonScript", "LessonToolkit", "CNN", "ImageCodecs", "TerminalUI", "LessonChecks",
      ],
      plugins: ["LessonCodegenPlugin"]),
    .executableTarget(
      name: "lesson",
      dependencies: [
        "LessonContent", "LessonEngine", "CNN", "ImageCodecs", "TerminalUI", "TextEscaping", "TextTools",
        "ClassMode",
      ]),
    .target(name: "ZlibCodecsTestSupport", dependencies: ["ZlibCodecs"], path: "Tests/ZlibCodecsTestSupport"),
    .target(name: "CNNTestSupport", dependencies: ["CNN", "TerminalUI"], path: "Tests/CNNTestSupport"),
    .target(
      name: "TestLesson",
      dependencies: [
        "LessonEngine", "LessonScript", "LessonToolkit", "CNN", "ImageCodecs", "TerminalUI", "LessonChecks",
      ],
      path: "Tests/TestLesson", exclude: ["01-basics.md", "exercises"], plugins: ["LessonCodegenPlugin"]),
    .testTarget(name: "TextEscapingTests", dependencies: ["TextEscaping"]),
    .testTarget(name: "TextToolsTests", dependencies: ["TextTools"]),
    .testTarget(
      name: "ZlibCodecsTests", dependencies: ["ZlibCodecs", "ZlibCodecsTestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "ImageCodecsTests", dependencies: ["ImageCodecs", "ZlibCodecs", "ZlibCodecsTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    .testTarget(name: "CNNTests", dependencies: ["CNN", "ZlibCodecs", "CNNTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "LessonFormatTests", dependencies: ["LessonFormat", "LessonScript"]),
    .testTarget(
      name: "LessonEngineTests",
      dependencies: [
        "LessonEngine", "LessonChecks", "LessonToolkit", "CNN", "CNNTestSupport", "TestLesson", "LessonScript",
        "ClassMode",
      ]),
    .testTarget(name: "ClassModeTests", dependencies: ["ClassMode", "TerminalUI", "ZlibCodecsTestSupport"]),
    .testTarget(name: "LessonChecksTests", dependencies: ["LessonChecks", "CNN"]),
    .testTarget(
      name: "LessonToolkitTests", dependencies: ["LessonToolkit", "CNN", "ImageCodecs", "TerminalUI", "CNNTestSupport"]),
    .testTarget(
      name: "LessonCommandTests",
      dependencies: [
        "lesson", "LessonContent", "LessonEngine", "CNN", "TerminalUI", "CNNTestSupport", "LessonFormat",
        "LessonScript", "TestLesson",
      ], exclude: ["Fixtures"]),
  ]
)
