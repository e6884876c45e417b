import Foundation

/// Speed measurements of the kernels themselves, for `lesson bench`.
public enum KernelBenchmark {
  /// The GFLOPS the matrix product reaches on `size` × `size` × `size` matrices with the kernels'
  /// threads (`ComputeThreads.count`): the best of `rounds`. Large products run at the
  /// micro-kernel's speed, so this is the ceiling the layers' arithmetic is measured against.
  public static func matrixProductGigaflops(size: Int = 1024, rounds: Int = 3) -> Double {
    let a = [Float](repeating: 0.5, count: size * size)
    let b = [Float](repeating: 0.25, count: size * size)
    var best = 0.0
    for _ in 0..<max(1, rounds) {
      let start = Date()
      _ = matrixProduct(a, b, rows: size, inner: size, columns: size)
      best = max(best, 2 * Double(size * size * size) / Date().timeIntervalSince(start) / 1e9)
    }
    return best
  }
}
