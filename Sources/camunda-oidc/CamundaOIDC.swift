#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import ArgumentParser
import CProcess
import OIDCSetup

/// Exit statuses, from sysexits.h, that scripts can rely on.
enum ExitStatus {
    static let invalidAnswers = ExitCode(65)   // EX_DATAERR
    static let unreadableInput = ExitCode(66)  // EX_NOINPUT
    static let unwritableOutput = ExitCode(73) // EX_CANTCREAT
}

@main
struct CamundaOIDC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "camunda-oidc",
        abstract: "Connect Camunda \(CamundaVersion.knownList) Self-Managed to an OpenID Connect provider (generic OIDC or Microsoft Entra ID).",
        discussion: """
        Without a subcommand, starts the interactive wizard. It asks for the provider, the tenant ID, each \
        component's client ID, secret and audience, and the initial claim, previews the result and writes env \
        files or a Helm values overlay plus a registration checklist.

        Secrets are never accepted as arguments: the wizard asks for them, and answers files name them \
        (secret, secretEnv or secretFile).
        """,
        version: ToolInfo.version,
        subcommands: [WizardCommand.self, Generate.self, Check.self, Verify.self, Fields.self],
        defaultSubcommand: WizardCommand.self
    )
}

extension CamundaOIDC {
    /// `camunda-oidc` alone, the common case on a bastion, starts the wizard without building the
    /// argument parser's command tree (it reflects over every command: about a millisecond).
    static func main() {
        // Before any secret is read or typed: a SIGQUIT or a crash must not leave a core file holding them.
        cp_disable_core_dumps()
        guard CommandLine.arguments.count == 1 else {
            main(nil)
            return
        }
        do {
            try WizardCommand.run(from: nil)
        } catch let code as ExitCode {
            // The parser's exit(withError:) builds its help machinery first: a millisecond for nothing.
            Glibc.exit(code.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

extension CamundaVersion: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    var stderr = StandardError()
    print(line, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileDescriptorIO.writeAll(2, Array(string.utf8))
    }
}
