import OIDCSetup
import Screens
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

    init(terminal: Terminal, state: WizardState = WizardState()) {
        self.terminal = terminal
        self.state = state
    }

    func run() -> Ending {
        draw()
        while true {
            guard let key = terminal.readKey() else {
                if let signal = SignalGuard.pending { return .signal(signal) }
                return .inputEnded
            }
            var keys = [key]
            while let more = terminal.pendingKey() { keys.append(more) }
            for key in keys {
                if let ending = handle(key) { return ending }
            }
            if let signal = SignalGuard.pending { return .signal(signal) }
            draw()
        }
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
                return .quit(status: status, message: message)
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
