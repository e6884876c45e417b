/// The eight values of the EXIF Orientation tag (0x0112), named by what turns the stored pixels
/// upright. Cameras store a photo as the sensor saw it and record how the camera was held; a
/// viewer that honours the tag turns the picture before showing it.
///
///     ExifOrientation(rawValue: 6)   // .rotate90Clockwise: a phone held upright
public enum ExifOrientation: Int, CaseIterable, Sendable {
  /// 1: stored upright.
  case upright = 1
  /// 2: stored mirrored left to right.
  case flipHorizontally = 2
  /// 3: stored upside down.
  case rotate180 = 3
  /// 4: stored mirrored top to bottom.
  case flipVertically = 4
  /// 5: stored mirrored along the diagonal from the top-left corner (rows became columns).
  case transpose = 5
  /// 6: stored turned a quarter to the left; shown turned a quarter clockwise.
  case rotate90Clockwise = 6
  /// 7: stored mirrored along the diagonal from the top-right corner.
  case transverse = 7
  /// 8: stored turned a quarter to the right; shown turned a quarter counter-clockwise.
  case rotate90CounterClockwise = 8

  /// Whether turning the picture upright swaps its width and height.
  public var swapsWidthAndHeight: Bool { rawValue >= 5 }

  /// What a viewer does to show the picture upright, in words: "turn it 90° clockwise".
  public var instruction: String {
    switch self {
    case .upright: return "already upright"
    case .flipHorizontally: return "mirror it left to right"
    case .rotate180: return "turn it 180°"
    case .flipVertically: return "mirror it top to bottom"
    case .transpose: return "mirror it along its main diagonal"
    case .rotate90Clockwise: return "turn it 90° clockwise"
    case .transverse: return "mirror it along its other diagonal"
    case .rotate90CounterClockwise: return "turn it 90° counter-clockwise"
    }
  }
}
