/// Floyd–Steinberg error diffusion: draws a picture with a few fixed colours so that each small
/// patch keeps the average colour of the original, which is how gradients and photos keep their
/// look in 16 or 256 colours.
///
/// Pixels are visited row by row, alternately left to right and right to left (serpentine, so the
/// error does not drift one way and leave diagonal streaks). Each pixel, plus the error carried to
/// it, is drawn with the nearest palette entry (`TerminalPalette.nearestIndex`), and what that
/// entry misses is handed on to the unvisited neighbours: 7/16 ahead, 3/16 below behind, 5/16
/// below and 1/16 below ahead (Floyd and Steinberg, 1976). The error is measured in linear light,
/// where averaging colours is physically right. The wanted colour (pixel plus carried error) is
/// matched as it is, even where it strays outside the displayable range, so that a patch still
/// averages out to its colour: clamping it first would throw the excess away (a brown drawn with
/// gray 8 in 16 colours kept too much blue). It is capped at half the range beyond either end,
/// so the error stays bounded. The result depends only on the input.
enum ErrorDiffusion {
  /// The palette index of each of `width`×`height` pixels (row by row), dithered.
  static func paletteIndices(of pixels: [RGBColor], width: Int, height: Int, palette: TerminalPalette) -> [Int] {
    precondition(pixels.count == width * height, "ErrorDiffusion: pixel count does not match the size")
    let linearPalette = palette.colours.map(LinearRGB.init)
    var wanted = pixels.map(LinearRGB.init)
    var indices = Array(repeating: 0, count: pixels.count)
    for y in 0..<height {
      let leftToRight = y % 2 == 0
      let step = leftToRight ? 1 : -1
      for x in leftToRight ? Array(0..<width) : Array((0..<width).reversed()) {
        let here = y * width + x
        let target = wanted[here].clamped(to: -0.5...1.5)
        let index = palette.nearestIndex(to: target, keepingHue: false)
        indices[here] = index
        let error = target - linearPalette[index]
        func spread(_ dx: Int, _ dy: Int, _ weight: Double) {
          let (nx, ny) = (x + dx * step, y + dy)
          guard nx >= 0, nx < width, ny < height else { return }
          wanted[ny * width + nx] = wanted[ny * width + nx] + weight * error
        }
        spread(1, 0, 7 / 16)
        spread(-1, 1, 3 / 16)
        spread(0, 1, 5 / 16)
        spread(1, 1, 1 / 16)
      }
    }
    return indices
  }
}
