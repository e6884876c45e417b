import CNN
import CNNTestSupport
import Foundation
import ImageCodecs
import Testing

@testable import lesson

@Suite(.isolatedSession) struct PhotosBenchTests {
  static let datasets = ShippedLessonTests.root + "/Datasets"

  @Test func benchPhotosTakesAFolderOrNoneAndItsOptions() throws {
    #expect(try LessonCommand.parse(["bench", "photos"]) == .benchPhotos(PhotosBenchOptions()))
    var options = PhotosBenchOptions(folder: "pets", model: .lesson, epochs: 1, imageSize: [64, 48], images: 2_000)
    options.json = true
    #expect(
      try LessonCommand.parse([
        "bench", "photos", "pets", "--model", "lesson", "--epochs", "1", "--image-size", "64", "48", "--json",
      ]) == .benchPhotos(options))
    var kept = PhotosBenchOptions()
    kept.keptFolder = "made"
    #expect(try LessonCommand.parse(["bench", "photos", "--keep", "made"]) == .benchPhotos(kept))
    #expect(throws: UsageError.conflicting("DIR", "--keep", reason: "photos are made only when no DIR is given")) {
      try LessonCommand.parse(["bench", "photos", "pets", "--keep", "made"])
    }
  }

  @Test func theMadePhotosAreCameraSizedJPEGsOneFolderPerClassTheSameForTheSameSeed() throws {
    let first = try TemporaryFolder(prefix: "photos")
    let second = try TemporaryFolder(prefix: "photos")
    try BenchmarkPhotos.generate(count: 6, into: first.path, datasets: Self.datasets)
    try BenchmarkPhotos.generate(count: 6, into: second.path, datasets: Self.datasets)
    let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).filter { $0.hasSuffix(".jpg") }.sorted()
    #expect(
      files == [
        "astronaut/astronaut-0000.jpg", "astronaut/astronaut-0001.jpg", "cat/cat-0000.jpg",
        "cat/cat-0001.jpg", "coffee/coffee-0000.jpg", "rocket/rocket-0000.jpg",
      ])
    for file in files {
      let info = try Image.info(contentsOf: first.path(file))
      #expect(info.format == .jpeg && info.width == 500 && info.height == 375 && info.channels == 3, "\(file)")
      #expect(
        FileManager.default.contents(atPath: first.path(file))
          == FileManager.default.contents(atPath: second.path(file)))
    }
    // Crops differ: two images of one class are not the same picture.
    #expect(
      FileManager.default.contents(atPath: first.path(files[0]))
        != FileManager.default.contents(atPath: first.path(files[1])))
  }

  @Test func aSmallRunReportsEveryPartAsLinesAndAsJSON() throws {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    let small = ["bench", "photos", "--images", "8", "--epochs", "2", "--image-size", "32", "32"]
    #expect(run.run(small, capabilities: .plain(width: 80)) == LessonCommand.Status.success, "\(run.errors)")
    for part in [
      "making the photos", "listing and decoding", "epoch 1:", "epoch 2:",
      "total (wall clock)", "peak memory", "8 images in 4 classes at 32×32×3",
      "Time per training step of 32 images, by layer", "conv2d_2 ", "optimizer ",
    ] {
      #expect(run.output.contains(part), "\(part) in\n\(run.output)")
    }
    let json = InProcessRun()
    defer { json.removeWorkspace() }
    #expect(json.run(small + ["--json"], capabilities: .plain(width: 80)) == LessonCommand.Status.success)
    let report = try JSONDecoder().decode(PhotosBenchReport.self, from: Data(json.output.utf8))
    #expect(report.images == 8 && report.classes == 4 && report.epochSeconds.count == 2)
    #expect(report.totalSeconds >= report.decodingSeconds + report.epochSeconds.reduce(0, +))
    #expect(report.layers.map(\.className).prefix(2) == ["Rescaling", "Conv2D"])
  }

  @Test func keptPhotosStayInTheirFolderWhichMustBeEmpty() throws {
    let folder = try TemporaryFolder(prefix: "kept")
    let kept = folder.path("photos")
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    let arguments = ["bench", "photos", "--images", "8", "--epochs", "1", "--image-size", "32", "32", "--keep", kept]
    #expect(run.run(arguments, capabilities: .plain(width: 80)) == LessonCommand.Status.success, "\(run.errors)")
    let made = try FileManager.default.subpathsOfDirectory(atPath: kept).filter { $0.hasSuffix(".jpg") }
    #expect(made.count == 8)
    let again = InProcessRun()
    defer { again.removeWorkspace() }
    #expect(again.run(arguments, capabilities: .plain(width: 80)) != LessonCommand.Status.success)
    #expect(again.errors.contains("--keep must be a folder that does not exist yet or is empty"), "\(again.errors)")
  }
}
