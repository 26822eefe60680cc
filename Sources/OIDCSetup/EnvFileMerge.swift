/// Rewrites an existing env file so that nothing the operator added is lost: every line the tool
/// does not own (other variables, comments, blank lines, their order) stays where it was; the
/// variables it owns are updated in place (keeping an `export ` prefix), dropped when no longer
/// written, and appended when new. CRLF files stay CRLF.
public enum EnvFileMerge {
    public static func merge(existing: String, generated: String, file: String, layout: OutputLayout = .camunda85) -> String {
        // Lines a person wrote that this parser cannot read are kept as they are, never refused.
        let old = EnvFileParser.parseKeepingUnreadable(existing, file: file)
        let new = EnvFileParser.parseKeepingUnreadable(generated, file: file)
        let owned = Self.ownedNames(file, layout: layout)
        let toolComments = Self.toolComments(layout)

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
    public static func mergedFile(_ file: OutputFile, existing: String, existingIsPrivate: Bool, layout: OutputLayout = .camunda85) -> OutputFile {
        let owned = ownedNames(file.name, layout: layout)
        let foreign = EnvFileParser.parseKeepingUnreadable(existing, file: file.name).contains { line in
            switch line.kind {
            case .assignment(let name, _, _): return !owned.contains(name)
            case .unreadable(let name): return name.map { !owned.contains($0) } ?? true
            default: return false
            }
        }
        return OutputFile(name: file.name, kind: file.kind, contents: merge(existing: existing, generated: file.contents, file: file.name, layout: layout),
                          holdsSecret: file.holdsSecret || existingIsPrivate || foreign)
    }

    /// The variables the tool writes into a file, under any condition.
    static func ownedNames(_ file: String, layout: OutputLayout) -> Set<String> {
        Set(layout.envFiles.filter { $0.fileName == file }.flatMap { $0.variables.map(\.name) })
    }

    /// Comment lines this tool writes into env files (besides the header).
    static func toolComments(_ layout: OutputLayout) -> Set<String> {
        var lines: Set<String> = [FileHeader.envSecretNote]
        for file in layout.envFiles {
            lines.insert(FileHeader.envUsage(file.fileName))
            for variable in file.variables {
                if let note = variable.note { lines.insert("# " + note) }
            }
        }
        return lines
    }
}

/// What changes in one file when the new outputs replace the old ones.
public struct FileDiff: Equatable, Sendable {
    public enum Status: Equatable, Sendable { case added, changed, unchanged }

    public let file: String
    public let status: Status
    public let changes: [KeyChange]
}

/// One key of a file: added, changed, removed (or, for a secret, unchanged: secrets are always listed).
public struct KeyChange: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable { case added, changed, removed, unchanged }

    public let key: String
    public let kind: Kind
    /// Old and new values; nil for a secret (shown only as changed or unchanged) and where absent.
    public let old: String?
    public let new: String?
    public let isSecret: Bool

    public init(key: String, kind: Kind, old: String?, new: String?, isSecret: Bool) {
        self.key = key
        self.kind = kind
        self.old = old
        self.new = new
        self.isSecret = isSecret
    }
}

/// Compares the files found (the baseline) with the files about to be written, key by key.
public enum SetupDiff {
    public static func compute(baseline: [String: String], new files: [OutputFile], layout: OutputLayout = .camunda85) -> [FileDiff] {
        files.map { file in
            guard let old = baseline[file.name] else {
                return FileDiff(file: file.name, status: .added, changes: [])
            }
            guard let oldKeys = keys(of: old, file), let newKeys = keys(of: file.contents, file) else {
                return FileDiff(file: file.name, status: old == file.contents ? .unchanged : .changed, changes: [])
            }
            let secrets = secretKeys(file, layout: layout)
            var changes: [KeyChange] = []
            let allKeys = oldKeys.map(\.0) + newKeys.map(\.0).filter { key in !oldKeys.contains { $0.0 == key } }
            let oldMap = Dictionary(oldKeys, uniquingKeysWith: { $1 })
            let newMap = Dictionary(newKeys, uniquingKeysWith: { $1 })
            for key in allKeys {
                let isSecret = secrets(key, newMap[key] ?? oldMap[key] ?? "")
                let before = oldMap[key]
                let after = newMap[key]
                let kind: KeyChange.Kind
                switch (before, after) {
                case (nil, _?): kind = .added
                case (_?, nil): kind = .removed
                case let (b?, a?) where b != a: kind = .changed
                default: kind = .unchanged
                }
                guard kind != .unchanged || isSecret else { continue }
                changes.append(KeyChange(key: key, kind: kind, old: isSecret ? nil : before, new: isSecret ? nil : after, isSecret: isSecret))
            }
            let status: FileDiff.Status = changes.contains { $0.kind != .unchanged } ? .changed : (old == file.contents ? .unchanged : .changed)
            return FileDiff(file: file.name, status: status, changes: changes)
        }
    }

    /// Key/value pairs of a file in order: env variables, or YAML leaves as dotted paths.
    public static func keys(of text: String, _ file: OutputFile) -> [(String, String)]? {
        switch file.kind {
        case .envFile:
            guard let lines = try? EnvFileParser.parse(text, file: file.name) else { return nil }
            return lines.compactMap { line in
                if case .assignment(let name, let value, _) = line.kind { return (name, value) }
                return nil
            }
        case .helmValues, .secretManifest, .answers:
            guard let tree = try? YAMLTree.load(text, file: file.name) else { return nil }
            return tree.leafValues(prefix: "")
        case .checklist:
            return nil
        }
    }

    /// Which keys of a file hold a secret.
    static func secretKeys(_ file: OutputFile, layout: OutputLayout) -> (String, String) -> Bool {
        switch file.kind {
        case .envFile:
            let names = Set(layout.envFiles.filter { $0.fileName == file.name }.flatMap { $0.variables.filter { if case .secret = $0.source { return true } else { return false } }.map(\.name) })
            return { key, _ in names.contains(key) }
        case .helmValues:
            return { key, _ in key.hasSuffix(".existingSecret") }
        case .secretManifest:
            return { key, _ in key.hasPrefix("stringData.") || key.hasPrefix("data.") }
        case .answers:
            return { key, _ in key.hasSuffix(".secret") }
        case .checklist:
            return { _, _ in false }
        }
    }
}

extension YAMLTree {
    /// Every scalar below this node as (dotted path, value).
    func leafValues(prefix: String) -> [(String, String)] {
        switch node {
        case .mapping(let mapping):
            return mapping.flatMap { key, value in
                YAMLTree(node: value).leafValues(prefix: prefix.isEmpty ? (key.scalar?.string ?? "?") : prefix + "." + (key.scalar?.string ?? "?"))
            }
        case .sequence(let sequence):
            return sequence.enumerated().flatMap { YAMLTree(node: $0.element).leafValues(prefix: "\(prefix)[\($0.offset)]") }
        case .scalar(let scalar):
            return [(prefix, scalar.string)]
        default:
            return []
        }
    }
}
