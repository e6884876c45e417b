// Platform shim: telling glibc's allocator to keep freed memory for reuse. Training allocates
// and frees the same few megabyte-sized arrays every step; by default glibc hands large blocks
// back to the kernel and asks for them again, and every new page then costs a page fault and
// zeroing (a fifth of a small model's step, measured with `perf stat -e page-faults`). Other
// systems' allocators already keep such blocks; there this does nothing.
#if canImport(Glibc)
  import Glibc
#endif

/// Applies the allocator settings once per process.
enum AllocatorTuning {
  /// Keeps blocks of up to 256 MiB in the heap rather than mapping them one by one, and never
  /// gives the top of the heap back to the kernel before 512 MiB are free.
  static let keepFreedMemory: Void = {
    #if canImport(Glibc)
      // `mallopt` is declared in malloc.h, which the Glibc module leaves out: look it up by name.
      typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
      let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
      let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
      _ = mallopt(mmapThreshold, 256 << 20)
      _ = mallopt(trimThreshold, 512 << 20)
    #endif
  }()
}
