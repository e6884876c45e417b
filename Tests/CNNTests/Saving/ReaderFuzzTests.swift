import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutation fuzzer over the readers of shared model files: ZIP (stored and deflated), HDF5,
/// the Keras JSON config and safetensors. Each reader must accept a mutant or refuse it with a `FormatProblem` (or, for
/// the config, a `ConfigProblem`); a crash stops the process, after the signal handler below has
/// written the input to `fuzz-crash-<reader>.bin` in the temporary folder.
///
/// `swift test` replays the inputs that once crashed (`Fixtures/fuzz-regressions`) and runs a
/// short round; `FUZZ_SECONDS=N swift test --filter ReaderFuzzTests` fuzzes for N seconds per
/// reader (`.ci/run` does).
@Suite(.isolatedSession) struct ReaderFuzzTests {
  /// A reader under test, by name.
  enum Reader: String, CaseIterable {
    case zip, deflated, hdf5, config, safetensors

    /// Reads `bytes`; returns false for a refusal, true for a success; rethrows anything else.
    func read(_ bytes: [UInt8]) throws -> Bool {
      do {
        switch self {
        case .zip: _ = try ZipArchive.decode(bytes)
        case .deflated: _ = try ZipArchive.decode(bytes, memberLimits: KerasFileTests.deflatedFixtureLimits)
        case .hdf5: _ = try HDF5Reader.decode(bytes)
        case .safetensors: _ = try SafeTensors.decode(bytes)
        case .config:
          guard let object = try? JSONValue.parse(bytes).objectValue else { return false }
          _ = try Model.make(fromKerasConfig: object)
        }
        return true
      } catch is FormatProblem {
        return false
      } catch is ConfigProblem {
        return false
      }
    }
  }

  static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz-regressions")

  /// Seeds: the parts of a real `.keras` file of a trained model, its safetensors weights, and a
  /// ZIP of deflated members that Python wrote (`Fixtures/zip`).
  static func seeds() throws -> [Reader: [UInt8]] {
    setRandomSeed(5)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
    let (images, labels) = SyntheticImages.brightSide(count: 16, seed: 1)
    try TerminalOutput.$current.withValue(TerminalOutput(isTerminal: false) { _ in }) {
      try model.fit(images, labels, batchSize: 8, epochs: 1, verbose: 0)
    }
    let archive = KerasFile.encode(model)
    let members = try ZipArchive.decode(archive)
    var weights = KerasFile.weights(of: model)
    weights.children["optimizer"] = nil
    let tensors = model.computingLayers.flatMap { layer in
      layer.variables.map { ("\(layer.name)/\($0.name)", $0.value) }
    }
    return [
      .zip: archive, .deflated: try [UInt8](Data(contentsOf: KerasFileTests.deflatedFixture)),
      .hdf5: try #require(members[KerasFile.weightsName]),
      .config: try #require(members[KerasFile.configName]), .safetensors: SafeTensors.encode(tensors),
    ]
  }

  @Test func inputsThatOnceCrashedAreReadSafely() throws {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.regressions.path)) ?? []
    for file in files.sorted() where file.hasSuffix(".bin") {
      let reader = try #require(Reader(rawValue: String(file.prefix { $0 != "-" })), "\(file): no reader")
      _ = try reader.read([UInt8](Data(contentsOf: Self.regressions.appendingPathComponent(file))))
    }
  }

  @Test(.serialized, arguments: Reader.allCases)
  func mutantsAreAcceptedOrRefusedNeverCrashing(reader: Reader) throws {
    let seconds = Double(ProcessInfo.processInfo.environment["FUZZ_SECONDS"] ?? "") ?? 0.5
    let seed = try #require(try Self.seeds()[reader])
    var mutator = Mutator(seed: UInt64(Reader.allCases.firstIndex(of: reader)!) ^ 0x5EED)
    let start = Date()
    var (executions, accepted) = (0, 0)
    var input = seed
    while Date().timeIntervalSince(start) < seconds {
      // Mostly mutate the seed; sometimes keep mutating the last mutant, to go deeper.
      input = mutator.mutate(executions % 4 == 3 ? input : seed)
      FuzzCrashRecorder.arm(input, reader: reader.rawValue)
      if try reader.read(input) { accepted += 1 }
      executions += 1
    }
    FuzzCrashRecorder.disarm()
    print(
      "fuzz \(reader.rawValue): \(executions) executions in \(String(format: "%.1f", seconds)) s, \(accepted) accepted, 0 crashes"
    )
    #expect(executions > 0)
  }
}

/// Byte-level mutations that reach the readers' checks: flips, interesting values, copied and
/// removed runs, cuts, and 8-byte fields set to offsets inside or just past the input (HDF5 and
/// ZIP are full of addresses and sizes).
struct Mutator {
  var generator: RandomGenerator

  init(seed: UInt64) {
    generator = RandomGenerator(seed: seed)
  }

  mutating func below(_ bound: Int) -> Int {
    bound <= 0 ? 0 : Int(generator.next() % UInt64(bound))
  }

  mutating func mutate(_ original: [UInt8]) -> [UInt8] {
    var bytes = original
    for _ in 0...below(4) {
      guard !bytes.isEmpty else { return bytes }
      let at = below(bytes.count)
      switch below(8) {
      case 0: bytes[at] ^= UInt8(1 << below(8))
      case 1: bytes[at] = [0, 1, 0x7F, 0x80, 0xFF][below(5)]
      case 2: bytes[at] = UInt8(truncatingIfNeeded: generator.next())
      case 3: bytes.removeLast(below(bytes.count))
      case 4:
        let count = min(below(64) + 1, bytes.count - at)
        bytes.removeSubrange(at..<(at + count))
      case 5:
        let count = min(below(64) + 1, bytes.count - at)
        bytes.insert(contentsOf: bytes[at..<(at + count)], at: below(bytes.count))
      default:
        // An 8-byte little-endian field set to an offset in or near the input, or a huge size.
        let values = [below(bytes.count), bytes.count, bytes.count + below(16), Int.max / 2, 0]
        let value = UInt64(values[below(values.count)])
        for byte in 0..<min(8, bytes.count - at) { bytes[at + byte] = UInt8(truncatingIfNeeded: value >> (8 * byte)) }
      }
    }
    return bytes
  }
}

/// Writes the input being read to `fuzz-crash-<reader>.bin` in the temporary folder if the
/// process dies on a trap or a bad access while reading it (Swift's run-time checks trap).
enum FuzzCrashRecorder {
  nonisolated(unsafe) private static var input: UnsafeMutableBufferPointer<UInt8>?
  nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?

  /// Records `bytes` as the input about to be read by `reader`.
  static func arm(_ bytes: [UInt8], reader: String) {
    if path == nil {
      for code in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT] { signal(code, onCrash) }
    }
    free(path)
    path = strdup(FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-crash-\(reader).bin").path)
    input?.deallocate()
    let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = copy.initialize(from: bytes)
    input = copy
  }

  /// Stops recording.
  static func disarm() {
    input?.deallocate()
    input = nil
  }

  private static let onCrash: @convention(c) (Int32) -> Void = { code in
    if let input = FuzzCrashRecorder.input, let path = FuzzCrashRecorder.path {
      let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      if file >= 0 {
        _ = write(file, input.baseAddress, input.count)
        close(file)
      }
    }
    signal(code, SIG_DFL)
    raise(code)
  }
}
