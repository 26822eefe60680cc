/// Where an output value comes from.
public indirect enum ValueSource: Sendable, Equatable {
    /// A fixed value (`SPRING_PROFILES_ACTIVE=oidc`).
    case literal(String)
    /// `GENERIC` or `MICROSOFT`.
    case providerType
    /// A field's effective value, with an optional suffix (`<operate client ID>/.default`).
    case field(FieldID, suffix: String = "")
    /// A component's client secret: in Helm, a string or a `{name: ...}` Secret reference.
    case secret(Component)
    /// A component's redirect root (its external URL).
    case redirectRoot(Component)
    /// Raw YAML, unquoted (`false`).
    case yamlLiteral(String)
    /// A component's external URL without trailing `/`, plus a path (`<root>/sso-callback`): the
    /// charts append paths with printf, so a trailing slash would double.
    case rootURL(Component, path: String = "")
    /// A value a chart writes unquoted into YAML it renders (Identity's initial claim): wrapped in
    /// YAML single quotes inside the string, so that the rendered file reads back the exact text.
    case chartUnquoted(FieldID)
    /// A yes/no field (`true`/`false`): a YAML boolean in Helm (a quoted "false" is true to Helm).
    case bool(FieldID)
    /// `true` when the field's URL is https, else `false`.
    case httpsOnly(FieldID)
    /// A list: env writes `NAME_0`, `NAME_1`, ... (Spring's list binding), Helm a flow list
    /// (`[]` when empty: Helm replaces a chart's default list only with one written out).
    case list([ListItem])
    /// A YAML flow mapping on one line (`{users: [], mappingRules: ["camunda-oidc-admin"]}`). Helm only.
    case map([MapEntry])
    /// A YAML block list (`- {...}` lines under the key). Helm only.
    case blockList([ValueSource])
    /// A component's client secret in the object form of charts 13.x and later:
    /// `{existingSecret: <Secret>, existingSecretKey: <key>}` or `{inlineSecret: <secret>}`.
    case secretObject(Component)

    /// The field this value is read from, if any.
    public var field: FieldID? {
        switch self {
        case .field(let f, _), .chartUnquoted(let f), .bool(let f), .httpsOnly(let f): return f
        case .secret(let c), .secretObject(let c): return .clientSecret(c)
        case .redirectRoot(let c), .rootURL(let c, _): return .componentURL(c)
        case .list(let items): return items.lazy.compactMap(\.field).first
        case .literal, .providerType, .yamlLiteral, .map, .blockList: return nil
        }
    }

    /// Every field the value is read from (a list or mapping reads several).
    public var fields: [FieldID] {
        switch self {
        case .list(let items): return items.compactMap(\.field)
        case .map(let entries): return entries.flatMap(\.value.fields)
        case .blockList(let values): return values.flatMap(\.fields)
        default: return field.map { [$0] } ?? []
        }
    }
}

/// One item of a list value.
public enum ListItem: Sendable, Equatable {
    /// A field's value, when the condition holds and the value is not empty.
    case field(FieldID, when: Condition = .always)
    /// Every item of a list field (scopes, user names).
    case items(FieldID)
    /// A fixed item, when the condition holds.
    case literal(String, when: Condition = .always)

    var field: FieldID? {
        switch self {
        case .field(let f, _), .items(let f): return f
        case .literal: return nil
        }
    }
}

/// One key of a flow mapping value.
public struct MapEntry: Sendable, Equatable {
    public let key: String
    public let value: ValueSource

    public init(_ key: String, _ value: ValueSource) {
        self.key = key
        self.value = value
    }
}

/// When an output line is written.
public indirect enum Condition: Sendable, Equatable {
    case always
    case provider(Provider)
    case output(OutputFormat)
    case connectorsMode(ConnectorsMode)
    /// The field's effective value is not empty.
    case fieldSet(FieldID)
    /// The component is deployed (Web Modeler's cluster block needs Zeebe).
    case selected(Component)
    /// The field's effective value is exactly this (a yes/no field is `true`).
    case equals(FieldID, String)
    case all([Condition])
    case not(Condition)

    public func holds(in config: Configuration) -> Bool {
        switch self {
        case .always: return true
        case .provider(let p): return config.provider == p
        case .output(let o): return config.output == o
        case .connectorsMode(let m): return config.connectorsMode == m
        case .fieldSet(let f): return !config.value(f).isEmpty
        case .selected(let c): return config.isSelected(c)
        case .equals(let f, let value): return config.value(f) == value
        case .all(let conditions): return conditions.allSatisfy { $0.holds(in: config) }
        case .not(let condition): return !condition.holds(in: config)
        }
    }
}

extension Condition {
    /// The condition is `field == value` for a yes/no field, so a fixed line stands for that answer.
    func writesChoice(_ field: FieldID) -> Bool {
        if case .equals(field, _) = self { return true }
        return false
    }
}

/// One `NAME=value` line of an env file.
public struct EnvVariable: Sendable {
    public let name: String
    public let source: ValueSource
    public let condition: Condition
    /// A comment written above the line: why it differs from the docs page.
    public let note: String?

    public init(_ name: String, _ source: ValueSource, when condition: Condition = .always, note: String? = nil) {
        self.name = name
        self.source = source
        self.condition = condition
        self.note = note
    }
}

/// One env file and the component it configures.
public struct EnvFileLayout: Sendable {
    public let fileName: String
    public let component: Component
    public let variables: [EnvVariable]

    public init(fileName: String, component: Component, variables: [EnvVariable]) {
        self.fileName = fileName
        self.component = component
        self.variables = variables
    }
}

/// One key of the Helm overlay.
public struct HelmValue: Sendable {
    /// Key path, e.g. `["global", "identity", "auth", "operate", "clientId"]`.
    public let path: [String]
    public let source: ValueSource
    public let component: Component?
    public let condition: Condition
    public let note: String?

    public init(_ path: String, _ source: ValueSource, component: Component? = nil, when condition: Condition = .always, note: String? = nil) {
        self.path = path.split(separator: ".").map(String.init)
        self.source = source
        self.component = component
        self.condition = condition
        self.note = note
    }

    public var dottedPath: String { path.joined(separator: ".") }
}

/// A YAML configuration file that env output writes beside the env files, for a component that
/// reads some settings only from its config file (Console's `application.yaml`, 8.6 and later).
/// Its values are written as the Helm overlay writes its keys.
public struct ConfigFileLayout: Sendable {
    public let fileName: String
    public let component: Component
    /// Where the container reads it (where the chart mounts its ConfigMap).
    public let mountPath: String
    /// Comment lines after the header: where to mount the file, what to add.
    public let usage: [String]
    public let values: [HelmValue]
}

/// What a Camunda version's outputs contain, as data: one value per version (Versions/Camunda85.swift, ...).
public struct OutputLayout: Sendable {
    public let envFiles: [EnvFileLayout]
    /// Env output only: YAML config files written beside the env files.
    public let configFiles: [ConfigFileLayout]
    public let helmValues: [HelmValue]

    public init(envFiles: [EnvFileLayout], configFiles: [ConfigFileLayout] = [], helmValues: [HelmValue]) {
        self.envFiles = envFiles
        self.configFiles = configFiles
        self.helmValues = helmValues
    }

    /// Env files for the selected components, in catalog order.
    public func envFiles(for config: Configuration) -> [EnvFileLayout] {
        envFiles.filter { config.isSelected($0.component) }
    }

    /// Config files for the selected components.
    public func configFiles(for config: Configuration) -> [ConfigFileLayout] {
        configFiles.filter { config.isSelected($0.component) }
    }

    /// The layouts of every known version, for what the tool owns whatever the version.
    public static var allVersions: [OutputLayout] { CamundaVersion.allCases.map(\.profile.layout) }

    /// Every env file name the layout may write.
    public var envFileNames: [String] { envFiles.map(\.fileName) }

    /// Every place a field's value is written: `CAMUNDA_IDENTITY_CLIENT_ID (operate.env)`,
    /// `global.identity.auth.operate.clientId`.
    /// With `config`, only the places that configuration writes (its provider's lines, its components).
    public func destinations(of field: FieldID, in config: Configuration? = nil) -> (env: [String], helm: [String]) {
        var env: [String: [String]] = [:]
        var envOrder: [String] = []
        func written(_ condition: Condition, _ component: Component?) -> Bool {
            guard let config else { return true }
            return condition.holds(in: config) && (component.map(config.isSelected) ?? true)
        }
        for file in envFiles where written(.always, file.component) {
            // A yes/no written only when yes (`..._PREFERUSERNAMECLAIM=true`) is a destination of its field too.
            for variable in file.variables where (variable.source.fields.contains(field) || variable.condition.writesChoice(field))
                && written(variable.condition, nil) {
                // A list is written NAME_0, NAME_1, ...
                var name = variable.name
                if case .list = variable.source { name += "_<n>" }
                if env[name] == nil { envOrder.append(name) }
                if !env[name, default: []].contains(file.fileName) { env[name, default: []].append(file.fileName) }
            }
        }
        for file in configFiles {
            for value in file.values where value.source.fields.contains(field) {
                let name = value.dottedPath
                if env[name] == nil { envOrder.append(name) }
                env[name, default: []].append(file.fileName)
            }
        }
        let helm = helmValues.filter { $0.source.fields.contains(field) && written($0.condition, $0.component) }.map(\.dottedPath)
        return (envOrder.map { "\($0) (\(env[$0]!.joined(separator: ", ")))" }, helm)
    }
}

