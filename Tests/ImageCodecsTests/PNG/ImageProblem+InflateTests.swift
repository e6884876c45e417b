import Testing
import ZlibCodecs

@testable import ImageCodecs

/// A PNG whose image data cannot be decompressed says so in the words it always used: the
/// compression module's errors are reworded as problems of an image file.
@Suite struct ImageProblemInflateTests {
  @Test func eachInflateErrorBecomesTheImageProblemItAlwaysWas() {
    #expect(
      ImageProblem(InflateError.truncated("it stops after 9 bytes"))
        == .truncated("the IDAT data ends before the image does: it stops after 9 bytes"))
    #expect(
      ImageProblem(InflateError.checksumMismatch(stored: 1, computed: 2))
        == .checksumMismatch(what: "the decompressed data (its zlib Adler-32)", stored: 1, computed: 2))
    #expect(
      ImageProblem(InflateError.needsPresetDictionary)
        == .corruptCompressedData("the zlib stream needs a preset dictionary, which PNG never uses"))
    #expect(ImageProblem(InflateError.corrupt("a block of type 3")) == .corruptCompressedData("a block of type 3"))
  }

}
