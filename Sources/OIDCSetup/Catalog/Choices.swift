/// Facts about this tool that every output header names.
public enum ToolInfo {
    public static let name = "camunda-oidc"
    public static let version = "0.1.0"
    public static let camundaVersion = "8.5"
    public static let chartVersion = "10.x"
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
    /// `existingSecret: {name: ...}` pointing at a Kubernetes Secret the tool also writes.
    case kubernetesSecret
    /// `existingSecret: "<the secret>"`: the values file itself holds the secrets.
    case inline
}

/// Which of the Connectors' two set-ups is wanted.
public enum ConnectorsMode: String, CaseIterable, Sendable, Hashable {
    /// Inbound connectors poll Operate, so they also need Operate-facing credentials.
    case inbound
    /// Outbound only: just the Zeebe client.
    case outbound
}
