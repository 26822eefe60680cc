// libyaml as Yams embeds it: its event stream measures aliases before Yams composes a tree.
import CYaml
import Yams

/// The one way the tool reads YAML (answers files, Helm values, Secret manifests, files merged into).
///
/// A few hundred bytes of anchors and aliases can stand for billions of nodes ("billion laughs").
/// Composing is cheap, as aliases share storage, but whatever walks the tree visits every copy, and
/// Yams hashes mapping keys while composing, so an alias used as a key expands right there. So one
/// pass over the parser's events first measures what aliases add, and a document whose aliases add
/// more than `maximumAliasExpansion` nodes is refused with the line of the alias that went past it.
/// Real files use a few small anchors (`<<: *defaults`); the tool's own formats never use any.
public enum YAMLInput {
    /// The most nodes aliases may add to one document.
    public static let maximumAliasExpansion = 10_000

    /// A document refused before composing.
    public struct Refusal: Error, Equatable, Sendable {
        /// 1-based line of the alias that went past the limit.
        public let line: Int
        public let message: String
    }

    /// Composes `text` after checking its aliases. Throws `Refusal`, or Yams' own errors for
    /// YAML that does not parse.
    static func compose(_ text: String) throws -> Node? {
        try checkAliases(text)
        return try Yams.compose(yaml: text)
    }

    /// Throws `Refusal` when aliases add more than `limit` nodes. YAML that does not parse passes
    /// here: composing reports it, with Yams' own message.
    static func checkAliases(_ text: String, limit: Int = maximumAliasExpansion) throws(Refusal) {
        // Without an alias indicator nothing can expand: skip the second parse.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        let refusal: Refusal? = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Node counts of open collections, and of each anchored node once complete (expanded).
            var open: [(count: Int, anchor: String?)] = []
            var sizes: [String: Int] = [:]
            var added = 0
            func finish(_ size: Int, anchor: String?) {
                if let anchor { sizes[anchor] = size }
                if !open.isEmpty { open[open.count - 1].count += size }
            }
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_START_EVENT:
                    sizes = [:]
                    added = 0
                case YAML_SCALAR_EVENT:
                    finish(1, anchor: Self.string(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT:
                    open.append((1, Self.string(event.data.sequence_start.anchor)))
                case YAML_MAPPING_START_EVENT:
                    open.append((1, Self.string(event.data.mapping_start.anchor)))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let closed = open.popLast() { finish(closed.count, anchor: closed.anchor) }
                case YAML_ALIAS_EVENT:
                    let name = Self.string(event.data.alias.anchor) ?? ""
                    let size = sizes[name] ?? 1
                    added += size
                    if added > limit {
                        let line = Int(event.start_mark.line) + 1
                        return Refusal(line: line, message: "the alias *\(Excerpt.of(name, limit: 40)) takes aliases past \(limit) nodes "
                                       + "(it alone stands for \(size)): refused as an alias bomb; write the values out instead")
                    }
                    finish(size, anchor: nil)
                default:
                    break
                }
            }
            return nil  // a parse error: composing reports it
        }
        if let refusal { throw refusal }
    }

    /// The text a manifest holds after a template inserted `text` unquoted (`value: {{ ... }}`), or
    /// nil when it is no text there: a number, a boolean, null, a list, or YAML that no longer parses.
    public static func textAfterUnquotedRendering(_ text: String) -> String? {
        guard let node = try? Yams.compose(yaml: "value: " + text), case .mapping(let mapping) = node, mapping.count == 1,
              let value = mapping.first?.value, case .scalar(let scalar) = value else { return nil }
        if scalar.style == .plain, Resolver.default.resolveTag(of: value) != .str { return nil }
        return scalar.string
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}

/// A value as messages show it: at most `limit` characters, with the length when cut, so a
/// megabyte value is never echoed whole. Never used for secrets, which messages never show.
public enum Excerpt {
    public static let defaultLimit = 80

    public static func of(_ value: String, limit: Int = defaultLimit) -> String {
        guard value.count > limit else { return value }
        return String(value.prefix(limit - 1)) + "… (\(value.count) characters)"
    }
}
