import CNNTestSupport
import Testing

@testable import CNN

/// The cache keeps 8-bit pixels: resized images rounded to the nearest value, others exactly.
@Suite(.isolatedSession) struct ImageCacheTests {
  let folder: ImageFolder

  init() throws {
    folder = try ImageFolder()
  }

  func cache(height: Int, width: Int, fileCount: Int = 1) -> ImageCache {
    ImageCache(
      height: height, width: width, colorMode: .rgb, interpolation: .bilinear, cropToAspectRatio: false,
      usesExifOrientation: false, fileCount: fileCount)
  }

  @Test func aResizedImageIsKeptRoundedToTheNearestPixelValue() throws {
    // One row of three pixels, 10, 20 and 201, shrunk to two. Half-pixel centres put the new
    // pixels at x = 0.25 and x = 1.75 of the old row: 0.75 · 10 + 0.25 · 20 = 12.5, which rounds
    // up to 13, and 0.25 · 20 + 0.75 · 201 = 155.75, which rounds to 156.
    let path = try folder.addImage("c/row.ppm", width: 3, height: 1, rgb: [10, 20, 201].flatMap { [$0, $0, $0] })
    #expect(try cache(height: 1, width: 2).load(path) == [13, 13, 13, 156, 156, 156])
  }

  @Test func anImageAlreadyAtTheTargetSizeIsKeptExactly() throws {
    let pixels = (0..<(5 * 3 * 3)).map { UInt8($0 * 5) }
    let path = try folder.addImage("c/exact.ppm", width: 5, height: 3, rgb: pixels)
    #expect(try cache(height: 3, width: 5).load(path) == pixels)
  }

  @Test func eachKeptImageTakesOneBytePerSample() throws {
    let paths = try (0..<3).map { try folder.addImage("c/\($0).ppm", value: UInt8($0), width: 8, height: 8) }
    let cache = cache(height: 6, width: 7, fileCount: paths.count)
    #expect(cache.preload(paths).allSatisfy { $0 == nil })
    #expect(cache.keptBytes == 3 * 6 * 7 * 3)
    _ = try cache.load(paths[0])
    #expect(cache.keptBytes == 3 * 6 * 7 * 3, "a file loaded again is not kept twice")
  }

  @Test func preloadingGivesEachFilesErrorInFileOrder() throws {
    var paths: [String] = []
    for index in 0..<9 {
      paths.append(
        index % 4 == 1
          ? try folder.addFile("c/\(index).png", bytes: Array("not a picture \(index)".utf8))
          : try folder.addImage("c/\(index).ppm", value: UInt8(index)))
    }
    let errors = cache(height: 4, width: 4, fileCount: paths.count).preload(paths)
    #expect(errors.map { $0?.path } == paths.indices.map { $0 % 4 == 1 ? paths[$0] : nil })
  }

  @Test func decodingOnSeveralThreadsGivesWhatOneThreadGives() throws {
    var paths: [String] = []
    for index in 0..<11 {
      paths.append(
        index % 3 == 2
          ? try folder.addFile("c/\(index).jpg", bytes: [0xFF, 0xD8, 0xFF, UInt8(index)])
          : try folder.addImage("c/\(index).ppm", value: UInt8(index * 20), width: 5 + index, height: 4))
    }
    let (alone, shared) = (cache(height: 4, width: 4, fileCount: 11), cache(height: 4, width: 4, fileCount: 11))
    let errors = alone.preload(paths, threads: 1)
    #expect(shared.preload(paths, threads: 3).map { $0.map(\.description) } == errors.map { $0.map(\.description) })
    #expect(errors.map { $0 != nil } == paths.indices.map { $0 % 3 == 2 })
    for path in paths where !path.hasSuffix(".jpg") {
      #expect(try shared.load(path) == alone.load(path))
    }
    #expect(shared.keptBytes == alone.keptBytes)
  }

  @Test func aBatchHoldsTheKeptPixelsOfEachFileInTurn() throws {
    let paths = try [7, 9].map { try folder.addImage("c/\($0).ppm", value: UInt8($0), width: 2, height: 2) }
    let batch = cache(height: 2, width: 2, fileCount: 2).batch(of: paths.reversed())
    #expect(batch.shape == [2, 2, 2, 3])
    #expect(batch.pixels == Array(repeating: 9, count: 12) + Array(repeating: 7, count: 12))
  }
}
