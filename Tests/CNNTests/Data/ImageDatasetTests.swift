import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import CNN

/// `imageDatasetFromDirectory` against Keras's documented behaviour. Every image is a flat colour
/// whose value identifies it, so batches show which file went where.
@Suite(.isolatedSession) struct ImageDatasetTests {
  let folder: ImageFolder
  let captured = CapturedOutput()

  /// Classes `Zebra` (sorts first: capitals come before lower case), `a_cat` and `b_dog`; a hidden
  /// folder, a text file and a nested folder that must be handled as Keras does.
  init() throws {
    folder = try ImageFolder()
    try folder.addImage("a_cat/2.ppm", value: 12)
    try folder.addImage("a_cat/1.PPM", value: 11)
    try folder.addImage("a_cat/inner/0.ppm", value: 13)
    try folder.addImage("b_dog/x.ppm", value: 21)
    try folder.addImage("b_dog/y.ppm", value: 22)
    try folder.addImage("Zebra/z.ppm", value: 31)
    try folder.addImage(".hidden/h.ppm", value: 99)
    try folder.addFile("a_cat/notes.txt", bytes: Array("not an image".utf8))
  }

  func load<Result>(_ body: () throws -> Result) rethrows -> Result {
    try TerminalOutput.$current.withValue(captured.output(isTerminal: false), operation: body)
  }

  /// The identifying value of each image, in the order one pass gives them.
  func values(_ dataset: ImageDataset) -> [Int] {
    dataset.flatMap { batch in (0..<batch.images.shape[0]).map { Int(batch.images[$0, 0, 0, 0]) } }
  }

  @Test func classesAreSortedSubFoldersAndFilesComeInFolderOrder() throws {
    let dataset = try load { try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], shuffle: false) }
    #expect(dataset.classNames == ["Zebra", "a_cat", "b_dog"])
    // In a_cat: files of a_cat itself (sorted: 1.PPM, 2.ppm), then those of a_cat/inner.
    #expect(values(dataset) == [31, 11, 12, 13, 21, 22])
    #expect(dataset.labels == Tensor(labels: [0, 1, 1, 1, 2, 2]))
    #expect(captured.text == "Found 6 files belonging to 3 classes.\n")
  }

  @Test func bitmapFilesAreImagesToo() throws {
    let bitmaps = try ImageFolder()
    // PBM's 1 is black: a raw black 4×4 bitmap (each row 1111 and padding) and a plain white one.
    try bitmaps.addFile("black/b.pbm", bytes: Array("P4\n4 4\n".utf8) + [0xF0, 0xF0, 0xF0, 0xF0])
    try bitmaps.addFile("white/w.PBM", bytes: Array("P1\n4 4\n".utf8) + Array(repeating: UInt8(ascii: "0"), count: 16))
    let dataset = try load {
      try imageDatasetFromDirectory(bitmaps.path, colorMode: .grayscale, imageSize: [4, 4], shuffle: false)
    }
    #expect(values(dataset) == [0, 255])
    #expect(dataset.classNames == ["black", "white"])
  }

  @Test func withoutShufflingEveryPassHasTheSameOrder() throws {
    let dataset = try load {
      try imageDatasetFromDirectory(folder.path, batchSize: 4, imageSize: [4, 4], shuffle: false)
    }
    #expect(values(dataset) == values(dataset))
    #expect(dataset.map { $0.images.shape[0] } == [4, 2])
    #expect(dataset.batchCount == 2 && dataset.count == 6)
  }

  @Test func shufflingIsSeededAndNewOnEveryPass() throws {
    let first = try load { try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], seed: 3) }
    let second = try load { try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], seed: 3) }
    let passes = (0..<4).map { _ in values(first) }
    #expect(passes == (0..<4).map { _ in values(second) })
    #expect(Set(passes).count > 1)
    #expect(passes.allSatisfy { $0.sorted() == [11, 12, 13, 21, 22, 31] })
    for (images, labels) in first {
      let expected = (0..<images.shape[0]).map { Int(images[$0, 0, 0, 0]) / 10 }.map { [3: 0, 1: 1, 2: 2][$0]! }
      #expect(labels.classIndices == expected)
    }
  }

  @Test func labelModesGiveKerasShapes() throws {
    let categorical = try load {
      try imageDatasetFromDirectory(folder.path, labelMode: .categorical, imageSize: [4, 4], shuffle: false)
    }
    #expect(categorical.labels.shape == [6, 3])
    #expect(categorical.labels[0] == Tensor([1, 0, 0]))
    let none = try load { try imageDatasetFromDirectory(folder.path, labelMode: .none, imageSize: [4, 4]) }
    #expect(none.labels.shape == [6, 0])
    let binary = try load {
      try imageDatasetFromDirectory(
        folder.path, labelMode: .binary, classNames: ["b_dog", "a_cat"], imageSize: [4, 4], shuffle: false)
    }
    #expect(binary.classNames == ["b_dog", "a_cat"])
    #expect(binary.labels == Tensor(shape: [5, 1], scalars: [0, 0, 1, 1, 1]))
    #expect(captured.text.contains("Found 6 files.\n"))
  }

  @Test func colorModesGiveOneThreeOrFourChannels() throws {
    for (mode, channels) in [(ColorMode.grayscale, 1), (.rgb, 3), (.rgba, 4)] {
      let dataset = try load { try imageDatasetFromDirectory(folder.path, colorMode: mode, imageSize: [2, 3]) }
      #expect(dataset.imageShape == [2, 3, channels])
      let batch = try #require(dataset.makeIterator().next())
      #expect(batch.images.shape == [6, 2, 3, channels])
    }
  }

  @Test func validationSplitTakesTheLastFilesOfTheShuffledOrder() throws {
    let (training, validation) = try load {
      try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], seed: 7, validationSplit: 0.34, subset: .both)
    }
    // ⌊0.34 · 6⌋ = 2 files for validation, as Keras's int(split · n).
    #expect(training.count == 4 && validation.count == 2)
    #expect(Set(training.filePaths).isDisjoint(with: validation.filePaths))
    #expect(Set(training.filePaths + validation.filePaths).count == 6)
    #expect(
      captured.text
        == "Found 6 files belonging to 3 classes.\nUsing 4 files for training.\nUsing 2 files for validation.\n")
    let alone = try load {
      try imageDatasetFromDirectory(
        folder.path, imageSize: [4, 4], seed: 7, validationSplit: 0.34, subset: .validation)
    }
    #expect(Set(alone.filePaths) == Set(validation.filePaths))
    #expect(values(validation) == values(validation))
  }

  @Test func inconsistentArgumentsAreRefusedAsKerasRefusesThem() {
    #expect(throws: ImageDatasetError.splitWithoutSubset) {
      try imageDatasetFromDirectory(folder.path, seed: 1, validationSplit: 0.2, verbose: false)
    }
    #expect(throws: ImageDatasetError.subsetWithoutSplit) {
      try imageDatasetFromDirectory(folder.path, subset: .training, verbose: false)
    }
    #expect(throws: ImageDatasetError.splitNeedsSeed) {
      try imageDatasetFromDirectory(folder.path, validationSplit: 0.2, subset: .training, verbose: false)
    }
    #expect(throws: ImageDatasetError.binaryNeedsTwoClasses(found: ["Zebra", "a_cat", "b_dog"])) {
      try imageDatasetFromDirectory(folder.path, labelMode: .binary, verbose: false)
    }
    #expect(throws: ImageDatasetError.unknownClassNames(given: ["cow"], found: ["Zebra", "a_cat", "b_dog"])) {
      try imageDatasetFromDirectory(folder.path, classNames: ["cow"], verbose: false)
    }
    #expect(throws: ImageDatasetError.folderNotFound(folder.path + "/missing")) {
      try imageDatasetFromDirectory(folder.path + "/missing", verbose: false)
    }
  }

  @Test func aFolderWithoutImagesSaysWhatItExpects() throws {
    let empty = try ImageFolder()
    try empty.addFile("cat/readme.txt", bytes: [0x41])
    let error = #expect(throws: ImageDatasetError.self) { try imageDatasetFromDirectory(empty.path, verbose: false) }
    #expect(error?.description.contains("No images found in directory \(empty.path)") == true)
  }

  @Test func aFileThatWillNotDecodeIsSkippedWithItsName() throws {
    let broken = try folder.addFile("b_dog/broken.png", bytes: Array("just text, named .png".utf8))
    let dataset = try load { try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], shuffle: false) }
    #expect(dataset.count == 6)
    #expect(!dataset.filePaths.contains(broken))
    #expect(dataset.skippedFiles.map(\.path) == [broken])
    #expect(
      captured.text == """
        Found 7 files belonging to 3 classes.
        Skipped 1 of 7 files that could not be decoded: b_dog/broken.png (not an image).
          Using the other 6.

        """)
  }

  @Test func manySkippedFilesMakeOneLineNamingTheFirstThree() throws {
    try folder.addFile("Zebra/empty.png", bytes: [])
    try folder.addFile("a_cat/cut.ppm", bytes: Array("P6\n4 4\n255\n".utf8) + [1, 2, 3])
    try folder.addFile("a_cat/really-a.gif", bytes: Array("GIF89a".utf8) + [0, 0, 0, 0])
    try folder.addFile("b_dog/text.jpg", bytes: Array("hello".utf8))
    let dataset = try load {
      try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], shuffle: false, verbose: false)
    }
    #expect(dataset.count == 6 && dataset.skippedFiles.count == 4)
    #expect(
      captured.text == """
        Skipped 4 of 10 files that could not be decoded: Zebra/empty.png (empty),
          a_cat/cut.ppm (cut off), a_cat/really-a.gif (GIF, not supported) and 1 more
          (`skippedFiles` lists them all). Using the other 6.

        """)
    #expect(dataset.skippedFiles.last?.problem == .unknownFormat(firstBytes: Array("hello".utf8)))
  }

  @Test func imagesAreDecodedOnceAndKept() throws {
    let dataset = try load { try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], shuffle: false) }
    let before = values(dataset)
    for path in dataset.filePaths { try FileManager.default.removeItem(atPath: path) }
    #expect(values(dataset) == before)
    #expect(!captured.text.contains("Warning"))
  }

  @Test func takeGivesTheFirstBatches() throws {
    let dataset = try load {
      try imageDatasetFromDirectory(folder.path, batchSize: 2, imageSize: [4, 4], shuffle: false)
    }
    let first = dataset.take(1)
    #expect(first.batchCount == 1)
    #expect(values(first) == [31, 11])
  }

  @Test func linkedFoldersAreFollowedOnlyWhenAsked() throws {
    let elsewhere = try ImageFolder()
    try elsewhere.addImage("more/m.ppm", value: 41)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/b_dog/linked", withDestinationPath: elsewhere.path + "/more")
    let plain = try load { try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], shuffle: false) }
    let following = try load {
      try imageDatasetFromDirectory(folder.path, imageSize: [4, 4], shuffle: false, followLinks: true)
    }
    #expect(plain.count == 6)
    #expect(values(following).last == 41)
  }

  @Test func resizingAndCroppingFollowKeras() throws {
    let wide = try ImageFolder()
    // 4×2 image: left half 0, right half 200; cropping to a square keeps the middle two columns.
    let columnValues: [UInt8] = [0, 0, 200, 200]
    try wide.addImage(
      "c/w.ppm", width: 4, height: 2,
      rgb: (0..<8).flatMap { pixel in Array(repeating: columnValues[pixel % 4], count: 3) })
    let squashed = try load { try imageDatasetFromDirectory(wide.path, imageSize: [2, 2], interpolation: .nearest) }
    let cropped = try load {
      try imageDatasetFromDirectory(wide.path, imageSize: [2, 2], interpolation: .nearest, cropToAspectRatio: true)
    }
    let squashedBatch = try #require(squashed.makeIterator().next()).images
    let croppedBatch = try #require(cropped.makeIterator().next()).images
    #expect(squashedBatch[0, 0, 0, 0] == 0 && squashedBatch[0, 0, 1, 0] == 200)
    #expect(croppedBatch[0, 0, 0, 0] == 0 && croppedBatch[0, 0, 1, 0] == 200)
    let blurred = try load { try imageDatasetFromDirectory(wide.path, imageSize: [2, 3]) }
    // The middle of three columns samples the old row at x = 1.5: half of 0 and half of 200.
    #expect(try #require(blurred.makeIterator().next()).images[0, 0, 1, 0] == 100)
  }
}
