/// Where an output value comes from.
public enum ValueSource: Sendable, Equatable {
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

    /// The field this value is read from, if any.
    public var field: FieldID? {
        switch self {
        case .field(let f, _): return f
        case .secret(let c): return .clientSecret(c)
        case .redirectRoot(let c): return .componentURL(c)
        case .literal, .providerType, .yamlLiteral: return nil
        }
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
    case all([Condition])

    public func holds(in config: Configuration) -> Bool {
        switch self {
        case .always: return true
        case .provider(let p): return config.provider == p
        case .output(let o): return config.output == o
        case .connectorsMode(let m): return config.connectorsMode == m
        case .fieldSet(let f): return !config.value(f).isEmpty
        case .selected(let c): return config.isSelected(c)
        case .all(let conditions): return conditions.allSatisfy { $0.holds(in: config) }
        }
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
    public func destinations(of field: FieldID) -> (env: [String], helm: [String]) {
        var env: [String: [String]] = [:]
        var envOrder: [String] = []
        for file in envFiles {
            for variable in file.variables where variable.source.field == field {
                if env[variable.name] == nil { envOrder.append(variable.name) }
                env[variable.name, default: []].append(file.fileName)
            }
        }
        for file in configFiles {
            for value in file.values where value.source.field == field {
                let name = value.dottedPath
                if env[name] == nil { envOrder.append(name) }
                env[name, default: []].append(file.fileName)
            }
        }
        let helm = helmValues.filter { $0.source.field == field }.map(\.dottedPath)
        return (envOrder.map { "\($0) (\(env[$0]!.joined(separator: ", ")))" }, helm)
    }
}

