/// Writes and reads env-file values so that docker compose `env_file`, `set -a; . ./file`
/// and python-dotenv all read back exactly the value written.
///
/// The readers disagree on escapes and on `$`, so each value takes the simplest form that all
/// of them read unchanged (spec section 2); a value no form carries is refused, never mangled.
public enum EnvValue: Equatable, Sendable {
    case encoded(String)
    case refused(String)

    private static let plainCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:@%+,-")

    public static func encode(_ value: String) -> EnvValue {
        if value.unicodeScalars.contains(where: Validator.isControl) {
            return .refused("contains a line break or control character, which env files cannot carry")
        }
        if value.allSatisfy({ plainCharacters.contains($0) }) { return .encoded(value) }
        // python-dotenv reads a backslash before the closing quote as an escaped quote, in both quotings.
        if value.hasSuffix("\\") {
            return .refused("ends in a backslash, which python-dotenv reads as escaping the closing quote: no env-file quoting reads back the same in docker compose, bash and python-dotenv")
        }
        // python-dotenv expands ${NAME} inside single quotes too, and has no escape for it.
        if let open = value.range(of: "${"), value[open.upperBound...].contains("}") {
            return .refused("holds '${...}', which python-dotenv expands in every quoting: no env-file quoting reads back the same in docker compose, bash and python-dotenv")
        }
        // python-dotenv unescapes \\ and \' inside single quotes; compose and bash do not.
        if !value.contains("'"), !value.contains("\\\\") {
            return .encoded("'\(value)'")
        }
        // Inside double quotes bash, compose and dotenv all expand `$` (and bash runs backticks).
        if !value.contains("$"), !value.contains("`") {
            var escaped = ""
            for ch in value {
                if ch == "\\" || ch == "\"" { escaped.append("\\") }
                escaped.append(ch)
            }
            return .encoded("\"\(escaped)\"")
        }
        return .refused("holds both a quote or backslash and '$' or '`': no env-file quoting reads back the same in docker compose, bash and python-dotenv")
    }
}

/// YAML scalars, always double-quoted so that `no`, `0123`, `1e3`, `~`, `a: b` and `#x` stay strings.
public enum YAMLScalar {
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Validator.isControl(scalar) || scalar.value == 0xFEFF {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The text a chart re-reads from a value written in YAML single quotes inside the string
    /// (`'it''s'` -> `it's`); a value without them is returned as it is.
    public static func unwrapSingleQuoted(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") else { return value }
        return String(value.dropFirst().dropLast()).replacingAll("''", with: "'")
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
