// Writing an image as a JPEG file, the format of camera photos.

extension Image {
  /// Returns the image encoded as a baseline JPEG file, as a camera or `cjpeg` writes one.
  ///
  /// Gray images (and gray with alpha) become a one-component JPEG; RGB and RGBA become YCbCr
  /// with the colour at half the width and height (4:2:0), as cameras store it. JPEG has no
  /// alpha, so alpha is dropped. `quality` (clamped to 1...100, as in libjpeg and Pillow) scales
  /// the standard quantisation tables: lower quality gives smaller files and blurrier pictures.
  /// The same image and quality always give the same bytes.
  ///
  ///     let cat = try Image(contentsOf: "Datasets/photos/chelsea.png")
  ///     let jpeg = cat.jpegData(quality: 90)   // 35,619 bytes; the PNG has 218,916
  ///     let back = try Image(decoding: jpeg)   // 451×300, 3 channels, close to `cat`
  ///
  /// - Precondition: the image is 1×1 to 65,535×65,535 pixels, the most a JPEG holds;
  ///   `encoded(as: .jpeg)` throws instead.
  public func jpegData(quality: Int = 90) -> [UInt8] {
    JPEGEncoder.encode(self, quality: quality)
  }
}
