#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import ArgumentParser
import OIDCSetup
import TerminalUI

struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Start the interactive wizard (the default)."
    )

    @Option(help: "Start from an existing setup: a directory of env files, a Helm values file, or an answers file.")
    var from: String?

    @Option(help: "The Camunda version (\(CamundaVersion.knownList)): preselected, and how --from reads files that do not say theirs.")
    var camunda: CamundaVersion?

    @Option(name: .customLong("ca-file"), help: "For the provider check: a PEM file with the provider's private CA (instead of the system store).")
    var caFile: String?

    func run() throws {
        try Self.run(from: from, camunda: camunda, caFile: caFile)
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        case SIGQUIT: return "SIGQUIT"
        default: return "signal \(signal)"
        }
    }

    /// The wizard itself; `CamundaOIDC.main` calls it directly when there are no arguments.
    static func run(from: String?, camunda: CamundaVersion? = nil, caFile: String? = nil) throws {
        var state = WizardState()
        if let camunda { state.config.version = camunda }
        if let from {
            // Load before the screen starts, so a bad file gets a plain message and an exit status.
            do {
                // Files that say their version are read as that one; --camunda is then the version to
                // write (an upgrade: the version step says what no longer applies). Files that do not
                // say are read as --camunda.
                var loaded = try SetupLoader().load(from)
                if let camunda, loaded.setup.statedVersion == nil {
                    loaded = try SetupLoader(version: camunda).load(from)
                    loaded.setup.statedVersion = camunda
                }
                state.loadPath = from
                state.startChoice = 1
                _ = Wizard.reduce(&state, .setupLoaded(loaded.setup, directory: loaded.directory))
                if let camunda, camunda != state.config.version {
                    _ = Wizard.reduce(&state, .fieldEdited(.camundaVersion, camunda.rawValue))
                }
            } catch {
                printError("camunda-oidc: cannot load \(from): \(error)")
                switch error {
                case .unreadable: throw ExitStatus.unreadableInput
                case .malformed: throw ExitStatus.invalidAnswers
                }
            }
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        let runner = WizardRunner(terminal: terminal, state: state, caFile: caFile)
        let ending = runner.run()
        terminal.restore()
        switch ending {
        case .quit(let status, let message):
            if let message { print(message) }
            if status != 0 { throw ExitCode(status) }
        case .signal(let signal):
            // One line saying what became of the files, as generate says it.
            if case .written = runner.state.writeOutcome {
                printError("camunda-oidc: stopped by \(Self.signalName(signal)) after writing every file.")
            } else {
                printError("camunda-oidc: stopped by \(Self.signalName(signal)); nothing was written.")
            }
            SignalGuard.terminate(by: signal)
        case .inputEnded:
            printError("camunda-oidc: the terminal closed; nothing was written.")
            throw ExitCode(1)
        }
    }
}
