/// How `Image.resized(width:height:interpolation:)` picks the value of each output pixel; the
/// names are those of Keras's `interpolation` argument and `tf.image.ResizeMethod`.
///
/// Both use half-pixel centres, as `tf.image.resize` has since TensorFlow 2: output pixel `i` of
/// `n` sits at `(i + 0.5) / n` of the way across, just as input pixels do, so the image is not
/// shifted by resizing.
public enum Interpolation: String, Sendable, CaseIterable {
  /// Blends the four nearest input pixels, weighted by closeness (Keras's default).
  case bilinear
  /// Copies the input pixel whose area holds the output pixel's centre.
  case nearest
}
