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
        switch FileDescriptorIO.readFile(answers) {
        case .success(let bytes):
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                printError("\(answers): not UTF-8 text")
                throw ExitStatus.unreadableInput
            }
            text = decoded
        case .failure(let failure):
            printError("camunda-oidc: cannot read the answers file \(failure)")
            throw ExitStatus.unreadableInput
        }

        var parsed: Answers
        do {
            parsed = try AnswersFile.parse(text)
        } catch {
            for problem in error.problems {
                printError(problem.line.map { "\(answers):\($0): " } .map { $0 + (problem.path.isEmpty ? "" : problem.path + ": ") + problem.message }
                    ?? "\(answers): \(problem)")
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
        print(WriteSummary.text(written, config: parsed.configuration), terminator: "")
    }
}

/// Turns `secretEnv` and `secretFile` references into values, as the core cannot read either.
struct SecretResolver {
    let answersPath: String

    struct Resolution {
        var notes: [String] = []
        /// Invalid answers (exit 65): a variable that is not set.
        var problems: [String] = []
        /// Unreadable inputs (exit 66).
        var unreadable: [String] = []
        /// Secrets that could not be resolved (already reported above).
        var unresolved: Set<FieldID> = []
    }

    func resolve(_ answers: inout Answers) -> Resolution {
        var result = Resolution()
        for c in answers.configuration.components where answers.configuration.applies(.clientSecret(c)) {
            let field = FieldID.clientSecret(c)
            switch answers.secretReferences[c] {
            case .environment(let name):
                guard let value = getenv(name).map({ String(cString: $0) }) else {
                    result.problems.append("components.\(c.rawValue).secretEnv: the environment variable \(name) is not set")
                    result.unresolved.insert(field)
                    continue
                }
                answers.configuration.set(field, trimmed(value, "components.\(c.rawValue).secretEnv", &result))
            case .file(let given):
                let path = given.hasPrefix("/") ? given : directory(of: answersPath) + given
                switch FileDescriptorIO.readFile(path) {
                case .success(let bytes):
                    guard var text = String(validating: bytes, as: UTF8.self) else {
                        result.unreadable.append("components.\(c.rawValue).secretFile: \(path) is not UTF-8 text")
                        continue
                    }
                    if text.hasSuffix("\r\n") { text.removeLast(1) } else if text.hasSuffix("\n") { text.removeLast() }
                    answers.configuration.set(field, trimmed(text, "components.\(c.rawValue).secretFile", &result))
                case .failure(let failure):
                    result.unreadable.append("components.\(c.rawValue).secretFile: cannot read \(failure)")
                }
            case .literal, nil:
                break
            }
        }
        return result
    }

    private func trimmed(_ value: String, _ path: String, _ result: inout Resolution) -> String {
        let trimmed = value.trimmingWhitespace()
        if trimmed != value { result.notes.append("\(path): surrounding whitespace trimmed") }
        return trimmed
    }

    private func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}

/// What was written and what to do next; never shows a secret.
enum WriteSummary {
    static func text(_ written: [OutputWriter.Written], config: Configuration) -> String {
        var lines = ["Wrote \(written.count) files:"]
        for file in written {
            lines.append("  \(file.path) (mode 0\(String(file.mode, radix: 8)))" + (file.backup.map { ", previous kept as \($0)" } ?? ""))
        }
        lines.append("Next:")
        let checklist = written.first { $0.path.hasSuffix(OutputRenderer.checklistFileName) }?.path ?? OutputRenderer.checklistFileName
        lines.append("  1. Register the applications: \(checklist)")
        switch config.output {
        case .env:
            lines.append("  2. Give each container its env file (docker compose: env_file: <component>.env) and restart it.")
        case .helm:
            let values = written.first { $0.path.hasSuffix(OutputRenderer.helmValuesFileName) }?.path ?? OutputRenderer.helmValuesFileName
            if config.helmSecrets == .kubernetesSecret {
                let manifest = written.first { $0.path.hasSuffix(OutputRenderer.secretManifestFileName) }?.path ?? OutputRenderer.secretManifestFileName
                lines.append("  2. kubectl apply -n <namespace> -f \(manifest)")
                lines.append("  3. helm upgrade --install <release> camunda/camunda-platform --version 10.x -n <namespace> -f values.yaml -f \(values)")
            } else {
                lines.append("  2. helm upgrade --install <release> camunda/camunda-platform --version 10.x -n <namespace> -f values.yaml -f \(values)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
