import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

/// `.keras` files without Python: our own round trips, and files that are damaged, cut off or
/// built to harm, which must give a clear error and never a crash, a hang or a huge allocation.
@Suite(.isolatedSession) struct KerasFileTests {
  let folder: TemporaryFolder
  let quiet = TerminalOutput(isTerminal: false) { _ in }

  init() throws {
    folder = try TemporaryFolder(prefix: "cnn-kerasfile")
  }

  func path(_ name: String) -> String { folder.path(name) }

  func trainedModel() throws -> (Model, Tensor) {
    setRandomSeed(8)
    let model = try SyntheticImages.brightSideModel()
    model.compile(optimizer: .adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    let (images, labels) = SyntheticImages.brightSide(count: 32, seed: 2)
    try TerminalOutput.$current.withValue(quiet) {
      try model.fit(images, labels, batchSize: 8, epochs: 1, verbose: 0)
    }
    return (model, images)
  }

  func load(_ bytes: [UInt8], as name: String = "file.keras") throws -> Model {
    try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
    return try Model.load(from: path(name))
  }

  @Test func aModelSavedAsKerasLoadsBackWithItsWeightsAndOptimizer() throws {
    let (model, images) = try trainedModel()
    try model.save(to: path("bright.keras"))
    let loaded = try Model.load(from: path("bright.keras"))
    #expect(try loaded.predict(images, verbose: 0) == model.predict(images, verbose: 0))
    #expect(loaded.kerasConfig == model.kerasConfig)
    #expect(loaded.optimizer?.iterations == model.optimizer?.iterations)
    #expect(loaded.optimizer?.slots == model.optimizer?.slots)
  }

  @Test(arguments: ["bright.safetensors", "bright.weights.h5"])
  func weightsSavedAloneLoadIntoTheSameArchitecture(name: String) throws {
    let (model, images) = try trainedModel()
    try model.saveWeights(to: path(name))
    setRandomSeed(9)
    let fresh = try SyntheticImages.brightSideModel()
    #expect(try fresh.predict(images, verbose: 0) != model.predict(images, verbose: 0))
    try fresh.loadWeights(from: path(name))
    #expect(try fresh.predict(images, verbose: 0) == model.predict(images, verbose: 0))

    let other = try Sequential {
      Input(shape: [8, 8, 1])
      Flatten()
      Dense(units: 2)
    }
    let error = #expect(throws: ModelFileError.self) { try other.loadWeights(from: path(name)) }
    #expect(error?.description.contains("dense") == true, "\(String(describing: error))")
    #expect(throws: ModelError.self) { try model.saveWeights(to: path("bright.weights")) }

    let saved = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path(name))))
    try Data(saved.prefix(saved.count - 10)).write(to: URL(fileURLWithPath: path("cut-" + name)))
    let cut = #expect(throws: ModelFileError.self) { try fresh.loadWeights(from: path("cut-" + name)) }
    let part = name.hasSuffix(".h5") ? "its HDF5 data" : "its safetensors data"
    #expect(cut?.description.contains(part) == true, "\(String(describing: cut))")
  }

  @Test func aConfigAskingForMoreWeightsThanTheFileHoldsIsRefusedBeforeBuilding() throws {
    let (model, _) = try trainedModel()
    var archive = try ZipArchive.decode(KerasFile.encode(model))
    let index = try #require(archive.members.firstIndex { $0.name == KerasFile.configName })
    // 36 features × 2,500,000 units, plus biases: 92.5 million weights (370 MB), within the
    // per-layer limit.
    let config = String(decoding: archive.members[index].bytes, as: UTF8.self)
      .replacingOccurrences(of: "\"units\": 2,", with: "\"units\": 2500000,")
    archive.members[index].bytes = Array(config.utf8)
    let error = #expect(throws: ModelFileError.self) { try load(archive.encoded()) }
    #expect(error?.description.contains("would have 92500000 parameters") == true, "\(String(describing: error))")
  }

  @Test func layersKnowTheirParameterCountBeforeCreatingThem() throws {
    let layers: [(Layer, [Int])] = [
      (Conv2D(filters: 5, kernelSize: [3, 2]), [9, 9, 4]),
      (Conv2D(filters: 3, kernelSize: 1, useBias: false), [4, 4, 2]),
      (Dense(units: 7), [11]), (Dense(units: 2, useBias: false), [3]), (MaxPooling2D(), [4, 4, 1]),
    ]
    for (layer, shape) in layers {
      try layer.build(inputShape: shape)
      #expect(layer.parameterCount(for: shape) == layer.parameterCount, "\(layer.name)")
    }
  }

  @Test func hdf5TreesComeBackAsWritten() throws {
    var root = HDF5Group()
    // 21 children: three symbol nodes, names sorted by their bytes ("10" before "2").
    for index in 0..<21 {
      root.insert(
        .dataset(HDF5Dataset(shape: [2, index % 3 + 1], values: (0..<(2 * (index % 3 + 1))).map { Float($0) / 3 })),
        at: ["many", String(index)])
    }
    root.insert(.group(HDF5Group()), at: ["empty"])
    root.insert(
      .dataset(HDF5Dataset(shape: [], values: [-7], elementType: .integer(byteCount: 4, isSigned: true))),
      at: ["deep", "er", "count"])
    #expect(try HDF5Reader.decode(HDF5Writer.encode(root)) == root)
  }

  @Test func aGroupOfMoreChildrenThanOneTreeNodeHoldsComesBack() throws {
    // 300 children: 38 symbol nodes, more than the 32 a B-tree node points to, so two levels.
    var root = HDF5Group()
    for index in 0..<300 {
      root.insert(.dataset(HDF5Dataset(shape: [1], values: [Float(index)])), at: ["optimizer", "vars", String(index)])
    }
    #expect(try HDF5Reader.decode(HDF5Writer.encode(root)) == root)
  }

  @Test func zipArchivesComeBackAsWritten() throws {
    let archive = ZipArchive(members: [
      .init(name: "a.json", bytes: Array("{}".utf8)), .init(name: "folder/b.bin", bytes: [0, 1, 2, 255]),
      .init(name: "empty", bytes: []),
    ])
    let limits = ["a.json": 2, "folder/b.bin": 4, "empty": 0]
    #expect(try ZipArchive.decode(archive.encoded(), memberLimits: limits) == archive)
  }

  static let deflatedFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/zip/deflated-members.zip")
  /// The members of `deflatedFixture`, each allowed 16 MiB.
  static let deflatedFixtureLimits = ["config.json": 1 << 24, "notes/read-me.txt": 1 << 24, "stored.bin": 1 << 24]

  @Test func deflatedMembersThatPythonWroteAreInflated() throws {
    let archive = try ZipArchive.decode(
      [UInt8](Data(contentsOf: Self.deflatedFixture)), memberLimits: Self.deflatedFixtureLimits)
    #expect(archive.members.map(\.name) == ["config.json", "notes/read-me.txt", "stored.bin"])
    #expect(
      archive["notes/read-me.txt"]
        == Array(String(repeating: "A stored or deflated member of a ZIP archive.\n", count: 30).utf8))
    #expect(archive["stored.bin"] == (0...255).map(UInt8.init))
    let config = try JSONValue.parse(try #require(archive["config.json"]))
    #expect(config["layers"]?.arrayValue?.count == 20)
  }

  @Test func aDeflatedMemberDeclaringAnotherSizeIsRefused() throws {
    let original = try [UInt8](Data(contentsOf: Self.deflatedFixture))
    // The central directory's entry for config.json: its name is the second "config.json".
    let name = Array("config.json".utf8)
    let names = original.indices.filter { original[$0...].starts(with: name) }
    let sizeField = try #require(names.last) - 46 + 24
    for (declared, expected) in [(1013, "inflates to 1012 bytes, not the 1013"), (1_000_000, "more than its 70")] {
      var bytes = original
      bytes.replaceSubrange(
        sizeField..<(sizeField + 4), with: withUnsafeBytes(of: UInt32(declared).littleEndian, Array.init))
      let problem = #expect(throws: FormatProblem.self) {
        try ZipArchive.decode(bytes, memberLimits: Self.deflatedFixtureLimits)
      }
      #expect(problem?.detail.contains(expected) == true, "\(String(describing: problem))")
    }
  }

  @Test func aMemberNamedOutsideTheArchiveIsRefused() throws {
    for name in ["../evil.json", "/etc/passwd", "a/../../b", "c:\\x"] {
      let bytes = ZipArchive(members: [.init(name: name, bytes: [1])]).encoded()
      let problem = #expect(throws: FormatProblem.self) { try ZipArchive.decode(bytes) }
      #expect(problem?.detail.contains("outside") == true, "\(name): \(String(describing: problem))")
    }
  }

  @Test func aMemberDeclaringMoreBytesThanTheFileHoldsIsRefused() throws {
    var bytes = ZipArchive(members: [.init(name: "config.json", bytes: Array("{}".utf8))]).encoded()
    // The central directory's sizes (offsets 20 and 24 of its entry) claim 4 GiB − 1.
    let directory = bytes.count - 22 - (46 + "config.json".utf8.count)
    for offset in [directory + 20, directory + 24] { for byte in 0..<4 { bytes[offset + byte] = 0xFF } }
    let problem = #expect(throws: FormatProblem.self) {
      try ZipArchive.decode(bytes, memberLimits: ["config.json": Int(UInt32.max)])
    }
    #expect(problem?.detail.contains("ends past the end") == true, "\(String(describing: problem))")
  }

  /// An HDF5 file whose root holds `node` as `name`.
  func hdf5File(holding node: HDF5Node, as name: String) -> [UInt8] {
    var root = HDF5Group()
    root.insert(node, at: [name])
    return HDF5Writer.encode(root)
  }

  /// Where the last structure starting with `signature` ("TREE", "SNOD") is: the root group's,
  /// as the writer writes every object after its children.
  func lastStructure(_ signature: String, in bytes: [UInt8]) throws -> Int {
    try #require(bytes.indices.last { bytes[$0...].starts(with: Array(signature.utf8)) })
  }

  @Test func anHDF5GroupThatLoopsBackIsAnErrorNotAHang() throws {
    var bytes = hdf5File(holding: .group(HDF5Group()), as: "child")
    // Point the child's symbol table entry (in the root's symbol node) at the root's own header,
    // which the superblock names at byte 64.
    let rootHeader = try LittleEndianReader(bytes: bytes).uint64(at: 64)
    let entry = try lastStructure("SNOD", in: bytes) + 8
    bytes.replaceSubrange((entry + 8)..<(entry + 16), with: withUnsafeBytes(of: rootHeader.littleEndian, Array.init))
    let problem = #expect(throws: FormatProblem.self) { try HDF5Reader.decode(bytes) }
    #expect(problem?.detail.contains("loop") == true, "\(String(describing: problem))")
  }

  @Test func aGroupTreeClaimingMoreLevelsThanItHasIsRefused() throws {
    var bytes = hdf5File(holding: .group(HDF5Group()), as: "child")
    // The root's B-tree node says it is on level 5: its child, a symbol node, is no level 4 node.
    bytes[try lastStructure("TREE", in: bytes) + 5] = 5
    let problem = #expect(throws: FormatProblem.self) { try HDF5Reader.decode(bytes) }
    #expect(problem?.detail.contains("no group B-tree node") == true, "\(String(describing: problem))")
  }

  @Test func aHugeDeclaredDatasetIsRefusedBeforeAnythingIsAllocated() throws {
    var bytes = hdf5File(holding: .dataset(HDF5Dataset(shape: [3], values: [1, 2, 3])), as: "weights")
    // The dataspace message (version 1, rank 1) holds the size 3 right after its 8-byte start.
    let dataspace = try #require(
      bytes.indices.first { bytes[$0...].starts(with: [1, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0]) })
    bytes[dataspace + 8 + 6] = 0x10  // 3 + 2⁵² values
    let problem = #expect(throws: FormatProblem.self) { try HDF5Reader.decode(bytes) }
    #expect(problem?.detail.contains("values") == true, "\(String(describing: problem))")
  }

  @Test func damagedSharedFilesGiveClearErrorsNamingThePart() throws {
    let (model, _) = try trainedModel()
    try model.save(to: path("good.keras"))
    let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path("good.keras"))))

    let cut = #expect(throws: ModelFileError.self) { try load(Array(good.prefix(good.count / 2))) }
    #expect(cut?.description.contains("ZIP archive") == true, "\(String(describing: cut))")

    var flipped = good
    flipped[good.count / 2] ^= 0x40
    let damaged = #expect(throws: ModelFileError.self) { try load(flipped) }
    #expect(damaged?.description.contains("CRC-32") == true, "\(String(describing: damaged))")

    let noConfig = ZipArchive(members: [.init(name: "model.weights.h5", bytes: [])]).encoded()
    let missing = #expect(throws: ModelFileError.self) { try load(noConfig) }
    #expect(missing?.description.contains("has no config.json") == true)
  }

  /// A bounded mutation loop over a real `.keras` file: the whole file, its weights or its
  /// config cut at many lengths or with bytes changed here and there (the inner files re-zipped
  /// with correct checksums, so the mutations reach the HDF5 and JSON readers): every load either
  /// succeeds or throws `ModelFileError`.
  @Test func mutatedKerasFilesNeverCrashTheLoader() throws {
    let (model, _) = try trainedModel()
    try model.save(to: path("seed.keras"))
    let seed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path("seed.keras"))))
    let archive = try ZipArchive.decode(seed)
    var generator = RandomGenerator(seed: 11)
    func mutated(_ original: [UInt8], round: Int) -> [UInt8] {
      var bytes = original
      if round % 2 == 0 {
        bytes.removeLast(Int(generator.next() % UInt64(bytes.count)))
      } else {
        for _ in 0...(round % 5) {
          bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
        }
      }
      return bytes
    }
    var refusals: [String: Int] = [:]
    for round in 0..<600 {
      var bytes = seed
      let target = [nil, KerasFile.weightsName, KerasFile.configName][round % 3]
      if let target {
        var members = archive.members
        let index = try #require(members.firstIndex { $0.name == target })
        members[index].bytes = mutated(members[index].bytes, round: round / 3)
        bytes = ZipArchive(members: members).encoded()
      } else {
        bytes = mutated(seed, round: round / 3)
      }
      do {
        _ = try load(bytes, as: "mutant.keras")
      } catch let error as ModelFileError {
        refusals[target ?? "archive", default: 0] += 1
        #expect(!error.description.isEmpty)
      }
    }
    #expect(refusals.count == 3, "each kind of mutation is refused at least once: \(refusals)")
  }
}
