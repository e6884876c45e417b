/// Writes shapes the way `model.summary()` and Keras messages do: `(None, 30, 30, 16)` for a batch
/// of any size, `(32, 30, 30, 16)` for a concrete one.
enum ShapeNotation {
  /// A per-item shape with a free batch axis: `[30, 30, 16]` → `(None, 30, 30, 16)`.
  static func batched(_ itemShape: [Int]) -> String {
    "(" + (["None"] + itemShape.map(String.init)).joined(separator: ", ") + ")"
  }

  /// A complete shape: `[32, 28, 28]` → `(32, 28, 28)`; `[3600]` → `(3600,)` as Python writes it.
  static func concrete(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }
}
