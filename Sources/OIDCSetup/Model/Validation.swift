/// How serious a problem is: errors block "Next" and `generate`; warnings are shown and accepted.
public enum Severity: String, Sendable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// One problem found in the answers, naming the field it is about.
public struct ValidationIssue: Equatable, Sendable, CustomStringConvertible {
    public let field: FieldID
    public let severity: Severity
    public let message: String

    public init(_ field: FieldID, _ severity: Severity, _ message: String) {
        self.field = field
        self.severity = severity
        self.message = message
    }

    /// `components.webModeler.publicApiAudience: must differ from clientApiAudience`
    public var description: String { "\(field.path): \(message)" }
}

/// The validation rules of the spec (section 5), plus what the env format cannot carry.
public enum Validator {
    /// Largest secret accepted. Far above any provider's (Entra: 40 characters), and refused, never truncated.
    public static let maximumSecretLength = 16 * 1024

    /// Every problem with the configuration, in field order, errors first within a field.
    public static func validate(_ config: Configuration) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for field in config.applicableFields {
            issues += check(field, in: config)
        }
        issues += crossFieldIssues(config)
        return issues.enumerated().sorted { a, b in
            if a.element.field != b.element.field { return a.element.field < b.element.field }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Problems of the given fields only (a wizard step checks its own fields).
    public static func validate(_ fields: [FieldID], in config: Configuration) -> [ValidationIssue] {
        let wanted = Set(fields)
        return validate(config).filter { wanted.contains($0.field) }
    }

    /// The checks of one field on its own.
    static func check(_ field: FieldID, in config: Configuration) -> [ValidationIssue] {
        let spec = FieldCatalog.field(field)
        let given = config.raw(field)
        let value = config.value(field)
        var issues: [ValidationIssue] = []
        func error(_ m: String) { issues.append(ValidationIssue(field, .error, m)) }
        func warning(_ m: String) { issues.append(ValidationIssue(field, .warning, m)) }

        if spec.kind == .choice || spec.kind == .componentSet { return [] }
        // A derived value is checked through its source field (the tenant ID, the issuer, a
        // client ID), which reports the problem where it can be fixed.
        if spec.isDerivedOnly(config.provider) || (given.isEmpty && spec.derivation(config.provider) != nil) {
            return []
        }
        if let bad = value.unicodeScalars.first(where: isControl) {
            let what = bad == "\n" || bad == "\r" ? "a line break" : bad == "\t" ? "a tab" : "a control character"
            error("contains \(what); remove it")
            return issues
        }
        if value.isEmpty {
            // A derived value that is still empty waits for its source field, which reports it.
            if spec.isRequired, spec.derivation(config.provider) == nil {
                error(spec.isSecret ? "required: paste the secret's value" : "required")
            }
            return issues
        }

        switch spec.kind {
        case .url(let isPublic):
            if let problem = URLCheck.problem(value) {
                error(problem)
            } else if isPublic, URLCheck.isPlainHTTPOnPublicHost(value) {
                warning("uses http on a non-local host: tokens and cookies travel unencrypted; use https")
            }
        case .secret:
            if value.utf8.count > maximumSecretLength {
                error("is \(value.utf8.count) bytes long; secrets over \(maximumSecretLength) bytes are refused (nothing is cut off)")
            } else if config.provider == .microsoft, GUID.matches(value) {
                warning("this looks like the Secret ID; paste the secret's Value")
            }
        case .hostName:
            if !HostName.isValid(value) {
                error("give the host name only, e.g. login.microsoftonline.us (no https://, no path)")
            }
        case .kubernetesName:
            if !KubernetesName.isValid(value) {
                error("must be a Kubernetes name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters")
            }
        case .grpcURL:
            if let problem = URLCheck.problem(value, schemes: ["grpc", "grpcs"]) { error(problem) }
        case .text, .choice, .componentSet, .list:
            break
        }

        switch field {
        case .tenantID:
            let lower = value.lowercased()
            if ["common", "organizations", "consumers"].contains(lower) {
                error("'\(value)' is a multi-tenant alias, not a tenant: tokens are issued by your tenant's GUID")
            } else if !GUID.matches(value) {
                if value.contains(".") {
                    error("give the tenant's GUID, not the domain '\(value)': tokens carry the GUID in 'iss', so the issuer would not match (Entra admin center > Overview > Tenant ID)")
                } else {
                    error("must be a GUID like 00000000-0000-0000-0000-000000000000 (Entra admin center > Overview > Tenant ID)")
                }
            }
        case .issuer, .issuerBackendURL:
            if config.provider == .microsoft, !value.hasSuffix("/v2.0") {
                error("must end in /v2.0: Camunda needs Entra's v2.0 endpoints")
            }
        case .clientID(let c):
            if config.provider == .microsoft, !GUID.matches(value) {
                error("must be a GUID: the \(c.displayName) app's Application (client) ID from its Overview page")
            }
        case .audience(let c):
            if config.provider == .microsoft, !given.isEmpty, given != config.raw(.clientID(c)) {
                warning("differs from the client ID; Entra v2 tokens carry the client ID as 'aud' unless you set up an Application ID URI")
            }
        case .webModelerClientAPIAudience:
            if config.provider == .microsoft, !given.isEmpty, given != config.raw(.clientID(.webModeler)) {
                warning("differs from the client ID; Entra v2 tokens carry the client ID as 'aud' unless you set up an Application ID URI")
            }
        case .webModelerPublicAPIAudience:
            if value == config.value(.webModelerClientAPIAudience) {
                error("must differ from clientApiAudience, so that a web-app token cannot call the public API")
            }
        case .webModelerAPIClientID:
            if config.provider == .microsoft, !GUID.matches(value) {
                error("must be a GUID: the Web Modeler API app's Application (client) ID from its Overview page")
            } else if value == config.value(.clientID(.webModeler)) {
                error("must differ from the UI client ID: register Web Modeler as two apps, the UI (single-page app) and the API")
            } else if value == config.value(.webModelerClientAPIAudience) {
                error("must differ from clientApiAudience: it is the public API's audience, so that a web-app token cannot call the public API")
            }
        case .clusterZeebeVersion:
            let prefix = config.version.rawValue + "."
            let patch = value.hasPrefix(prefix) ? value.dropFirst(prefix.count).prefix { $0 != "-" } : ""
            if patch.isEmpty || !patch.allSatisfy({ $0.isASCII && $0.isNumber }) {
                error("must be a Camunda \(config.version.rawValue) version such as \(prefix)0 (the Zeebe image tag), as this setup is for \(config.version.rawValue)")
            }
        case .componentURL(.orchestration):
            // The chart appends these paths to the root itself (printf "%s/sso-callback").
            let root = value.trimmingTrailingSlashes().lowercased()
            if let suffix = ["/sso-callback", "/operate", "/tasklist"].first(where: { root.hasSuffix($0) }) {
                error("ends in \(suffix): give the cluster's root URL; the chart appends /sso-callback, /operate and /tasklist itself")
            }
        case .ocClientIDClaim:
            if config.provider == .microsoft, value != "azp" {
                warning("Entra names the calling app in 'azp'; with '\(value)' the cluster may not recognise Connectors and other machine clients")
            }
        case .ocScopes:
            let clientID = config.raw(.clientID(.orchestration))
            if config.provider == .microsoft, !clientID.isEmpty, !config.list(.ocScopes).contains(clientID + "/.default") {
                warning("has no \(clientID)/.default: Entra then issues tokens for Microsoft Graph, which the cluster rejects")
            }
        case .connectorsTokenScope:
            let clientID = config.raw(.clientID(.orchestration))
            if config.provider == .microsoft, !value.hasSuffix("/.default") {
                error("must end in /.default (Entra: <Orchestration cluster client ID>/.default)")
            } else if config.provider == .microsoft, !clientID.isEmpty, value != clientID + "/.default" {
                warning("names another app than the Orchestration cluster's (\(clientID)/.default): Entra would issue tokens the cluster rejects")
            }
        case .consoleWellKnownURL:
            if config.provider == .microsoft,
               !value.contains(config.raw(.tenantID)) || !value.hasSuffix("/v2.0/.well-known/openid-configuration") {
                warning("Entra's metadata document is https://<authority host>/<tenant ID>/v2.0/.well-known/openid-configuration; this one differs")
            }
        case .zeebeTokenScope:
            if config.provider == .microsoft, !value.hasSuffix("/.default") {
                error("must end in /.default (Entra: <Zeebe client ID>/.default)")
            }
        case .initialClaimValue:
            if config.provider == .microsoft, config.value(.initialClaimName) == "oid", !GUID.matches(value) {
                warning("with claim 'oid' the value is a user's Object ID, a GUID; this one is not")
            }
        default:
            break
        }

        if config.output == .env, !issues.contains(where: { $0.severity == .error }),
           case .refused(let reason) = EnvValue.encode(value) {
            error(reason)
        }
        // The charts pass several overlay values through Helm's `tpl` (issuerBackendUrl, redirectUrl, fullURL,
        // client IDs, Identity's inline secret): `{{` there is run as a template, or breaks the render.
        if config.output == .helm, value.contains("{{"), !issues.contains(where: { $0.severity == .error }),
           !spec.isSecret || config.helmSecrets == .inline,
           config.profile.layout.helmValues.contains(where: { $0.source.field == field }) {
            error("holds '{{', which the chart would run as a Helm template" + (spec.isSecret ? "; use a Kubernetes Secret (helmSecrets: kubernetesSecret) for this secret" : ""))
        }
        return issues
    }

    static func crossFieldIssues(_ config: Configuration) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        // What the version offers of what was ticked (Console ticked, then back to 8.5, is not deployed).
        let selected = Set(config.components)
        for (required, reason) in config.profile.requiredComponents where !config.isSelected(required) {
            issues.append(ValidationIssue(.components, .error, "\(config.profile.name(of: required)) is required: \(reason)"))
        }
        for dependency in config.profile.dependencies where config.isSelected(dependency.component) && !config.isSelected(dependency.needed) {
            issues.append(ValidationIssue(.components, .error, "\(config.profile.name(of: dependency.component)) needs \(config.profile.name(of: dependency.needed)): \(dependency.reason)"))
        }
        if config.profile.asks(.connectorsMode), selected.contains(.connectors), config.connectorsMode == .inbound, !selected.contains(.operate) {
            issues.append(ValidationIssue(.connectorsMode, .error, "inbound mode needs Operate (Connectors call it with Operate's audience); select Operate or choose outbound"))
        }
        issues += orchestrationIssues(config)
        issues += duplicates(of: { .clientID($0) }, in: config, noun: "client ID")
        issues += duplicates(of: { .clientSecret($0) }, in: config, noun: "secret")
        return issues
    }

    /// Two components sharing a client ID or a secret: a warning on each later one.
    /// The Orchestration cluster's cross-field rules (8.8 and later, spec section 9).
    static func orchestrationIssues(_ config: Configuration) -> [ValidationIssue] {
        guard config.profile.asks(.ocAdminClaimValue) else { return [] }
        var issues: [ValidationIssue] = []
        let claimName = config.value(.ocAdminClaimName)
        let claimValue = config.value(.ocAdminClaimValue)
        if claimValue.isEmpty, config.list(.ocAdminUsers).isEmpty {
            issues.append(ValidationIssue(.ocAdminClaimValue, .error,
                "no administrator for the cluster: give an admin claim value or at least one admin user name (this setup removes the chart's default admin 'demo', and without an admin nobody can grant access)"))
        }
        if !claimValue.isEmpty, claimName.isEmpty {
            issues.append(ValidationIssue(.ocAdminClaimName, .error, "required with an admin claim value: the claim that carries it (e.g. sub, email, groups)"))
        }
        if config.provider == .microsoft, config.value(.ocClientIDClaim) == "azp", config.value(.ocPreferUsernameClaim) == "false" {
            issues.append(ValidationIssue(.ocPreferUsernameClaim, .error,
                "must be Yes with client ID claim azp: Entra's user tokens carry azp too, so every user would count as an application"
                + (config.isSelected(.connectors) && config.value(.connectorsUseOrchestrationApp) == "true" ? " (here: as the Connectors client)" : "")))
        }
        if config.output == .helm, config.helmSecrets == .inline, config.profile.helmSecretForm == .secretObject {
            // Management Identity's secret also lands in its ConfigMap; the charts' own warnings cover only some secrets (13.x) or none (14.x).
            let identity = config.isSelected(.identity)
            issues.append(ValidationIssue(.helmSecrets, .warning,
                "inline: the values file holds every secret in plain text"
                + (identity ? ", and chart \(config.version.chartLine) puts Management Identity's in its ConfigMap in plain text" : "")
                + "; a Kubernetes Secret keeps them out of \(identity ? "both" : "it")"))
        }
        return issues
    }

    private static func duplicates(of field: (Component) -> FieldID, in config: Configuration, noun: String) -> [ValidationIssue] {
        var firstOwner: [String: Component] = [:]
        var issues: [ValidationIssue] = []
        for c in config.components where config.applies(field(c)) {
            let value = config.value(field(c))
            guard !value.isEmpty else { continue }
            if let owner = firstOwner[value] {
                let share = c == .connectors && owner == .orchestration && config.profile.asks(.connectorsUseOrchestrationApp)
                issues.append(ValidationIssue(field(c), .warning, "same \(noun) as \(config.profile.name(of: owner)): "
                    + (share ? "to use the cluster's app, choose it for Connectors (useOrchestrationApp: true)" : "register one application per component")))
            } else {
                firstOwner[value] = c
            }
        }
        return issues
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

/// GUID shape: 8-4-4-4-12 hexadecimal digits.
public enum GUID {
    public static func matches(_ s: String) -> Bool {
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}

enum HostName {
    static func isValid(_ s: String) -> Bool {
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        guard !s.isEmpty, s.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        }
    }
}

enum KubernetesName {
    static func isValid(_ s: String) -> Bool {
        guard !s.isEmpty, s.count <= 253 else { return false }
        let allowed = s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "." }
        let edges = [s.first!, s.last!].allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        return allowed && edges
    }
}

/// The URL checks of the spec, without Foundation's lenient parser.
public enum URLCheck {
    /// Why the text is not an absolute http(s) URL with a host, or nil when it is.
    public static func problem(_ text: String, schemes: [String] = ["http", "https"]) -> String? {
        if text.contains(where: \.isWhitespace) { return "must not contain spaces" }
        guard let schemeEnd = text.range(of: "://") else {
            return schemes.first == "http"
                ? "must start with https:// (or http://): e.g. https://\(text)"
                : "must start with \(schemes[0]):// (or \(schemes.dropFirst().map { $0 + "://" }.joined(separator: ", "))): e.g. \(schemes[0])://\(text)"
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard schemes.contains(scheme) else {
            return schemes.first == "http"
                ? "must be an http or https URL, not \(scheme)://"
                : "must be a \(schemes.joined(separator: " or ")) address, not \(scheme)://"
        }
        guard let host = host(of: text), !host.isEmpty else { return "has no host after \(scheme)://" }
        if host.hasPrefix("[") { return nil }
        if !host.allSatisfy({ $0.isASCII }) {
            return "has a non-ASCII host '\(host)': give its punycode form (xn--...), as providers register redirect URIs"
        }
        if !host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }) {
            return "has an invalid host '\(host)'"
        }
        return nil
    }

    /// The host of an absolute URL (without port and user info), lower-cased.
    public static func host(of text: String) -> String? {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        var rest = text[schemeEnd.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return String(rest) }
            return String(rest[...close]).lowercased()
        }
        if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
        return rest.lowercased()
    }

    /// `http://` to a host that is neither loopback nor a single-label (in-cluster) name.
    public static func isPlainHTTPOnPublicHost(_ text: String) -> Bool {
        guard text.lowercased().hasPrefix("http://"), let host = host(of: text) else { return false }
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "[::1]" { return false }
        if !host.contains(".") { return false }
        for internalSuffix in [".local", ".internal", ".svc", ".cluster.local"] where host.hasSuffix(internalSuffix) {
            return false
        }
        return true
    }
}
