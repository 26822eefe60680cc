#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Synchronization

/// The last terminating signal received (0 = none). The handler only stores into it, which is
/// async-signal-safe; everything else (endwin, messages, the exit) happens on the main loop.
private let pendingSignal = Atomic<Int32>(0)

/// The thread that installed the guard, which is the one blocked in `readKey()`. A signal sent to
/// the process may be delivered to any thread; only on this one does it interrupt the read.
private let readerThread = Atomic<UInt>(0)

/// Dispositions replaced by `install()`, for `uninstall()`. Touched only from the main flow.
/// (A list, not a dictionary: Dictionary<Int32, sigaction> costs a runtime conformance scan at start.)
nonisolated(unsafe) private var replacedActions: [(signal: Int32, action: sigaction)] = []

/// Catches the signals that end a session (Ctrl-C from `kill -INT`, SIGTERM, SIGHUP when SSH drops,
/// SIGQUIT) so the run loop can restore the terminal before the process dies.
///
/// The handlers are installed without `SA_RESTART`, so a blocking read returns EINTR and
/// `Terminal.readKey()` returns nil; the loop then checks `pending`, restores the terminal and calls
/// `exitForPendingSignal()`, which re-raises the signal so the exit status is 128+N.
/// ncurses installs its own SIGINT/SIGTERM handlers in `newterm`; `CursesTerminal` installs the
/// guard after that, so these win.
public enum SignalGuard {
    /// The signals the guard handles.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the handlers; call on the thread that reads keys. Signals ignored when the process started (`nohup`, a background job)
    /// stay ignored. Safe to call more than once.
    public static func install() {
        // Touching the globals initialises them before any handler can run.
        _ = pendingSignal.load(ordering: .relaxed)
        readerThread.store(UInt(pthread_self()), ordering: .relaxed)
        for signal in signals {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0 else { continue }
            if isIgnore(previous.__sigaction_handler.sa_handler) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                pendingSignal.store(signal, ordering: .relaxed)
                // Delivered elsewhere: pass it on (pthread_kill is async-signal-safe), so the reader's
                // blocking read returns EINTR; there this handler only stores.
                let reader = readerThread.load(ordering: .relaxed)
                if reader != 0, UInt(pthread_self()) != reader { pthread_kill(pthread_t(reader), signal) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: the blocking read must be interrupted
            sigaction(signal, &action, nil)
            if !replacedActions.contains(where: { $0.signal == signal }) { replacedActions.append((signal, previous)) }
        }
        // A parent may have started us with these blocked (test runners, some supervisors); blocked,
        // they would never reach the handlers, and SIGTERM or an SSH drop would leave us running.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in signals { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Puts back the dispositions `install()` replaced (a pending signal stays pending).
    public static func uninstall() {
        for (signal, var action) in replacedActions { sigaction(signal, &action, nil) }
        replacedActions = []
        readerThread.store(0, ordering: .relaxed)
    }

    private static func isIgnore(_ handler: __sighandler_t?) -> Bool {
        // C function pointers are not Equatable in Swift; compare the addresses.
        unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The signal received and not yet acted on, or nil.
    public static var pending: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Forgets a pending signal (tests; or a caller that decided to carry on).
    public static func clearPending() {
        pendingSignal.store(0, ordering: .relaxed)
    }

    /// When a signal is pending, ends the process by it (exit status 128+N). Call after the terminal
    /// has been restored. Returns only when nothing is pending.
    public static func exitForPendingSignal() {
        if let signal = pending { terminate(by: signal) }
    }

    /// Resets `signal` to its default action and raises it, so the parent (the shell, sshd) sees the
    /// process killed by that signal. Falls back to `_exit(128+N)` should the signal not kill.
    public static func terminate(by signal: Int32) -> Never {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        _exit(128 + signal)
    }
}
