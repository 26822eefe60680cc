/// The verdict of one live check.
public enum CheckStatus: String, Sendable, Equatable, CaseIterable {
    case ok
    case fail = "FAIL"
    case warn
    case skip
    /// Not answered yet (the wizard shows the line while the request runs).
    case pending
}

/// Which check a result belongs to: discovery, the JWKS, a token per application, a manual one.
public enum CheckID: Hashable, Sendable, Comparable {
    case discovery
    case jwks
    case token(String)
    case manual(Component)

    public var key: String {
        switch self {
        case .discovery: return "discovery"
        case .jwks: return "jwks"
        case .token(let application): return "token.\(application)"
        case .manual(let c): return "manual.\(c.rawValue)"
        }
    }

    public static func < (lhs: CheckID, rhs: CheckID) -> Bool { lhs.key < rhs.key }
}

/// The result of one check: a line `ok|FAIL|warn|skip  <subject>: <message>`, the field to fix
/// when there is one, and further lines. Never holds a secret: messages are built from
/// non-secret values only, and `LiveCheckReport` scrubs secrets once more before rendering.
public struct CheckResult: Equatable, Sendable {
    public let id: CheckID
    public var status: CheckStatus
    /// "provider", "Operate", ...
    public let subject: String
    public var message: String
    /// The answer to change (its answers-file path names it in text and JSON).
    public var field: FieldID?
    /// Further facts: the values compared, what to try.
    public var details: [String]
    /// No HTTP answer at all (name, connection, TLS, timeout): counts toward "provider unreachable".
    public var unreachable: Bool

    public init(_ id: CheckID, _ status: CheckStatus, subject: String, _ message: String, field: FieldID? = nil,
                details: [String] = [], unreachable: Bool = false) {
        self.id = id
        self.status = status
        self.subject = subject
        self.message = message
        self.field = field
        self.details = details
        self.unreachable = unreachable
    }
}

/// All results of one run, in plan order, and the exit status they give.
public struct LiveCheckReport: Equatable, Sendable {
    public var results: [CheckResult]
    /// Values that must never appear in output (the secrets sent), replaced if they ever do.
    private let secrets: [String]

    public init(results: [CheckResult], secrets: [String] = []) {
        self.results = results
        self.secrets = secrets.filter { $0.count >= 1 }
    }

    /// 0 every check ok (warnings and skips allowed), 1 a FAIL, 69 the provider could not be reached at all.
    public var exitStatus: Int32 {
        let answered = results.filter { $0.status != .skip && $0.status != .pending }
        if !answered.isEmpty, answered.allSatisfy(\.unreachable) { return 69 }
        return results.contains { $0.status == .fail } ? 1 : 0
    }

    public func count(_ status: CheckStatus) -> Int { results.filter { $0.status == status }.count }

    /// One line per check, then indented details and the field to fix, then a summary line.
    public func text() -> String {
        var out = ""
        for result in results {
            out += Self.line(result) + "\n"
            for detail in result.details { out += "      " + detail + "\n" }
            if let field = result.field, result.status == .fail || result.status == .warn {
                out += "      fix: \(field.path) (\(FieldCatalog.field(field).label))\n"
            }
        }
        out += summary() + "\n"
        return scrub(out)
    }

    /// `ok    Operate: token ...`: the status padded to four columns and two spaces.
    public static func line(_ result: CheckResult) -> String {
        let status = result.status.rawValue
        return status + String(repeating: " ", count: max(0, 6 - status.count)) + "\(result.subject): \(result.message)"
    }

    public func summary() -> String {
        let parts = [CheckStatus.ok, .fail, .warn, .skip].map { "\(count($0)) \($0.rawValue)" }
        return "verify: " + parts.joined(separator: ", ") + (exitStatus == 69 ? " (the provider could not be reached)" : "")
    }

    /// The same facts as `text()`, as one JSON object (keys in a fixed order).
    public func json() -> String {
        var out = "{\n  \"checks\": [\n"
        out += results.map { result in
            var fields = [
                ("check", JSON.string(result.id.key)),
                ("status", JSON.string(result.status.rawValue)),
                ("component", JSON.string(result.subject)),
                ("message", JSON.string(result.message)),
            ]
            if let field = result.field {
                fields.append(("field", JSON.string(field.path)))
                fields.append(("fieldLabel", JSON.string(FieldCatalog.field(field).label)))
            }
            fields.append(("details", "[" + result.details.map(JSON.string).joined(separator: ", ") + "]"))
            fields.append(("unreachable", result.unreachable ? "true" : "false"))
            return "    {" + fields.map { "\(JSON.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ],\n  \"summary\": {"
        out += [CheckStatus.ok, .fail, .warn, .skip].map { "\(JSON.string($0.rawValue)): \(count($0))" }.joined(separator: ", ")
        out += "},\n  \"exitStatus\": \(exitStatus)\n}\n"
        return scrub(out)
    }

    /// Belt and braces: a secret that reached a message anyway (an echoing provider) is masked.
    private func scrub(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingAll(secret, with: "<secret>")
        }
        return text
    }
}

/// Minimal JSON string escaping for the report (the core has no Foundation).
enum JSON {
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
