@testable import ZlibCodecs

extension InflateError {
  /// The case's name, such as `truncated`, to compare kinds of error without their details.
  var caseName: String {
    switch self {
    case .truncated: return "truncated"
    case .checksumMismatch: return "checksumMismatch"
    case .needsPresetDictionary: return "needsPresetDictionary"
    case .corrupt: return "corrupt"
    }
  }

  /// The error's detail text: where the data stops or what is wrong with it ("" for the
  /// cases without one).
  var detail: String {
    switch self {
    case .truncated(let text), .corrupt(let text): return text
    case .checksumMismatch, .needsPresetDictionary: return ""
    }
  }
}
