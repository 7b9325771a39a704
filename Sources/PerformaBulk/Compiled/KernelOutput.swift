/// A column a kernel writes (and reads back), lent for the entries `first ..< first + buffer.count`: entry `i` of
/// the whole column is `buffer[i - first]`. The one-core pass lends a whole column (`first` 0); each child task of
/// the parallel roll-up lends a buffer of its own that covers only its organizations' entries, so that no two tasks
/// ever hold the same memory.
struct KernelOutput<Element> {
    let buffer: UnsafeMutableBufferPointer<Element>
    let first: Int

    init(_ buffer: UnsafeMutableBufferPointer<Element>, first: Int = 0) {
        self.buffer = buffer
        self.first = first
    }

    @inline(__always)
    subscript(i: Int) -> Element {
        get { buffer[i - first] }
        nonmutating set { buffer[i - first] = newValue }
    }
}
