import Foundation

/// Hands out Keras-style automatic names: the first `Conv2D` is `conv2d`, the next `conv2d_1`, and
/// so on, per process (Keras's `uniquify`).
///
/// A task can bind a scope of its own (`LayerNaming.$current.withValue(…)`); tests do, so that
/// names do not depend on the layers other tests create in parallel.
final class LayerNaming: @unchecked Sendable {
  /// The scope in use: the process-wide one unless a task set its own.
  @TaskLocal static var current = LayerNaming()

  private let lock = NSLock()
  private var nextSuffix: [String: Int] = [:]

  /// Returns `stem` the first time, then `stem_1`, `stem_2`, … skipping names already handed out.
  func uniqueName(for stem: String) -> String {
    lock.withLock {
      guard let suffix = nextSuffix[stem] else {
        nextSuffix[stem] = 1
        return stem
      }
      var candidate = suffix
      while nextSuffix["\(stem)_\(candidate)"] != nil { candidate += 1 }
      nextSuffix[stem] = candidate + 1
      return "\(stem)_\(candidate)"
    }
  }

  /// Forgets every name handed out.
  func reset() {
    lock.withLock { nextSuffix.removeAll() }
  }

  /// The next suffix of every stem handed out: what the names to come depend on.
  var suffixes: [String: Int] {
    get { lock.withLock { nextSuffix } }
    set { lock.withLock { nextSuffix = newValue } }
  }

  /// The snake_case form of a class name, as Keras's `to_snake_case` writes it:
  /// `MaxPooling2D` → `max_pooling2d`, `InputLayer` → `input_layer`.
  static func snakeCase(_ className: String) -> String {
    let characters = Array(className.filter { $0.isLetter || $0.isNumber || $0 == "_" })
    var result = ""
    for (i, character) in characters.enumerated() {
      if i > 0 && character.isUppercase {
        let previous = characters[i - 1]
        let next = i + 1 < characters.count ? characters[i + 1] : nil
        // A capital starts a new word after a lowercase letter (`pooling2D` stays whole only when
        // the capital is not followed by a lowercase letter) or before a lowercase one (`Pooling`).
        let startsWord = previous.isLowercase || (next?.isLowercase ?? false)
        if startsWord && previous != "_" { result.append("_") }
      }
      result.append(character)
    }
    return result.lowercased()
  }
}

/// Forgets every automatic layer and model name handed out so far, so the next `Conv2D` is called
/// `conv2d` again: Keras's `keras.backend.clear_session()`.
public func clearSession() {
  LayerNaming.current.reset()
}
