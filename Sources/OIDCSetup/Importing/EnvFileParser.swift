/// One line of an env file as written, kept so that a rewrite can leave it where it was.
public struct EnvLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case blank
        case comment
        /// `NAME=value` (optionally `export NAME=value`), with the value as bash reads it.
        case assignment(name: String, value: String, exported: Bool)
        /// A line this parser cannot read (only from `parseKeepingUnreadable`), with the variable
        /// name when the line starts like an assignment.
        case unreadable(name: String?)
    }

    public let number: Int
    /// The line without its line ending.
    public let text: String
    public let kind: Kind

    public var name: String? {
        switch kind {
        case .assignment(let name, _, _): return name
        case .unreadable(let name): return name
        default: return nil
        }
    }
}

/// A problem reading an input file, with the file and line it is on.
public struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String
    /// As a note on an import: an error means the setup as found would not work.
    public let severity: Severity

    public init(file: String, line: Int?, message: String, severity: Severity = .warning) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Reads env files the way `set -a; . ./file` does for the forms people write by hand:
/// `export ` prefixes, single and double quotes, `#` comments, blank lines, CRLF line endings.
/// What a shell would expand (`$VAR`, backticks) is not guessed at: such a line is reported.
public enum EnvFileParser {
    /// Parses every line; the first line that cannot be read is an error with its line number.
    /// Messages never quote a line's content: it may hold a secret.
    public static func parse(_ text: String, file: String) throws(ImportProblem) -> [EnvLine] {
        var lines: [EnvLine] = []
        for (number, line) in splitLines(text) {
            lines.append(try parseLine(line, number: number, file: file))
        }
        return lines
    }

    /// Parses what it can and keeps the rest as `.unreadable` lines, for rewriting a file without
    /// losing the lines a person wrote in forms this parser does not read (`X=$HOME/x`).
    public static func parseKeepingUnreadable(_ text: String, file: String) -> [EnvLine] {
        splitLines(text).map { number, line in
            do {
                return try parseLine(line, number: number, file: file)
            } catch {
                return EnvLine(number: number, text: line, kind: .unreadable(name: assignedName(line)))
            }
        }
    }

    /// Lines with their 1-based numbers, without line endings.
    private static func splitLines(_ text: String) -> [(Int, String)] {
        // "\r\n" is one Character in Swift, so split on both forms.
        var rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        if rawLines.last == "" { rawLines.removeLast() }
        return rawLines.enumerated().map { index, rawLine in
            var line = rawLine
            if line.hasSuffix("\r") { line.removeLast() }
            return (index + 1, line)
        }
    }

    private static func parseLine(_ line: String, number: Int, file: String) throws(ImportProblem) -> EnvLine {
        let trimmed = line.trimmingWhitespace()
        if trimmed.isEmpty { return EnvLine(number: number, text: line, kind: .blank) }
        if trimmed.hasPrefix("#") { return EnvLine(number: number, text: line, kind: .comment) }
        let (name, exported, rest) = splitAssignment(trimmed)
        guard let name, let rest else {
            throw ImportProblem(file: file, line: number, message: "expected NAME=value (or a # comment)")
        }
        guard isVariableName(name) else {
            throw ImportProblem(file: file, line: number, message: "the name before '=' is not a variable name (letters, digits and _, not starting with a digit)")
        }
        let value = try parseValue(rest, file: file, line: number)
        return EnvLine(number: number, text: line, kind: .assignment(name: name, value: value, exported: exported))
    }

    /// `[export ]NAME=rest` split into its parts; nil parts when there is no `=`.
    private static func splitAssignment(_ trimmed: String) -> (name: String?, exported: Bool, rest: Substring?) {
        var rest = Substring(trimmed)
        var exported = false
        if rest.hasPrefix("export "), let afterExport = rest.dropFirst(7).firstIndex(where: { !$0.isWhitespace }) {
            exported = true
            rest = rest[afterExport...]
        }
        guard let equals = rest.firstIndex(of: "=") else { return (nil, exported, nil) }
        return (String(rest[..<equals]), exported, rest[rest.index(after: equals)...])
    }

    /// The variable a line assigns, even when its value cannot be read.
    static func assignedName(_ line: String) -> String? {
        guard let name = splitAssignment(line.trimmingWhitespace()).name, isVariableName(name) else { return nil }
        return name
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
