/// What a bounded wait for a key gave: a run loop that also waits for background work (the
/// wizard's provider check) reads keys this way and looks at its work between waits.
public enum KeyWait: Equatable, Sendable {
    case key(Key)
    case timedOut
    /// A signal, or the end of input: as `readKey()` returning nil.
    case ended
}

extension Terminal {
    /// A terminal without a bounded wait hands out what is pending, else reports a timeout.
    public func readKey(waitingAtMost milliseconds: Int) -> KeyWait {
        pendingKey().map { .key($0) } ?? .timedOut
    }
}
