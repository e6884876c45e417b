import Testing
import ZlibCodecsTestSupport

@testable import ImageCodecs

/// The row-wise triangle upsamplers against their plain per-sample references, on planes of
/// awkward sizes (1, 2, 3 and odd widths; padding beyond the real samples; cropped output).
@Suite struct JPEGUpsamplingTests {
  /// A plane size: real width × height, padded to whole 8-sample blocks.
  struct Shape: CustomStringConvertible, Sendable {
    /// Real samples per row.
    let width: Int
    /// Real rows.
    let height: Int
    /// `W×H`.
    var description: String { "\(width)×\(height)" }
  }

  /// The shapes tested.
  static let shapes = [(1, 1), (2, 1), (1, 2), (3, 3), (8, 8), (9, 5), (31, 24), (17, 33)].map(Shape.init)

  /// A plane of random samples, with different random padding beyond the real ones.
  static func randomPlane(_ shape: Shape, using generator: inout SeededGenerator) -> JPEGPlane {
    let stride = (shape.width + 7) / 8 * 8
    let rows = (shape.height + 7) / 8 * 8
    var plane = JPEGPlane(stride: stride, rowCount: rows, width: shape.width, height: shape.height)
    for index in plane.samples.indices {
      plane.samples[index] = UInt8.random(in: 0...255, using: &generator)
    }
    return plane
  }

  /// Runs one upsampler into a new `width × height` buffer.
  static func run(
    _ plane: JPEGPlane, width: Int, height: Int,
    _ upsampler: (JPEGPlane, UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>, Int, Int) -> Void
  ) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: width * height)
    plane.samples.withUnsafeBufferPointer { input in
      out.withUnsafeMutableBufferPointer { upsampler(plane, input, $0, width, height) }
    }
    return out
  }

  @Test(arguments: shapes)
  func rowWiseTriangleFiltersMatchThePerSampleReferences(_ shape: Shape) {
    var generator = SeededGenerator(state: UInt64(shape.width * 100 + shape.height))
    let plane = Self.randomPlane(shape, using: &generator)
    // The output may be one sample shorter than double (an odd image width or height).
    for (width, height) in [(2 * shape.width, 2 * shape.height), (2 * shape.width - 1, 2 * shape.height - 1)] {
      #expect(
        Self.run(plane, width: width, height: shape.height) {
          JPEGUpsampling.triangleH2V1($0, $1, $2, width: $3, rows: 0..<$4)
        }
          == Self.run(plane, width: width, height: shape.height) {
            JPEGUpsampling.referenceTriangleH2V1($0, $1, $2, width: $3, height: $4)
          })
      #expect(
        Self.run(plane, width: width, height: height) {
          JPEGUpsampling.triangleH2V2($0, $1, $2, width: $3, rows: 0..<$4)
        }
          == Self.run(plane, width: width, height: height) {
            JPEGUpsampling.referenceTriangleH2V2($0, $1, $2, width: $3, height: $4)
          })
      #expect(
        Self.run(plane, width: shape.width, height: height) {
          JPEGUpsampling.triangleH1V2($0, $1, $2, width: $3, rows: 0..<$4)
        }
          == Self.run(plane, width: shape.width, height: height) {
            JPEGUpsampling.referenceTriangleH1V2($0, $1, $2, width: $3, height: $4)
          })
    }
  }

  @Test(arguments: shapes)
  func aStripOfRowsMatchesThoseRowsOfTheWholeOutput(_ shape: Shape) {
    var generator = SeededGenerator(state: UInt64(shape.width * 7 + shape.height))
    let plane = Self.randomPlane(shape, using: &generator)
    let (width, height) = (2 * shape.width, 2 * shape.height)
    let whole = Self.run(plane, width: width, height: height) {
      JPEGUpsampling.referenceTriangleH2V2($0, $1, $2, width: $3, height: $4)
    }
    let rows = (height / 3)..<height
    var strip = JPEGPlane(stride: width, rowCount: rows.count, width: width, height: rows.count)
    JPEGUpsampling.upsample(plane, horizontal: 2, vertical: 2, width: width, rows: rows, fancy: true, into: &strip)
    #expect(strip.samples == Array(whole[(rows.lowerBound * width)...]))
  }

  @Test func aFlatPlaneStaysFlatUnderEveryFilter() {
    var plane = JPEGPlane(stride: 8, rowCount: 8, width: 5, height: 3)
    plane.samples = [UInt8](repeating: 77, count: 64)
    for (h, v) in [(2, 1), (1, 2), (2, 2), (4, 1), (4, 2)] {
      for fancy in [true, false] {
        let (width, height) = (5 * h - 1, 3 * v)
        var strip = JPEGPlane(stride: width, rowCount: height, width: width, height: height)
        JPEGUpsampling.upsample(
          plane, horizontal: h, vertical: v, width: width, rows: 0..<height, fancy: fancy, into: &strip)
        #expect(strip.samples.allSatisfy { $0 == 77 }, "\(h)×\(v), fancy \(fancy)")
      }
    }
  }
}
