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
    public static func compute(baseline: [String: String], new files: [OutputFile]) -> [FileDiff] {
        files.map { file in
            guard let old = baseline[file.name] else {
                return FileDiff(file: file.name, status: .added, changes: [])
            }
            guard let oldKeys = keys(of: old, file), let newKeys = keys(of: file.contents, file) else {
                return FileDiff(file: file.name, status: old == file.contents ? .unchanged : .changed, changes: [])
            }
            let secrets = secretKeys(file)
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
        case .helmValues, .secretManifest, .answers, .configFile:
            guard let tree = try? YAMLTree.load(text, file: file.name) else { return nil }
            return tree.leafValues(prefix: "")
        case .checklist:
            return nil
        }
    }

    /// Which keys of a file hold a secret.
    static func secretKeys(_ file: OutputFile) -> (String, String) -> Bool {
        switch file.kind {
        case .envFile:
            let names = Set(OutputLayout.allVersions.flatMap(\.envFiles).filter { $0.fileName == file.name }.flatMap { $0.variables.filter { if case .secret = $0.source { return true } else { return false } }.map(\.name) })
            return { key, _ in names.contains(key) }
        case .helmValues:
            return { key, _ in key.hasSuffix(".existingSecret") }
        case .secretManifest:
            return { key, _ in key.hasPrefix("stringData.") || key.hasPrefix("data.") }
        case .answers:
            return { key, _ in key.hasSuffix(".secret") }
        case .checklist, .configFile:
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
