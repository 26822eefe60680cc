#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import OIDCSetup

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
                switch FileDescriptorIO.readText(path) {
                case .failure(.notUTF8):
                    // Never the line: it would say where in the secret the bad byte is.
                    result.problems.append("components.\(c.rawValue).secretFile: \(path) is not UTF-8 text")
                    result.unresolved.insert(field)
                case .success(var text):
                    if text.hasSuffix("\r\n") { text.removeLast(1) } else if text.hasSuffix("\n") { text.removeLast() }
                    answers.configuration.set(field, trimmed(text, "components.\(c.rawValue).secretFile", &result))
                case .failure(.unreadable(let failure)):
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
