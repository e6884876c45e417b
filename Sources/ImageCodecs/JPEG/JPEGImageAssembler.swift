/// Turns decoded coefficients into an image: inverse DCT of every block into one plane per
/// component, then, 16 output rows at a time, upsampling of subsampled components and colour
/// conversion.
///
/// At scale 1/`scale` each block becomes N×N samples, N = 8/`scale`, and the output is
/// ceil(width/scale) × ceil(height/scale), as with libjpeg's `scale_denom`. As in libjpeg-turbo,
/// a subsampled component is decoded at a larger IDCT size when that saves upsampling (the
/// chroma of a 4:2:0 file at 1/2 scale gets the full 8×8 IDCT), and fancy upsampling is off at
/// 1/8 scale.
enum JPEGImageAssembler {
  /// Returns the image of `decoded` at 1/`scale` size (`scale` is 1, 2, 4 or 8).
  static func makeImage(_ decoded: JPEGDatastream.DecodedCoefficients, scale: Int) throws(ImageProblem) -> Image {
    let frame = decoded.frame
    let blockSize = 8 / scale
    let width = (frame.width + scale - 1) / scale
    let height = (frame.height + scale - 1) / scale
    var planes: [JPEGPlane] = []
    var expansions: [(horizontal: Int, vertical: Int)] = []
    for (index, component) in frame.components.enumerated() {
      let size = componentBlockSize(component, frame: frame, blockSize: blockSize)
      let plane = transformBlocks(
        decoded, componentIndex: index, blockSize: size,
        width: (frame.width * component.horizontalSampling * size + frame.maximumHorizontalSampling * 8 - 1)
          / (frame.maximumHorizontalSampling * 8),
        height: (frame.height * component.verticalSampling * size + frame.maximumVerticalSampling * 8 - 1)
          / (frame.maximumVerticalSampling * 8))
      let horizontalOut = frame.maximumHorizontalSampling * blockSize
      let verticalOut = frame.maximumVerticalSampling * blockSize
      let horizontalIn = component.horizontalSampling * size
      let verticalIn = component.verticalSampling * size
      guard horizontalOut % horizontalIn == 0, verticalOut % verticalIn == 0 else {
        throw .unsupportedFeature(
          "fractional chroma subsampling (component \(component.identifier) is "
            + "\(component.horizontalSampling)×\(component.verticalSampling) of "
            + "\(frame.maximumHorizontalSampling)×\(frame.maximumVerticalSampling))")
      }
      planes.append(plane)
      expansions.append((horizontalOut / horizontalIn, verticalOut / verticalIn))
    }
    let transform = decoded.datastream.colorTransform
    var pixels = [UInt8](repeating: 0, count: width * height * transform.outputChannels)
    convertInStrips(
      planes, expansions: expansions, transform: transform, width: width, height: height, fancy: blockSize > 1,
      into: &pixels)
    return Image(width: width, height: height, channels: transform.outputChannels, pixels: pixels)
  }

  /// Rows of output upsampled and converted per strip: small enough that a strip's upsampled
  /// chroma stays in cache, instead of whole upsampled planes going through memory.
  static let stripHeight = 16

  /// Upsamples the subsampled `planes` a strip of rows at a time and converts each strip's
  /// colours into `pixels`; full-resolution planes are read in place.
  private static func convertInStrips(
    _ planes: [JPEGPlane], expansions: [(horizontal: Int, vertical: Int)], transform: JPEGColorTransform,
    width: Int, height: Int, fancy: Bool, into pixels: inout [UInt8]
  ) {
    var strips = planes.map { _ in
      JPEGPlane(stride: width, rowCount: stripHeight, width: width, height: stripHeight)
    }
    for top in stride(from: 0, to: height, by: stripHeight) {
      let rows = top..<min(top + stripHeight, height)
      var sources: [JPEGPlane] = []
      var firstRows: [Int] = []
      for index in planes.indices {
        let (horizontal, vertical) = expansions[index]
        if horizontal == 1 && vertical == 1 {
          sources.append(planes[index])
          firstRows.append(top)
        } else {
          JPEGUpsampling.upsample(
            planes[index], horizontal: horizontal, vertical: vertical, width: width, rows: rows, fancy: fancy,
            into: &strips[index])
          sources.append(strips[index])
          firstRows.append(0)
        }
      }
      transform.convert(
        sources, firstRows: firstRows, width: width, rowCount: rows.count, into: &pixels, outputRow: top)
    }
  }

  /// The IDCT size of `component`: `blockSize`, doubled while the component is subsampled
  /// enough in both directions that a larger IDCT replaces upsampling (libjpeg-turbo's rule in
  /// jdmaster.c), at most 8.
  static func componentBlockSize(_ component: JPEGFrameHeader.Component, frame: JPEGFrameHeader, blockSize: Int)
    -> Int
  {
    var size = blockSize
    while size < 8
      && (frame.maximumHorizontalSampling * blockSize) % (component.horizontalSampling * size * 2) == 0
      && (frame.maximumVerticalSampling * blockSize) % (component.verticalSampling * size * 2) == 0
    {
      size *= 2
    }
    return size
  }

  /// Inverse-transforms every block of one component into a plane of `blockSize`² samples
  /// per block; `width × height` of them are real samples.
  private static func transformBlocks(
    _ decoded: JPEGDatastream.DecodedCoefficients, componentIndex: Int, blockSize: Int, width: Int, height: Int
  ) -> JPEGPlane {
    let component = decoded.frame.components[componentIndex]
    var plane = JPEGPlane(
      stride: component.blocksPerLine * blockSize, rowCount: component.blocksPerColumn * blockSize, width: width,
      height: height)
    let stride = plane.stride
    let start = decoded.coefficients.componentOffsets[componentIndex]
    var workspace = [Int32](repeating: 0, count: 64)
    decoded.coefficients.values.withUnsafeBufferPointer { values in
      decoded.steps[componentIndex].withUnsafeBufferPointer { steps in
        workspace.withUnsafeMutableBufferPointer { workspace in
          plane.samples.withUnsafeMutableBufferPointer { samples in
            for blockRow in 0..<component.blocksPerColumn {
              for blockColumn in 0..<component.blocksPerLine {
                let block = values.baseAddress! + start + (blockRow * component.blocksPerLine + blockColumn) * 64
                let output = samples.baseAddress! + blockRow * blockSize * stride + blockColumn * blockSize
                if blockSize == 8 {
                  JPEGIDCT.transform(
                    block, steps: steps.baseAddress!, workspace: workspace.baseAddress!, into: output, stride: stride)
                } else if blockSize == 4 {
                  JPEGIDCT.transformReduced4(
                    block, steps: steps.baseAddress!, workspace: workspace.baseAddress!, into: output, stride: stride)
                } else {
                  JPEGIDCT.transformReduced(
                    block, steps: steps.baseAddress!, size: blockSize, workspace: workspace.baseAddress!, into: output,
                    stride: stride)
                }
              }
            }
          }
        }
      }
    }
    return plane
  }
}
