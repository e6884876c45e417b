import Foundation

/// Numbers written for people: as many decimals as a tolerance makes meaningful, never
/// `0.023666666666666725`.
enum NumberText {
  /// `value` with the decimals `tolerance` calls for (0.005 → 2, 0.001 → 3), or as it is when the tolerance
  /// is 0 and it is not whole (then it is shown as computed, up to 6 significant digits).
  static func rounded(_ value: Double, tolerance: Double) -> String {
    guard tolerance > 0 else {
      return value.rounded() == value && Swift.abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
    // A tolerance of 0.005 is "to two decimals": the value is shown to the places it must match.
    let decimals = Swift.max(0, Int((-log10(tolerance * 2) - 1e-9).rounded(.up)))
    return String(format: "%.\(decimals)f", value)
  }
}
