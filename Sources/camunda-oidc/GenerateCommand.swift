#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import ArgumentParser
import OIDCSetup
import TerminalUI

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the outputs for an answers file, without questions.",
        discussion: """
        Exit status: 0 written; 64 usage; 65 the answers are invalid (every problem on stderr, one per line, \
        nothing written); 66 an input file cannot be read; 73 an output cannot be written.
        """
    )

    @Option(help: "The answers file (YAML). See README.md for its format.")
    var answers: String

    @Option(help: "The directory to write to; created with mode 0700 when missing.")
    var out: String = "."

    @Flag(help: "Replace existing output files, keeping each old one as a .bak beside it.")
    var force = false

    func run() throws {
        let text: String
        switch FileDescriptorIO.readText(answers) {
        case .success(let decoded):
            text = decoded
        case .failure(.notUTF8(let path, let line)):
            // Read, but not valid answers: the same status as `check` gives it.
            printError("\(path):\(line): not UTF-8 text; save the answers file as UTF-8")
            throw ExitStatus.invalidAnswers
        case .failure(.unreadable(let failure)):
            printError("camunda-oidc: cannot read the answers file \(failure)")
            throw ExitStatus.unreadableInput
        }

        var parsed: Answers
        do {
            parsed = try AnswersFile.parse(text)
        } catch {
            for problem in error.problems {
                let location = answers + (problem.line.map { ":\($0)" } ?? "")
                printError("\(location): " + (problem.path.isEmpty ? "" : problem.path + ": ") + problem.message)
            }
            throw ExitStatus.invalidAnswers
        }

        let resolver = SecretResolver(answersPath: answers)
        let resolution = resolver.resolve(&parsed)
        for note in parsed.notes + resolution.notes { printError("note: \(note)") }
        if !resolution.unreadable.isEmpty {
            resolution.unreadable.forEach { printError($0) }
            throw ExitStatus.unreadableInput
        }
        let issues = Validator.validate(parsed.configuration)
        // A secret whose variable is unset is reported once, as that, not again as "required".
        let errors = resolution.problems
            + issues.filter { $0.severity == .error && !resolution.unresolved.contains($0.field) }.map(\.description)
        guard errors.isEmpty else {
            errors.forEach { printError($0) }
            throw ExitStatus.invalidAnswers
        }
        for warning in issues where warning.severity == .warning { printError("warning: \(warning)") }

        let files = try OutputRenderer().render(parsed.configuration)
        // Ctrl-C, SIGTERM or an SSH drop while writing: no temporary file holding a secret is left.
        SignalGuard.install()
        let writer = OutputWriter(directory: out, replaceExisting: force, interrupted: { SignalGuard.pending != nil })
        defer { if let signal = SignalGuard.pending { SignalGuard.terminate(by: signal) } }
        let written: [OutputWriter.Written]
        do {
            written = try writer.write(writer.mergingExistingFiles(files))
        } catch {
            printError("camunda-oidc: nothing written: \(error)")
            throw ExitStatus.unwritableOutput
        }
        print(WriteSummary.text(written, config: parsed.configuration, directory: out), terminator: "")
    }
}
