import OIDCSetup
import ProviderCheck
import Screens
import Synchronization
import TerminalUI

/// The wizard's run loop: read keys, turn them into events, reduce, carry out effects, draw.
/// A burst of pending keys (a paste without bracketed paste) is reduced before one draw.
final class WizardRunner {
    /// How the run ended.
    enum Ending: Equatable {
        case quit(status: Int32, message: String?)
        /// A signal arrived (Ctrl-C from `kill`, SIGTERM, SIGHUP when SSH drops, SIGQUIT).
        case signal(Int32)
        /// Standard input closed under us.
        case inputEnded
    }

    private let terminal: Terminal
    private(set) var state: WizardState
    /// Frames drawn, for the benchmark's count of frames per paste.
    private(set) var framesDrawn = 0

    /// The provider check running in the background, and where its results wait for the loop.
    /// Made on the first check, not at launch: the first frame pays nothing for it (its generic
    /// types cost the runtime a scan of every protocol conformance in the binary, NIO's included).
    private var liveChecks: LiveCheckRunner?
    private let caFile: String?

    init(terminal: Terminal, state: WizardState = WizardState(), caFile: String? = nil) {
        self.terminal = terminal
        self.state = state
        self.caFile = caFile
    }

    func run() -> Ending {
        draw()
        while true {
            let key: Key
            if state.liveCheck.running {
                // Results arrive while the operator may press nothing: wait for keys in short slices.
                switch terminal.readKey(waitingAtMost: 40) {
                case .key(let pressed):
                    key = pressed
                case .timedOut:
                    if let ending = applyLiveCheckResults() { return ending }
                    continue
                case .ended:
                    if let signal = SignalGuard.pending { return .signal(signal) }
                    return .inputEnded
                }
            } else {
                guard let pressed = terminal.readKey() else {
                    if let signal = SignalGuard.pending { return .signal(signal) }
                    return .inputEnded
                }
                key = pressed
            }
            var keys = [key]
            while let more = terminal.pendingKey() { keys.append(more) }
            for key in keys {
                if let ending = handle(key) { return ending }
            }
            if let signal = SignalGuard.pending { return .signal(signal) }
            _ = applyLiveCheckResults(drawing: false)
            draw()
        }
    }

    /// Feeds the check results that arrived to the state machine; draws when there were any.
    private func applyLiveCheckResults(drawing: Bool = true) -> Ending? {
        guard let events = liveChecks?.takeEvents() else { return nil }
        guard !events.isEmpty else { return nil }
        for event in events {
            if let ending = apply(event) { return ending }
        }
        if drawing { draw() }
        return nil
    }

    /// Handles one key; returns how the run ends when it does.
    func handle(_ key: Key) -> Ending? {
        switch key {
        case .resize:
            return nil
        case .control("l"):
            terminal.invalidate()
            return nil
        default:
            break
        }
        let size = terminal.size
        guard let event = WizardView.event(for: key, in: state, rows: size.rows, columns: size.columns) else { return nil }
        return apply(event)
    }

    private func apply(_ event: WizardEvent) -> Ending? {
        var pending = Wizard.reduce(&state, event)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            switch effect {
            case .quit(let status, let message):
                liveChecks?.cancel()
                return .quit(status: status, message: message)
            case .runLiveCheck(let plan, let run):
                let runner = liveChecks ?? LiveCheckRunner(caFile: caFile)
                liveChecks = runner
                runner.start(plan, run: run)
            case .cancelLiveCheck:
                liveChecks?.cancel()
            case .loadSetup(let path):
                switch Result(catching: { () throws(SetupLoader.Failure) in try SetupLoader().load(path) }) {
                case .success(let loaded):
                    pending += Wizard.reduce(&state, .setupLoaded(loaded.setup, directory: loaded.directory))
                case .failure(let failure):
                    pending += Wizard.reduce(&state, .setupLoadFailed("Cannot load: \(failure)"))
                }
            case .inspectOutput(let directory, let names):
                let writer = OutputWriter(directory: directory, replaceExisting: true)
                let existing = writer.existing(names)
                // The files as the write would merge them, to tell which stay as they are.
                let fates = (try? state.outputFiles()).map { writer.fates(writer.mergingExistingFiles($0)) } ?? [:]
                pending += Wizard.reduce(&state, .outputInspected(existing: existing, fates: fates))
            case .write(let plan):
                // As in generate: a signal while writing stops before the renames (nothing written)
                // or comes after them (everything written); the run loop then ends by the signal.
                let writer = OutputWriter(directory: plan.directory, replaceExisting: true, interrupted: { SignalGuard.pending != nil })
                let outcome: WriteOutcome
                do {
                    let written = try writer.write(writer.mergingExistingFiles(plan.files))
                    let variables = state.savedSecretReferences.sorted { $0.key < $1.key }.compactMap { _, reference -> String? in
                        if case .environment(let name) = reference { return name }
                        return nil
                    }
                    let summary = WriteSummary.text(written, config: state.config, directory: plan.directory)
                        + "Replay without questions: camunda-oidc generate --answers \(Self.shellQuoted(writer.path(AnswersFile.defaultFileName)))"
                        + " --out \(Self.shellQuoted(plan.directory)) --force\n"
                        + (variables.isEmpty ? "" : "(after exporting \(variables.joined(separator: ", ")))\n")
                    outcome = .written(summary: summary.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
                } catch {
                    outcome = .failed(error.description)
                }
                pending += Wizard.reduce(&state, .writeFinished(outcome))
            }
        }
        return nil
    }

    /// A path as a shell reads it back: as is when it holds only safe characters, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "/._-+:@%,=".unicodeScalars.contains($0)) }
        return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func draw() {
        let size = terminal.size
        terminal.draw(WizardView.render(state, rows: size.rows, columns: size.columns))
        framesDrawn += 1
    }
}

/// Runs the provider check off the main thread (NIO's threads start only here, not at launch) and
/// keeps its results for the run loop, which feeds them to the state machine as events.
final class LiveCheckRunner: Sendable {
    private let caFile: String?
    private let inbox = Mutex<[WizardEvent]>([])
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(caFile: String?) {
        self.caFile = caFile
    }

    func start(_ plan: LiveCheckPlan, run: Int) {
        cancel()
        var pem: [UInt8]?
        if let caFile, case .success(let bytes) = FileDescriptorIO.readFile(caFile) { pem = bytes }
        let newTask = Task.detached { [self] in
            do {
                let client = try ProviderClient(timeoutSeconds: plan.options.timeoutSeconds, caCertificatesPEM: pem,
                                                proxies: ProxySettings(environment: Verify.environment()))
                _ = await LiveChecker(client: client).run(plan) { result in
                    self.inbox.withLock { $0.append(.liveCheckResult(run: run, result)) }
                }
                await client.shutdown()
            } catch {
                let failed = CheckResult(.discovery, .fail, subject: "provider", "cannot check: \(error)")
                self.inbox.withLock { $0.append(.liveCheckResult(run: run, failed)) }
            }
            self.inbox.withLock { $0.append(.liveCheckFinished(run: run)) }
        }
        task.withLock { $0 = newTask }
    }

    func cancel() {
        task.withLock { running in
            running?.cancel()
            running = nil
        }
    }

    func takeEvents() -> [WizardEvent] {
        inbox.withLock { events in
            defer { events = [] }
            return events
        }
    }
}
