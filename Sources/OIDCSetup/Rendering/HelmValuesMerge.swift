import Yams

/// Rewrites an existing Helm overlay so that keys the operator added to it survive: every key the
/// tool does not own is carried over into the new overlay, at the same path. The tool's own keys
/// take the new values.
///
/// When the operator's keys sit under top-level keys the tool does not write (`operate:`,
/// `zeebe:`, ...), their blocks are carried over as text, comments included, after the generated
/// overlay. When they sit inside the tool's own sections, the result is emitted by the YAML library,
/// so comments of the old file (and the tool's notes on single keys) are not kept: the header says so.
/// Config files of env output (Console's application.yaml, where the operator adds the
/// `managed.releases` list) are merged the same way, with their own keys as the tool's.
public enum HelmValuesMerge {
    /// The merged overlay (or config file `fileName`), or nil when the old file has no key of its own to
    /// keep (or cannot be read, in which case the importer has already reported it): then the generated
    /// file stands as it is.
    public static func merge(existing: String, generated: String, fileName: String = OutputRenderer.helmValuesFileName) -> String? {
        guard let old = try? YAMLTree.load(existing, file: fileName),
              var new = try? YAMLTree.load(generated, file: fileName).node else { return nil }
        let owned = ownedPaths(fileName)
        let foreign = foreignLeaves(of: old.node, path: [], owned: owned)
        guard !foreign.isEmpty else { return nil }
        let ownTopKeys = Set(owned.compactMap { $0.split(separator: ".").first.map(String.init) })
        let foreignTopKeys = foreign.map { $0.0[0] }.reduce(into: [String]()) { keys, key in
            if !keys.contains(key) { keys.append(key) }
        }
        if foreignTopKeys.allSatisfy({ !ownTopKeys.contains($0) }),
           let blocks = topLevelBlocks(existing, keys: foreignTopKeys) {
            let note = "\(keptNotePrefix)\(foreignTopKeys.map { "'\($0)'" }.joined(separator: ", ")) from the previous file, as it was (this tool does not write \(foreignTopKeys.count == 1 ? "it" : "them"))."
            return generated + "\n" + note + "\n" + blocks
        }
        for (path, value) in foreign {
            new = inserting(value, at: path[...], into: new) ?? new
        }
        guard let body = try? Yams.serialize(node: new, indent: 2, width: -1, allowUnicode: true) else { return nil }
        let header = generated.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("#") }
        return (header + ["# Keeps \(foreign.count) key\(foreign.count == 1 ? "" : "s") this tool does not write, from the previous file (its comments are not kept).", ""])
            .joined(separator: "\n") + "\n" + body
    }

    /// The start of the comment that introduces the carried-over blocks.
    static let keptNotePrefix = "# Keeps "

    /// The text of the top-level blocks with these keys, each with the comment lines right above it,
    /// in the file's order; nil when a key cannot be found as a plain `key:` line.
    static func topLevelBlocks(_ text: String, keys: [String]) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func topKey(_ line: String) -> String? {
            guard let first = line.first, !first.isWhitespace, first != "#", first != "-",
                  let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
        var blocks: [String] = []  // lines
        var found = Set<String>()
        var index = 0
        while index < lines.count {
            guard let key = topKey(lines[index]), keys.contains(key) else {
                index += 1
                continue
            }
            var start = index
            // Comments above the block are the operator's, except the note this tool wrote there.
            while start > 0, lines[start - 1].hasPrefix("#"), !lines[start - 1].hasPrefix(keptNotePrefix) { start -= 1 }
            var end = index + 1
            while end < lines.count, topKey(lines[end]) == nil, !(lines[end].hasPrefix("#") && end + 1 < lines.count && topKey(lines[end + 1]) != nil) {
                end += 1
            }
            blocks.append(contentsOf: lines[start..<end])
            found.insert(key)
            index = end
        }
        guard found.count == keys.count else { return nil }
        while let last = blocks.last, last.trimmingWhitespace().isEmpty { blocks.removeLast() }
        return blocks.joined(separator: "\n") + "\n"
    }

    /// Dotted paths the tool writes into the file, for any version (and everything below them).
    static func ownedPaths(_ fileName: String) -> Set<String> {
        let configFiles = OutputLayout.allVersions.flatMap(\.configFiles).filter { $0.fileName == fileName }
        if !configFiles.isEmpty { return Set(configFiles.flatMap(\.values).map(\.dottedPath)) }
        return helmPaths
    }

    static let helmPaths: Set<String> =
        Set(OutputLayout.allVersions.flatMap(\.helmValues).map(\.dottedPath) + ["global.identity.auth.identity.redirectUrl"])

    /// Whether the tool owns a path: it writes it, or something above it.
    static func isOwned(_ path: [String], _ owned: Set<String>) -> Bool {
        var prefix = ""
        for key in path {
            prefix = prefix.isEmpty ? key : prefix + "." + key
            if owned.contains(prefix) { return true }
        }
        return false
    }

    /// The values below `node` that the tool does not own, with their key paths.
    static func foreignLeaves(of node: Node, path: [String], owned: Set<String> = helmPaths) -> [([String], Node)] {
        if isOwned(path, owned) { return [] }
        guard case .mapping(let mapping) = node else { return path.isEmpty ? [] : [(path, node)] }
        return mapping.flatMap { key, value -> [([String], Node)] in
            guard let name = key.scalar?.string else { return [] }
            return foreignLeaves(of: value, path: path + [name], owned: owned)
        }
    }

    /// `node` with `value` placed at `path`, creating mappings on the way; nil when a value of
    /// the tool's is in the way (the tool's value wins).
    static func inserting(_ value: Node, at path: ArraySlice<String>, into node: Node) -> Node? {
        guard case .mapping(var mapping) = node, let key = path.first else { return nil }
        let index = mapping.firstIndex { $0.key.scalar?.string == key }
        if path.count == 1 {
            guard index == nil else { return nil }
            mapping[Node(key)] = value
            return .mapping(mapping)
        }
        let child = index.map { mapping[$0].value } ?? .mapping(Node.Mapping([]))
        guard let updated = inserting(value, at: path.dropFirst(), into: child) else { return nil }
        if let index {
            mapping[index] = (key: mapping[index].key, value: updated)
        } else {
            mapping[Node(key)] = updated
        }
        return .mapping(mapping)
    }
}
