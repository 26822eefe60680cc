/// One line of an env file as written, kept so that a rewrite can leave it where it was.
public struct EnvLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case blank
        case comment
        /// `NAME=value` (optionally `export NAME=value`), with the value as bash reads it.
        case assignment(name: String, value: String, exported: Bool)
    }

    public let number: Int
    /// The line without its line ending.
    public let text: String
    public let kind: Kind

    public var name: String? {
        if case .assignment(let name, _, _) = kind { return name }
        return nil
    }
}

/// A problem reading an input file, with the file and line it is on.
public struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Reads env files the way `set -a; . ./file` does for the forms people write by hand:
/// `export ` prefixes, single and double quotes, `#` comments, blank lines, CRLF line endings.
/// What a shell would expand (`$VAR`, backticks) is not guessed at: such a line is reported.
public enum EnvFileParser {
    public static func parse(_ text: String, file: String) throws(ImportProblem) -> [EnvLine] {
        var lines: [EnvLine] = []
        // "\r\n" is one Character in Swift, so split on both forms.
        var rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        if rawLines.last == "" { rawLines.removeLast() }
        for (index, rawLine) in rawLines.enumerated() {
            let number = index + 1
            var line = rawLine
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                lines.append(EnvLine(number: number, text: line, kind: .blank))
                continue
            }
            if trimmed.hasPrefix("#") {
                lines.append(EnvLine(number: number, text: line, kind: .comment))
                continue
            }
            var rest = Substring(trimmed)
            var exported = false
            if rest.hasPrefix("export "), let afterExport = rest.dropFirst(7).firstIndex(where: { !$0.isWhitespace }) {
                exported = true
                rest = rest[afterExport...]
            }
            guard let equals = rest.firstIndex(of: "=") else {
                throw ImportProblem(file: file, line: number, message: "expected NAME=value, found '\(clip(trimmed))'")
            }
            let name = String(rest[..<equals])
            guard isVariableName(name) else {
                throw ImportProblem(file: file, line: number, message: "'\(clip(name))' is not a variable name (letters, digits and _, not starting with a digit)")
            }
            let value = try parseValue(rest[rest.index(after: equals)...], file: file, line: number)
            lines.append(EnvLine(number: number, text: line, kind: .assignment(name: name, value: value, exported: exported)))
        }
        return lines
    }

    /// The variables of a parsed file, by name; a later assignment wins, as in the shell.
    public static func variables(_ lines: [EnvLine]) -> [String: (value: String, line: Int)] {
        var result: [String: (value: String, line: Int)] = [:]
        for line in lines {
            if case .assignment(let name, let value, _) = line.kind { result[name] = (value, line.number) }
        }
        return result
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    private static func clip(_ s: some StringProtocol) -> String {
        s.count > 40 ? String(s.prefix(39)) + "…" : String(s)
    }

    private static func parseValue(_ text: Substring, file: String, line: Int) throws(ImportProblem) -> String {
        var value = ""
        var index = text.startIndex
        func fail(_ message: String) -> ImportProblem { ImportProblem(file: file, line: line, message: message) }
        while index < text.endIndex {
            let ch = text[index]
            switch ch {
            case "'":
                guard let close = text[text.index(after: index)...].firstIndex(of: "'") else {
                    throw fail("unterminated single quote (values spanning lines are not supported)")
                }
                value += text[text.index(after: index)..<close]
                index = text.index(after: close)
            case "\"":
                index = text.index(after: index)
                var closed = false
                while index < text.endIndex {
                    let c = text[index]
                    if c == "\"" { closed = true; index = text.index(after: index); break }
                    if c == "$" || c == "`" { throw fail("uses shell expansion ('\(c)'), which this tool cannot read back; quote the value in single quotes") }
                    if c == "\\", text.index(after: index) < text.endIndex {
                        let next = text[text.index(after: index)]
                        if "\\\"$`".contains(next) {
                            value.append(next)
                            index = text.index(index, offsetBy: 2)
                            continue
                        }
                    }
                    value.append(c)
                    index = text.index(after: index)
                }
                if !closed { throw fail("unterminated double quote (values spanning lines are not supported)") }
            case " ", "\t":
                // Unquoted whitespace ends the value; what follows must be a comment.
                let after = text[index...].drop(while: { $0 == " " || $0 == "\t" })
                if after.isEmpty || after.hasPrefix("#") { return value }
                throw fail("unquoted space in the value; quote the value")
            case "$", "`":
                throw fail("uses shell expansion ('\(ch)'), which this tool cannot read back; quote the value in single quotes")
            case "\\":
                let next = text.index(after: index)
                guard next < text.endIndex else { throw fail("ends with a backslash") }
                value.append(text[next])
                index = text.index(after: next)
            default:
                value.append(ch)
                index = text.index(after: index)
            }
        }
        return value
    }
}
