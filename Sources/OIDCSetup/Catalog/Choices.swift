/// Facts about this tool that every output header names.
public enum ToolInfo {
    public static let name = "camunda-oidc"
    public static let version = "0.1.0"
}

/// The Camunda version a setup is written for. Each one selects its components, fields, output
/// tables, checklist entries and rules: its `profile`, one file per version under Versions/.
public enum CamundaVersion: String, CaseIterable, Sendable, Hashable, Comparable {
    case v8_5 = "8.5"
    case v8_6 = "8.6"
    case v8_7 = "8.7"
    case v8_8 = "8.8"
    case v8_9 = "8.9"

    public static func < (lhs: CamundaVersion, rhs: CamundaVersion) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// What the version writes and asks: see Versions/Camunda85.swift and its siblings.
    public var profile: VersionProfile {
        switch self {
        case .v8_5: return .camunda85
        case .v8_6: return .camunda86
        case .v8_7: return .camunda87
        case .v8_8: return .camunda88
        case .v8_9: return .camunda89
        }
    }

    /// The Helm chart line of this version: `10.x`.
    public var chartLine: String { profile.chartLine }

    /// `Camunda 8.7 (Helm chart 12.x)`, as headers name it.
    public var displayName: String { "Camunda \(rawValue) (Helm chart \(chartLine))" }

    /// "8.5, 8.6, 8.7": for messages that list the known versions.
    public static var knownList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The version a header line states: `# for Camunda 8.7 (Helm chart 12.x), provider: ...`,
    /// `<!-- ... for Camunda 8.7 (Helm chart ...`; nil when the text states none in its leading comments.
    public static func stated(in text: String) -> CamundaVersion? {
        for line in text.split(separator: "\n", maxSplits: 6, omittingEmptySubsequences: false).prefix(6) {
            let line = Substring(String(line).trimmingWhitespace())
            guard line.hasPrefix("#") || line.hasPrefix("<!--") else { continue }
            guard let range = line.range(of: "for Camunda ") else { continue }
            let rest = line[range.upperBound...]
            let number = rest.prefix { $0.isNumber || $0 == "." }
            if let version = CamundaVersion(rawValue: String(number)) { return version }
        }
        return nil
    }
}

/// The OpenID Connect provider Camunda talks to.
public enum Provider: String, CaseIterable, Sendable, Hashable {
    case generic
    case microsoft

    /// The value of `CAMUNDA_IDENTITY_TYPE` / `global.identity.auth.type`.
    /// Upper-case: the chart compares it case-sensitively.
    public var identityType: String { rawValue.uppercased() }

    public var displayName: String {
        switch self {
        case .generic: return "Generic OIDC provider"
        case .microsoft: return "Microsoft Entra ID"
        }
    }
}

/// What the tool writes.
public enum OutputFormat: String, CaseIterable, Sendable, Hashable {
    case env
    case helm

    public var displayName: String {
        switch self {
        case .env: return "Env files"
        case .helm: return "Helm values"
        }
    }
}

/// Where the Helm overlay keeps the client secrets.
public enum HelmSecretMode: String, CaseIterable, Sendable, Hashable {
    /// A reference to a Kubernetes Secret the tool also writes: `existingSecret: {name: ...}` up to
    /// 8.7, `secret: {existingSecret: <name>, existingSecretKey: <key>}` from 8.8.
    case kubernetesSecret
    /// The values file itself holds the secrets: `existingSecret: "<the secret>"` up to 8.7,
    /// `secret: {inlineSecret: "<the secret>"}` from 8.8.
    case inline
}

/// Which of the Connectors' two set-ups is wanted.
public enum ConnectorsMode: String, CaseIterable, Sendable, Hashable {
    /// Inbound connectors poll Operate, so they also need Operate-facing credentials.
    case inbound
    /// Outbound only: just the Zeebe client.
    case outbound
}
