/// A terminal in memory for tests: keys come from a queue, frames are recorded.
///
/// Keys enqueued with `enqueue` arrive one at a time (`pendingKey()` returns nil before each);
/// keys enqueued with `enqueueBurst` arrive together, so a run loop that drains `pendingKey()` sees
/// them in one go, as it would a fast typist or a paste without bracketed-paste support.
/// `readKey()` returns nil when the queue is empty: to the run loop, input has ended.
public final class MemoryTerminal: Terminal {
    public var size: (rows: Int, columns: Int)
    /// Every frame drawn, oldest first.
    public private(set) var frames: [Frame] = []
    public private(set) var drawCount = 0
    public private(set) var invalidateCount = 0
    /// Keys not yet read; `arrivesWithPrevious` marks a key `pendingKey()` may return, `newSize`
    /// the size a `.resize` brings.
    private var queue: [(key: Key, arrivesWithPrevious: Bool, newSize: (rows: Int, columns: Int)?)] = []

    public init(rows: Int = 24, columns: Int = 80, keys: [Key] = []) {
        size = (rows, columns)
        enqueue(keys)
    }

    /// The last frame drawn, or nil before the first draw.
    public var lastFrame: Frame? { frames.last }

    /// Keys not read yet.
    public var remainingKeys: [Key] { queue.map(\.key) }

    /// Queues keys that arrive one by one.
    public func enqueue(_ keys: [Key]) {
        queue += keys.map { ($0, false, nil) }
    }

    public func enqueue(_ keys: Key...) {
        enqueue(keys)
    }

    /// Queues keys that arrive together: all but the first are already pending when the first is read.
    public func enqueueBurst(_ keys: [Key]) {
        queue += keys.enumerated().map { ($0.element, $0.offset > 0, nil) }
    }

    /// Queues each character of `text` as a `.character` key, one by one.
    public func type(_ text: String) {
        enqueue(text.map(Key.character))
    }

    /// Queues `.resize`; the size changes when that key is read, as a real terminal's does when
    /// ncurses handles SIGWINCH.
    public func resize(rows: Int, columns: Int) {
        queue.append((.resize, false, (rows, columns)))
    }

    public func draw(_ frame: Frame) {
        drawCount += 1
        frames.append(frame)
    }

    public func readKey() -> Key? {
        queue.isEmpty ? nil : take()
    }

    public func pendingKey() -> Key? {
        guard let next = queue.first, next.arrivesWithPrevious else { return nil }
        return take()
    }

    private func take() -> Key {
        let next = queue.removeFirst()
        if let newSize = next.newSize { size = newSize }
        return next.key
    }

    public func invalidate() {
        invalidateCount += 1
    }
}
