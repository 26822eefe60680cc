import Yams

/// Where a client secret comes from in an answers file. The core never resolves the
/// environment or file forms: the executable does, since the core does no I/O.
public enum SecretReference: Equatable, Sendable {
    /// `secret:` the value itself.
    case literal(String)
    /// `secretEnv:` the name of an environment variable holding it.
    case environment(String)
    /// `secretFile:` a path (relative to the answers file) whose contents are the secret.
    case file(String)

    /// The conventional variable name the wizard saves (`CAMUNDA_OIDC_OPERATE_SECRET`).
    public static func defaultEnvironmentName(_ component: Component) -> String {
        "CAMUNDA_OIDC_\(component.rawValue.uppercased())_SECRET"
    }
}

/// A parsed answers file: the configuration plus how each secret was given.
public struct Answers: Equatable, Sendable {
    public var configuration: Configuration
    public var secretReferences: [Component: SecretReference]
    /// Things worth telling that are not errors: trimmed values, keys that do not apply.
    public var notes: [String]

    public init(configuration: Configuration, secretReferences: [Component: SecretReference] = [:], notes: [String] = []) {
        self.configuration = configuration
        self.secretReferences = secretReferences
        self.notes = notes
    }
}

/// One problem in an answers file, with the line it is on.
public struct AnswersProblem: Equatable, Sendable, CustomStringConvertible {
    public let line: Int?
    public let path: String
    public let message: String

    public var description: String {
        let location = line.map { "line \($0): " } ?? ""
        return path.isEmpty ? location + message : "\(location)\(path): \(message)"
    }
}

/// Thrown when an answers file cannot be read as answers; lists every problem found.
public struct AnswersParseFailure: Error, Equatable {
    public let problems: [AnswersProblem]
}

/// The answers file (YAML): the contract between the wizard, scripts and `generate`.
public enum AnswersFile {
    public static let defaultFileName = "camunda-oidc-answers.yaml"

    static let topLevelKeys = [
        "version", "camunda", "provider", "output", "tenantId", "authorityHost", "issuer", "issuerBackendUrl", "authUrl",
        "tokenUrl", "jwksUrl", "identityBaseUrl", "helmSecrets", "kubernetesSecretName", "initialClaim", "components",
    ]

    /// The keys of a component's mapping for a version: its fields (as the version asks them) in
    /// catalog order, then the secret forms. Nested fields (`cluster.name`) give their first key.
    static func componentKeys(_ c: Component, version: CamundaVersion = .v8_5) -> [String] {
        var keys: [String] = []
        for field in FieldID.all where field.component == c && version.profile.asks(field) && field != .clientSecret(c) {
            let key = relativeKey(field, c).prefix { $0 != "." }
            if !keys.contains(String(key)) { keys.append(String(key)) }
        }
        if c.hasSecret { keys += ["secret", "secretEnv", "secretFile"] }
        return keys
    }

    /// `clientId` for `components.operate.clientId`, `cluster.name` for `components.webModeler.cluster.name`.
    static func relativeKey(_ field: FieldID, _ c: Component) -> String {
        String(field.path.dropFirst("components.\(c.rawValue).".count))
    }

    /// Reads an answers file. Unknown keys, wrong types and bad choices are errors: a typo must not pass silently.
    public static func parse(_ text: String) throws(AnswersParseFailure) -> Answers {
        var reader = Reader()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw AnswersParseFailure(problems: [AnswersProblem(line: YAMLTree.line(of: error), path: "", message: "not valid YAML: \(YAMLTree.summary(of: error))")])
        }
        guard let root, let mapping = reader.mapping(root, path: "") else {
            throw AnswersParseFailure(problems: reader.problems.isEmpty
                ? [AnswersProblem(line: nil, path: "", message: "empty: expected a mapping with version, provider, output, components, ...")]
                : reader.problems)
        }
        let answers = reader.read(mapping)
        guard reader.problems.isEmpty else { throw AnswersParseFailure(problems: reader.problems) }
        return answers
    }

    /// Writes answers in the file's format: only the fields that apply, only values given (derived
    /// ones are left to derive), and secrets as the given references (never a secret, unless a literal).
    public static func render(_ config: Configuration, secrets: [Component: SecretReference]) -> String {
        var lines = [
            "# \(ToolInfo.name) \(ToolInfo.version) answers for Camunda \(config.version.rawValue), provider: \(config.provider.displayName).",
            "# Replay: \(ToolInfo.name) generate --answers \(defaultFileName) (set the secretEnv variables first).",
            "version: 1",
            "camunda: \(YAMLScalar.quoted(config.version.rawValue))",
            "provider: \(config.provider.rawValue)",
            "output: \(config.output.rawValue)",
        ]
        func emit(_ field: FieldID, key: String, indent: String = "") {
            let given = config.raw(field)
            guard config.applies(field), !given.isEmpty else { return }
            // A value the provider fixes (Entra's endpoints) is derived again on replay, not saved.
            guard !FieldCatalog.field(field).isDerivedOnly(config.provider) else { return }
            switch FieldCatalog.field(field).kind {
            case .list:
                lines.append("\(indent)\(key): [\(config.list(field).map(YAMLScalar.quoted).joined(separator: ", "))]")
            case .choice:
                lines.append("\(indent)\(key): \(given)")
            default:
                lines.append("\(indent)\(key): \(YAMLScalar.quoted(given))")
            }
        }
        for (field, key) in [(FieldID.tenantID, "tenantId"), (.authorityHost, "authorityHost"), (.issuer, "issuer"),
                             (.issuerBackendURL, "issuerBackendUrl"), (.authorizationURL, "authUrl"), (.tokenURL, "tokenUrl"), (.jwksURL, "jwksUrl"),
                             (.identityBaseURL, "identityBaseUrl")] {
            emit(field, key: key)
        }
        if config.output == .helm {
            lines.append("helmSecrets: \(config.helmSecrets.rawValue)")
            emit(.kubernetesSecretName, key: "kubernetesSecretName")
        }
        // 8.8 and later without Management Identity: no initial claim.
        if config.applies(.initialClaimValue) {
            lines.append("initialClaim:")
            lines.append("  name: \(YAMLScalar.quoted(config.value(.initialClaimName)))")
            lines.append("  value: \(YAMLScalar.quoted(config.raw(.initialClaimValue)))")
        }
        lines.append("components:")
        for c in config.components {
            lines.append("  \(c.rawValue):")
            let indent = "    "
            var nested: [String] = []
            for field in FieldID.all where field.component == c && field != .clientSecret(c) && config.applies(field) {
                let key = relativeKey(field, c)
                if field == .connectorsMode {
                    lines.append("\(indent)mode: \(config.connectorsMode.rawValue)")
                } else if let dot = key.firstIndex(of: ".") {
                    // One nested mapping per component (Web Modeler's cluster): gathered, written after the plain keys.
                    if nested.isEmpty { nested.append("\(indent)\(key[..<dot]):") }
                    let before = lines.count
                    emit(field, key: String(key[key.index(after: dot)...]), indent: indent + "  ")
                    nested += lines[before...]
                    lines.removeLast(lines.count - before)
                } else {
                    emit(field, key: key, indent: indent)
                }
            }
            if nested.count > 1 { lines += nested }
            if config.applies(.clientSecret(c)) {
                switch secrets[c] ?? .environment(SecretReference.defaultEnvironmentName(c)) {
                case .literal(let s): lines.append("\(indent)secret: \(YAMLScalar.quoted(s))")
                case .environment(let name): lines.append("\(indent)secretEnv: \(YAMLScalar.quoted(name))")
                case .file(let path): lines.append("\(indent)secretFile: \(YAMLScalar.quoted(path))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Walks the YAML tree, collecting every problem instead of stopping at the first.
private struct Reader {
    var problems: [AnswersProblem] = []
    var notes: [String] = []

    mutating func problem(_ node: Node?, _ path: String, _ message: String) {
        problems.append(AnswersProblem(line: node?.mark.map { $0.line }, path: path, message: message))
    }

    mutating func mapping(_ node: Node, path: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            problem(node, path, "expected a mapping (key: value lines)")
            return nil
        }
        var seen = Set<String>()
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                problem(keyNode, path, "keys must be plain names")
                continue
            }
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if !seen.insert(key).inserted {
                problem(keyNode, keyPath, "appears twice")
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    /// A scalar's text, or nil for null; a mapping or list where text belongs is a problem.
    mutating func text(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            let shape: String
            if case .mapping = node { shape = "mapping" } else { shape = "list" }
            problem(node, path, "expected a single value, not a \(shape)")
            return nil
        }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }

    mutating func unknown(_ key: String, node: Node, path: String, expected: [String]) {
        problem(node, path, "unknown key '\(key)' (expected one of: \(expected.joined(separator: ", ")))")
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, path: String, as: T.Type) -> T? where T.RawValue == String {
        guard let value = text(node, path: path) else { return nil }
        if let choice = T(rawValue: value) { return choice }
        problem(node, path, "'\(value)' is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// The `camunda:` version, read first: it decides which components and keys are valid.
    mutating func version(_ pairs: [(key: String, keyNode: Node, value: Node)]) -> CamundaVersion {
        let known = "the Camunda version this setup is for: \(CamundaVersion.knownList)"
        guard let (_, _, node) = pairs.first(where: { $0.key == "camunda" }) else {
            problem(nil, "camunda", "missing: add 'camunda: \"8.5\"' (\(known))")
            return .v8_5
        }
        guard let given = text(node, path: "camunda") else {
            problem(node, "camunda", "is empty: give \(known)")
            return .v8_5
        }
        guard let version = CamundaVersion(rawValue: given) else {
            problem(node, "camunda", "'\(given)' is not a known Camunda version: give one of \(CamundaVersion.knownList)")
            return .v8_5
        }
        return version
    }

    mutating func read(_ pairs: [(key: String, keyNode: Node, value: Node)]) -> Answers {
        var config = Configuration(version: version(pairs), values: [:])
        let profile = config.profile
        var secrets: [Component: SecretReference] = [:]
        var provider: Provider?
        var output: OutputFormat?
        var sawVersion = false
        var componentsNode: [(key: String, keyNode: Node, value: Node)]?
        var fieldNodes: [FieldID: Node] = [:]

        func store(_ field: FieldID, _ node: Node, _ reader: inout Reader) {
            let spec = FieldCatalog.field(field)
            // A list field takes a YAML list (or one string of items separated as the wizard takes them).
            if spec.kind == .list, case .sequence(let sequence) = node {
                var items: [String] = []
                for (index, item) in sequence.enumerated() {
                    if let text = reader.text(item, path: "\(field.path)[\(index)]") { items.append(text.trimmingWhitespace()) }
                }
                config.set(field, items.joined(separator: ", "))
                fieldNodes[field] = node
                return
            }
            guard let value = reader.text(node, path: field.path) else { return }
            if spec.kind == .choice, !spec.choices.contains(where: { $0.value == value }) {
                reader.problem(node, field.path, "'\(value)' is not one of: \(spec.choices.map(\.value).joined(separator: ", "))")
                return
            }
            let trimmed = value.trimmingWhitespace()
            if trimmed != value {
                reader.notes.append("\(field.path): surrounding whitespace trimmed")
            }
            config.set(field, trimmed)
            fieldNodes[field] = node
        }

        for (key, keyNode, value) in pairs {
            switch key {
            case "version":
                sawVersion = true
                if text(value, path: key) != "1" { problem(value, key, "must be 1 (the only answers format so far)") }
            case "camunda":
                break  // read first, by version(_:)
            case "provider": provider = choice(value, path: key, as: Provider.self)
            case "output": output = choice(value, path: key, as: OutputFormat.self)
            case "helmSecrets":
                if let mode = choice(value, path: key, as: HelmSecretMode.self) { config.helmSecrets = mode }
            case "initialClaim":
                guard let claim = mapping(value, path: key) else { break }
                for (claimKey, claimKeyNode, claimValue) in claim {
                    switch claimKey {
                    case "name": store(.initialClaimName, claimValue, &self)
                    case "value": store(.initialClaimValue, claimValue, &self)
                    default: unknown(claimKey, node: claimKeyNode, path: "initialClaim.\(claimKey)", expected: ["name", "value"])
                    }
                }
            case "components":
                componentsNode = mapping(value, path: key)
            default:
                if let field = FieldID(path: key), AnswersFile.topLevelKeys.contains(key) {
                    store(field, value, &self)
                } else {
                    unknown(key, node: keyNode, path: key, expected: AnswersFile.topLevelKeys)
                }
            }
        }
        if !sawVersion { problem(nil, "version", "missing: add 'version: 1'") }
        if let provider { config.provider = provider } else if !problems.contains(where: { $0.path == "provider" }) {
            problem(nil, "provider", "missing: generic or microsoft")
        }
        if let output { config.output = output } else if !problems.contains(where: { $0.path == "output" }) {
            problem(nil, "output", "missing: env or helm")
        }

        var selected = Set<Component>()
        if let componentsNode {
            for (name, nameNode, body) in componentsNode {
                guard let c = Component(rawValue: name) else {
                    unknown(name, node: nameNode, path: "components.\(name)", expected: profile.components.map(\.rawValue))
                    continue
                }
                guard profile.components.contains(c) else {
                    let others = CamundaVersion.allCases.filter { $0.profile.components.contains(c) }.map(\.rawValue)
                    problem(nameNode, "components.\(name)", "\(c.displayName) is not part of Camunda \(config.version.rawValue) (it is in \(others.joined(separator: ", "))); remove it or change 'camunda'")
                    continue
                }
                selected.insert(c)
                let base = "components.\(name)"
                guard case .mapping = body else {
                    if text(body, path: base) != nil { problem(body, base, "expected a mapping of clientId, secret, ...") }
                    continue
                }
                guard let fields = mapping(body, path: base) else { continue }
                var secretForms: [String] = []
                let expected = AnswersFile.componentKeys(c, version: config.version)
                for (key, keyNode, value) in fields {
                    let path = "\(base).\(key)"
                    guard expected.contains(key) else {
                        let elsewhere = CamundaVersion.allCases.filter { $0 != config.version && AnswersFile.componentKeys(c, version: $0).contains(key) }
                        if elsewhere.isEmpty {
                            unknown(key, node: keyNode, path: path, expected: expected)
                        } else {
                            problem(keyNode, path, "'\(key)' is a key of Camunda \(elsewhere.map(\.rawValue).joined(separator: ", ")), not \(config.version.rawValue)"
                                    + (key == "publicApiAudience" ? ": 8.7 registers Web Modeler as two apps; give the API app's client ID as apiClientId" : "")
                                    + " (expected one of: \(expected.joined(separator: ", ")))")
                        }
                        continue
                    }
                    switch key {
                    case "mode":
                        if let mode = choice(value, path: path, as: ConnectorsMode.self) { config.connectorsMode = mode }
                    case "secret", "secretEnv", "secretFile":
                        secretForms.append(key)
                        guard let given = text(value, path: path) else {
                            problem(value, path, "is empty")
                            continue
                        }
                        switch key {
                        case "secret":
                            let trimmed = given.trimmingWhitespace()
                            if trimmed != given { notes.append("\(path): surrounding whitespace trimmed") }
                            secrets[c] = .literal(trimmed)
                            config.set(.clientSecret(c), trimmed)
                        case "secretEnv":
                            secrets[c] = .environment(given)
                        default:
                            secrets[c] = .file(given)
                        }
                    default:
                        if let field = FieldID(path: path), config.profile.asks(field) {
                            store(field, value, &self)
                            continue
                        }
                        // A nested mapping (Web Modeler's cluster): each of its keys is a field.
                        let nestedKeys = FieldID.all.filter { $0.component == c && config.profile.asks($0) && $0.path.hasPrefix(path + ".") }
                        guard let inner = mapping(value, path: path) else { continue }
                        for (innerKey, innerKeyNode, innerValue) in inner {
                            if let field = nestedKeys.first(where: { $0.path == "\(path).\(innerKey)" }) {
                                store(field, innerValue, &self)
                            } else {
                                unknown(innerKey, node: innerKeyNode, path: "\(path).\(innerKey)",
                                        expected: nestedKeys.map { String($0.path.dropFirst(path.count + 1)) })
                            }
                        }
                    }
                }
                if secretForms.count > 1 {
                    problem(body, "\(base).secret", "give one of secret, secretEnv, secretFile (found \(secretForms.joined(separator: " and ")))")
                }
            }
        } else if !problems.contains(where: { $0.path == "components" }) {
            problem(nil, "components", "missing: list the components you deploy (identity, operate, ...)")
        }
        config.selectedComponents = selected

        for field in fieldNodes.keys.sorted()
        where !config.applies(field) || FieldCatalog.field(field).isDerivedOnly(config.provider) {
            if field.component == nil {
                let why: String
                if FieldCatalog.field(field).isDerivedOnly(config.provider) {
                    why = "derived from tenantId with provider \(config.provider.rawValue)"
                } else if let only = FieldCatalog.field(field).providers, !only.contains(config.provider) {
                    why = "not used with provider \(config.provider.rawValue)"
                } else if field == .kubernetesSecretName, config.output == .helm {
                    why = "not used with helmSecrets \(config.helmSecrets.rawValue)"
                } else {
                    why = "not used with output \(config.output.rawValue)\(config.output == .helm && field == .identityBaseURL ? " (the chart computes it)" : "")"
                }
                notes.append("\(field.path): ignored, \(why)")
            }
        }
        return Answers(configuration: config, secretReferences: secrets, notes: notes)
    }
}
