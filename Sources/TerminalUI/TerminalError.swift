/// Why the interactive terminal could not be started. `description` is a complete message for
/// the operator; the caller prints it and exits with status 2.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or standard output is not a terminal (a pipe, a file, a CI job).
    case notATerminal
    /// ncurses does not know the terminal type, or it cannot address the cursor. Carries `TERM`.
    case unusableTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "camunda-oidc: the wizard needs an interactive terminal (stdin and stdout must be a TTY); "
                + "to run without one, use 'camunda-oidc generate --answers FILE'."
        case .unusableTerminal(let name):
            let shown = name.isEmpty ? "(TERM is not set)" : "'\(name)'"
            return "camunda-oidc: cannot use the terminal type \(shown): it is unknown to ncurses or cannot move the cursor; "
                + "try TERM=xterm-256color, or use 'camunda-oidc generate --answers FILE'."
        }
    }
}
