/// A few colours for amounts from some to most, each darker than the one before, for tinting
/// cells by a count; zero is left untinted, so an empty cell never glares on a dark or a light
/// background.
///
/// The steps are few on purpose and sit on the 256-colour cube, and each is drawn with a
/// different entry in 16 colours too (`TerminalPalette`), so a difference seen in 24-bit is seen
/// in every mode, in the same order of lightness.
///
///     Palette.mistakes.colour(of: 14, maximum: 14)   // the darkest step
///     Palette.mistakes.colour(of: 0, maximum: 14)    // nil: untinted
public struct HeatScale: Sendable {
  /// The colours, from the step for the smallest amounts to the one for the largest.
  public let steps: [RGBColor]

  /// Creates a scale of at least one step, lightest first.
  public init(steps: [RGBColor]) {
    precondition(!steps.isEmpty, "HeatScale: a scale needs at least one step")
    self.steps = steps
  }

  /// The colour of `value` out of `maximum`: nil for zero (or less), otherwise the step whose
  /// share of the range holds it, so `maximum` always gets the last step and any value above
  /// zero at least the first.
  public func colour(of value: Int, maximum: Int) -> RGBColor? {
    guard value > 0, maximum > 0 else { return nil }
    let step = (Swift.min(value, maximum) * steps.count + maximum - 1) / maximum
    return steps[Swift.max(1, step) - 1]
  }
}
