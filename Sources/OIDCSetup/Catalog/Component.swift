/// How a component's application is registered in the provider.
public enum ApplicationType: Sendable, Hashable {
    case confidentialWeb
    case singlePage
    case machineToMachine

    public var displayName: String {
        switch self {
        case .confidentialWeb: return "Web application (confidential client)"
        case .singlePage: return "Single-page application (public client)"
        case .machineToMachine: return "Machine to machine (no redirect URI)"
        }
    }

    /// How the wizard says what to register: "a web application (confidential client)".
    public var registrationPhrase: String {
        switch self {
        case .confidentialWeb: return "a web application (confidential client)"
        case .singlePage: return "a single-page application (public client)"
        case .machineToMachine: return "a machine-to-machine application (no redirect URI)"
        }
    }

    public var grantTypes: [String] {
        switch self {
        case .confidentialWeb: return ["authorization_code", "refresh_token", "client_credentials"]
        case .singlePage: return ["authorization_code", "refresh_token"]
        case .machineToMachine: return ["client_credentials"]
        }
    }
}

/// A Camunda component that authenticates against the provider. Which ones a version offers is
/// its profile's `components` (Console: 8.6 and later).
public enum Component: String, CaseIterable, Sendable, Hashable, Comparable {
    case identity
    case operate
    case tasklist
    case optimize
    case zeebe
    case webModeler
    case connectors
    case console
    /// 8.8 and later: Zeebe, Operate, Tasklist and the cluster's own identity UI as one
    /// Orchestration cluster, with one application.
    case orchestration

    public static func < (lhs: Component, rhs: Component) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var displayName: String {
        switch self {
        case .identity: return "Identity"
        case .operate: return "Operate"
        case .tasklist: return "Tasklist"
        case .optimize: return "Optimize"
        case .zeebe: return "Zeebe"
        case .webModeler: return "Web Modeler"
        case .connectors: return "Connectors"
        case .console: return "Console"
        case .orchestration: return "Orchestration cluster"
        }
    }

    /// One line on what the component is, for the component checklist.
    public var summary: String {
        switch self {
        case .identity: return "users, roles and permissions; required"
        case .operate: return "monitor and repair running processes"
        case .tasklist: return "human tasks"
        case .optimize: return "process reports and analytics"
        case .zeebe: return "the workflow engine's gateway (machine to machine)"
        case .webModeler: return "model in the browser (single-page app, no secret)"
        case .connectors: return "connect to external systems (machine to machine)"
        case .console: return "manage clusters and releases (single-page app, no secret)"
        case .orchestration: return "Zeebe, Operate, Tasklist and their admin UI: one app; always deployed"
        }
    }

    public var applicationType: ApplicationType {
        switch self {
        case .identity, .operate, .tasklist, .optimize, .orchestration: return .confidentialWeb
        case .webModeler, .console: return .singlePage
        case .zeebe, .connectors: return .machineToMachine
        }
    }

    /// The path appended to the component's external URL to form the redirect URI to register.
    public var redirectPath: String? {
        switch self {
        case .identity: return "/auth/login-callback"
        case .operate, .tasklist: return "/identity-callback"
        case .optimize: return "/api/authentication/callback"
        case .webModeler: return "/login-callback"
        case .console: return "/"
        case .orchestration: return "/sso-callback"
        case .zeebe, .connectors: return nil
        }
    }

    /// A browser reaches this component, so it has an external URL.
    public var hasExternalURL: Bool { redirectPath != nil }

    /// Web Modeler and Console are public clients: no secret.
    public var hasSecret: Bool { self != .webModeler && self != .console }

    /// Components whose single `audience` is asked (Web Modeler has two, Connectors borrow Operate's).
    public var hasAudience: Bool {
        switch self {
        case .identity, .operate, .tasklist, .optimize, .zeebe, .console, .orchestration: return true
        case .webModeler, .connectors: return false
        }
    }

    /// The key of this component's secret in the Kubernetes Secret the chart reads.
    public var kubernetesSecretKey: String? {
        switch self {
        case .webModeler, .console: return nil
        default: return "\(rawValue)-secret"
        }
    }

    /// Components whose presence this one needs, with the reason shown to the user.
    public var requiredComponents: [(Component, String)] {
        switch self {
        case .operate, .tasklist, .connectors:
            return [(.zeebe, "\(displayName) calls Zeebe with the Zeebe app's credentials")]
        default:
            return []
        }
    }
}
