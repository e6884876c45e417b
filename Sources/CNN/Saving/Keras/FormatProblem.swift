/// What is wrong with an untrusted file in one of the formats a `.keras` file nests (ZIP, HDF5,
/// JSON, safetensors), in words for the learner: `"member config.json ends past the end of the
/// archive"`.
struct FormatProblem: Error, Equatable {
  let detail: String

  init(_ detail: String) {
    self.detail = detail
  }

  /// Runs a reader's `body`, turning a read past the end into "is cut off …", so that every
  /// reader reports its problems as one `FormatProblem`.
  static func reading<Result>(_ body: () throws -> Result) throws(FormatProblem) -> Result {
    do {
      return try body()
    } catch let outOfBounds as LittleEndianReader.OutOfBounds {
      throw FormatProblem(
        "is cut off: a read of \(outOfBounds.count) bytes at byte \(outOfBounds.offset) passes its end")
    } catch let problem as FormatProblem {
      throw problem
    } catch {
      throw FormatProblem("cannot be read: \(error)")
    }
  }
}
