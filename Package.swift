// swift-tools-version: 6.0
import PackageDescription

/// The CNN library and the image codecs are optimised in every configuration, debug included: its kernels run hundreds of
/// times slower at `-Onone`, and lessons, tests and `swift run` all train real models with them.
/// `-O` (not `-Ounchecked`) keeps bounds and overflow checks, so a mistake in the code that reads
/// untrusted model files traps instead of reading stray memory; kernels use wrapping arithmetic
/// (`&+`, `&*`) where the checks would block vectorisation.
/// On Linux, `-target-cpu native` enables AVX2/AVX-512 and fused multiply-add for the machine that
/// builds it (learners build on the laptop they train on). On Apple silicon the baseline already
/// has fused multiply-add.
let optimisedEverywhere: [SwiftSetting] = [
  .unsafeFlags(["-O"]),
  .unsafeFlags(["-target-cpu", "native"], .when(platforms: [.linux])),
]

let package = Package(
  name: "cnn-lesson",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "lesson", targets: ["lesson"]),
    // A dynamic library, so that learner exercises compiled alone with `swiftc` can link against it.
    .library(name: "CNN", type: .dynamic, targets: ["CNN"]),
  ],
  targets: [
    .target(name: "ImageCodecs", swiftSettings: optimisedEverywhere),
    .target(name: "CNN", dependencies: ["ImageCodecs", "TerminalUI"], swiftSettings: optimisedEverywhere),
    .target(name: "TerminalUI", dependencies: ["ImageCodecs"]),
    .target(name: "LessonFormat"),
    .target(name: "LessonEngine", dependencies: ["CNN", "ImageCodecs", "TerminalUI", "LessonFormat"]),
    .executableTarget(name: "lesson", dependencies: ["LessonEngine", "CNN", "ImageCodecs", "TerminalUI"]),
    .target(name: "CNNTestSupport", dependencies: ["CNN"], path: "Tests/CNNTestSupport"),
    .testTarget(name: "ImageCodecsTests", dependencies: ["ImageCodecs"], exclude: ["Fixtures"]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    .testTarget(name: "CNNTests", dependencies: ["CNN", "CNNTestSupport"]),
    .testTarget(name: "LessonFormatTests", dependencies: ["LessonFormat"]),
    .testTarget(name: "LessonEngineTests", dependencies: ["LessonEngine", "CNN", "CNNTestSupport"]),
    .testTarget(name: "LessonCommandTests", dependencies: ["lesson", "CNN", "CNNTestSupport"]),
  ]
)
