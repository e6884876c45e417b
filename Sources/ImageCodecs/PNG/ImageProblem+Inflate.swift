import ZlibCodecs

extension ImageProblem {
  /// Creates the problem a PNG file has when its joined IDAT data cannot be decompressed: a
  /// cut-off or damaged image file.
  init(_ error: InflateError) {
    switch error {
    case .truncated(let detail):
      self = .truncated("the IDAT data ends before the image does: \(detail)")
    case .checksumMismatch(let stored, let computed):
      self = .checksumMismatch(what: "the decompressed data (its zlib Adler-32)", stored: stored, computed: computed)
    case .needsPresetDictionary:
      self = .corruptCompressedData("the zlib stream needs a preset dictionary, which PNG never uses")
    case .corrupt(let detail):
      self = .corruptCompressedData(detail)
    }
  }
}
