import ArgumentParser
import OIDCSetup
import TerminalUI

struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Start the interactive wizard (the default)."
    )

    func run() throws {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            printError("camunda-oidc: \(error)")
            throw ExitCode(2)
        }
        SignalGuard.install()
        let ending = WizardRunner(terminal: terminal).run()
        terminal.restore()
        switch ending {
        case .quit(let status, let message):
            if let message { print(message) }
            if status != 0 { throw ExitCode(status) }
        case .signal(let signal):
            SignalGuard.terminate(by: signal)
        case .inputEnded:
            printError("camunda-oidc: the terminal closed; nothing was written.")
            throw ExitCode(1)
        }
    }
}
