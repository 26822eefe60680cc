#if canImport(Glibc)
import Glibc
#endif
import Testing
import TerminalUI

@Suite(.serialized) struct SignalGuardTests {
    @Test func aCaughtSignalIsPendingUntilCleared() {
        SignalGuard.clearPending()
        SignalGuard.install()
        defer {
            SignalGuard.uninstall()
            SignalGuard.clearPending()
        }
        #expect(SignalGuard.pending == nil)
        SignalGuard.exitForPendingSignal()  // nothing pending: returns
        // SIGHUP stays ignored when the runner started with it ignored (nohup); then nothing to check.
        var current = sigaction()
        sigaction(SIGHUP, nil, &current)
        guard unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { return }
        // The test runner's threads block SIGHUP; unblock it here so raise() delivers it to this
        // thread before returning (the handler has run when raise returns).
        var hup = sigset_t()
        sigemptyset(&hup)
        sigaddset(&hup, SIGHUP)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &hup, &previousMask)
        raise(SIGHUP)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        #expect(SignalGuard.pending == SIGHUP)
        SignalGuard.clearPending()
        #expect(SignalGuard.pending == nil)
    }

    @Test func handlersDoNotRestartInterruptedCalls() {
        SignalGuard.install()
        defer { SignalGuard.uninstall() }
        for signal in SignalGuard.signals {
            var current = sigaction()
            sigaction(signal, nil, &current)
            #expect(current.sa_flags & Int32(SA_RESTART) == 0)
        }
    }

    @Test func uninstallPutsBackTheDefault() {
        var before = sigaction()
        sigaction(SIGQUIT, nil, &before)
        SignalGuard.install()
        SignalGuard.uninstall()
        var after = sigaction()
        sigaction(SIGQUIT, nil, &after)
        #expect(unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
    }
}

@Suite struct TerminalErrorTests {
    @Test func errorMessagesPointToGenerate() {
        #expect(TerminalError.notATerminal.description.contains("camunda-oidc generate --answers FILE"))
        #expect(TerminalError.unusableTerminal("bogus").description.contains("'bogus'"))
        #expect(TerminalError.unusableTerminal("").description.contains("TERM is not set"))
    }
}
