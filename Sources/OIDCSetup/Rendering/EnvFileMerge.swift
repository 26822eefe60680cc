/// Rewrites an existing env file so that nothing the operator added is lost: every line the tool
/// does not own (other variables, comments, blank lines, their order) stays where it was; the
/// variables it owns are updated in place (keeping an `export ` prefix), dropped when no longer
/// written, and appended when new. CRLF files stay CRLF.
public enum EnvFileMerge {
    public static func merge(existing: String, generated: String, file: String) -> String {
        // Lines a person wrote that this parser cannot read are kept as they are, never refused.
        let old = EnvFileParser.parseKeepingUnreadable(existing, file: file)
        let new = EnvFileParser.parseKeepingUnreadable(generated, file: file)
        let owned = Self.ownedNames(file)
        let toolComments = Self.toolComments

        // The generated file: its header block, and each owned variable's line with the note above it.
        var header: [String] = []
        var notes: [String: [String]] = [:]
        var assignments: [String: String] = [:]
        var order: [String] = []
        var pendingNotes: [String] = []
        var inHeader = true
        for line in new {
            switch line.kind {
            case .comment:
                if inHeader { header.append(line.text) } else { pendingNotes.append(line.text) }
            case .blank:
                inHeader = false
            case .assignment(let name, _, _) where owned.contains(name):
                inHeader = false
                notes[name] = pendingNotes
                pendingNotes = []
                assignments[name] = line.text
                order.append(name)
            case .assignment, .unreadable:
                inHeader = false
                pendingNotes = []
            }
        }

        var output = header
        var emitted = Set<String>()
        for line in old {
            switch line.kind {
            case .comment where toolComments.contains(line.text.trimmingWhitespace()) || FileHeader.isHeaderLine(line.text):
                continue
            case .assignment(let name, _, let exported) where owned.contains(name):
                guard let text = assignments[name], !emitted.contains(name) else { continue }
                output += notes[name] ?? []
                output.append(exported ? "export " + text : text)
                emitted.insert(name)
            case .unreadable(let name?) where owned.contains(name):
                // An owned variable in a form the tool cannot read: the tool's value replaces it.
                guard let text = assignments[name], !emitted.contains(name) else { continue }
                output += notes[name] ?? []
                output.append(text)
                emitted.insert(name)
            default:
                output.append(line.text)
            }
        }
        let missing = order.filter { !emitted.contains($0) }
        if !missing.isEmpty {
            if let last = output.last, !last.trimmingWhitespace().isEmpty { output.append("") }
            for name in missing {
                output += notes[name] ?? []
                output.append(assignments[name]!)
            }
        }
        let crlf = existing.contains("\r\n")
        return output.joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n")
    }

    /// The generated file merged into the existing one. Its mode is never looser than before:
    /// 0600 when the existing file was private, or when it keeps variables the tool does not own
    /// (the operator's own values may be secrets too).
    public static func mergedFile(_ file: OutputFile, existing: String, existingIsPrivate: Bool) -> OutputFile {
        let owned = ownedNames(file.name)
        let foreign = EnvFileParser.parseKeepingUnreadable(existing, file: file.name).contains { line in
            switch line.kind {
            case .assignment(let name, _, _): return !owned.contains(name)
            case .unreadable(let name): return name.map { !owned.contains($0) } ?? true
            default: return false
            }
        }
        return OutputFile(name: file.name, kind: file.kind, contents: merge(existing: existing, generated: file.contents, file: file.name),
                          holdsSecret: file.holdsSecret || existingIsPrivate || foreign)
    }

    /// The variables the tool writes into a file, under any condition, for any version: rewriting an
    /// 8.5 file for 8.7 drops the 8.5 variables 8.7 no longer reads instead of keeping them as the operator's.
    static func ownedNames(_ file: String) -> Set<String> {
        Set(OutputLayout.allVersions.flatMap(\.envFiles).filter { $0.fileName == file }.flatMap { $0.variables.map(\.name) })
    }

    /// Comment lines this tool writes into env files (besides the header), for any version.
    static let toolComments: Set<String> = {
        var lines: Set<String> = [FileHeader.envSecretNote]
        for file in OutputLayout.allVersions.flatMap(\.envFiles) {
            lines.insert(FileHeader.envUsage(file.fileName))
            for variable in file.variables {
                if let note = variable.note { lines.insert("# " + note) }
            }
        }
        return lines
    }()
}
