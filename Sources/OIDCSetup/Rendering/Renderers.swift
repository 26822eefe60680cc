/// One file the tool writes.
public struct OutputFile: Equatable, Sendable {
    public enum Kind: Sendable, Equatable { case envFile, configFile, helmValues, secretManifest, checklist, answers }

    public let name: String
    public let kind: Kind
    public let contents: String
    /// Holds a client secret: written with mode 0600.
    public let holdsSecret: Bool

    public init(name: String, kind: Kind, contents: String, holdsSecret: Bool) {
        self.name = name
        self.kind = kind
        self.contents = contents
        self.holdsSecret = holdsSecret
    }

    /// The permission bits the file is written with.
    public var mode: UInt16 { holdsSecret ? 0o600 : 0o644 }
}

/// Thrown when asked to render a configuration that still has errors.
public struct InvalidConfiguration: Error, Equatable {
    public let issues: [ValidationIssue]
}

/// Turns a valid configuration into the files of its output format (spec sections 2-4).
/// Output is deterministic: no timestamps, stable order.
/// The tables come from the configuration's version (`config.profile.layout`).
public struct OutputRenderer: Sendable {
    public init() {}

    public static let helmValuesFileName = "values-oidc.yaml"
    public static let secretManifestFileName = "oidc-secret.yaml"
    public static let checklistFileName = "registration-checklist.md"

    /// The names of the files `render` produces, without rendering (for the write confirmation).
    public func fileNames(for config: Configuration) -> [String] {
        let layout = config.profile.layout
        switch config.output {
        case .env:
            return layout.envFiles(for: config).map(\.fileName) + layout.configFiles(for: config).map(\.fileName) + [Self.checklistFileName]
        case .helm:
            return [Self.helmValuesFileName]
                + (config.helmSecrets == .kubernetesSecret ? [Self.secretManifestFileName] : [])
                + [Self.checklistFileName]
        }
    }

    public func render(_ config: Configuration) throws -> [OutputFile] {
        let errors = Validator.validate(config).filter { $0.severity == .error }
        guard errors.isEmpty else { throw InvalidConfiguration(issues: errors) }
        var files: [OutputFile]
        let layout = config.profile.layout
        switch config.output {
        case .env:
            files = layout.envFiles(for: config).map { envFile($0, config) } + layout.configFiles(for: config).map { configFile($0, config) }
        case .helm:
            files = [helmValues(config)]
            if config.helmSecrets == .kubernetesSecret { files.append(secretManifest(config)) }
        }
        files.append(OutputFile(name: Self.checklistFileName, kind: .checklist,
                                contents: RegistrationChecklist.render(config), holdsSecret: false))
        return files
    }

    // MARK: Values

    func resolve(_ source: ValueSource, _ config: Configuration) -> String {
        switch source {
        case .literal(let value), .yamlLiteral(let value): return value
        case .providerType: return config.provider.identityType
        case .field(let field, let suffix):
            let value = config.value(field)
            return value.isEmpty ? "" : value + suffix
        case .secret(let c), .secretObject(let c): return config.value(.clientSecret(c))
        case .redirectRoot(let c): return config.value(.componentURL(c))
        case .rootURL(let c, let path):
            let root = config.value(.componentURL(c)).trimmingTrailingSlashes()
            return root.isEmpty ? "" : root + path
        case .chartUnquoted(let field), .bool(let field): return config.value(field)
        case .httpsOnly(let field): return config.value(field).lowercased().hasPrefix("https://") ? "true" : "false"
        case .list: return listItems(source, config).joined(separator: ",")
        case .map, .blockList: preconditionFailure("a YAML structure has no single value")
        }
    }

    /// The items of a list value, in order, without empty ones or repeats (the cluster's client
    /// ID and audience are often the same).
    func listItems(_ source: ValueSource, _ config: Configuration) -> [String] {
        guard case .list(let items) = source else { return [] }
        var result: [String] = []
        for item in items {
            let values: [String]
            switch item {
            case .field(let field, let condition): values = condition.holds(in: config) ? [config.value(field)] : []
            case .items(let field): values = config.list(field)
            case .literal(let text, let condition): values = condition.holds(in: config) ? [text] : []
            }
            for value in values where !value.isEmpty && !result.contains(value) { result.append(value) }
        }
        return result
    }

    // MARK: Env files

    func envFile(_ file: EnvFileLayout, _ config: Configuration) -> OutputFile {
        let variables = file.variables.filter { $0.condition.holds(in: config) }
        let holdsSecret = variables.contains { if case .secret = $0.source { return true } else { return false } }
        var lines = FileHeader.lines(config, subject: "\(file.component.displayName) env file (\(file.fileName))", comment: "#")
        if holdsSecret {
            lines.append(FileHeader.envSecretNote)
        }
        lines.append(FileHeader.envUsage(file.fileName))
        lines.append("")
        for variable in variables {
            // A list is NAME_0, NAME_1, ... (Spring's binding of list indices); an empty one writes nothing.
            let entries: [(name: String, value: String)]
            if case .list = variable.source {
                entries = listItems(variable.source, config).enumerated().map { ("\(variable.name)_\($0.offset)", $0.element) }
            } else {
                entries = [(variable.name, resolve(variable.source, config))]
            }
            if let note = variable.note, !entries.isEmpty { lines.append("# " + note) }
            for entry in entries {
                switch EnvValue.encode(entry.value) {
                case .encoded(let text): lines.append("\(entry.name)=\(text)")
                case .refused: preconditionFailure("validation lets no unrepresentable value through (\(entry.name))")
                }
            }
        }
        return OutputFile(name: file.fileName, kind: .envFile, contents: lines.joined(separator: "\n") + "\n", holdsSecret: holdsSecret)
    }

    // MARK: Helm

    func helmValues(_ config: Configuration) -> OutputFile {
        let inline = config.helmSecrets == .inline
        var lines = FileHeader.lines(config, subject: "Helm values overlay", comment: "#")
        switch (config.profile.helmSecretForm, inline) {
        case (.existingSecret, true):
            lines.append("# Holds the client secrets inline (existingSecret as a string): keep it mode 0600 and out of version control.")
        case (.existingSecret, false):
            lines.append("# Holds no secret: existingSecret names the Kubernetes Secret '\(config.value(.kubernetesSecretName))' (see \(Self.secretManifestFileName)).")
        case (.secretObject, true):
            lines.append("# Holds the client secrets inline (secret.inlineSecret): keep it mode 0600 and out of version control.")
        case (.secretObject, false):
            lines.append("# Holds no secret: secret.existingSecret names the Kubernetes Secret '\(config.value(.kubernetesSecretName))' (see \(Self.secretManifestFileName)).")
        }
        lines.append("# Use: helm upgrade --install <release> camunda/camunda-platform --version \(config.version.chartLine) -f values.yaml -f \(Self.helmValuesFileName)")
        lines.append("")
        lines += yamlLines(config.profile.layout.helmValues, config, inline: inline)
        return OutputFile(name: Self.helmValuesFileName, kind: .helmValues, contents: lines.joined(separator: "\n") + "\n", holdsSecret: inline)
    }

    /// A config file of env output (Console's application.yaml): no secret, values quoted as in Helm.
    func configFile(_ file: ConfigFileLayout, _ config: Configuration) -> OutputFile {
        var lines = FileHeader.lines(config, subject: "\(file.component.displayName) configuration file (\(file.fileName))", comment: "#")
        lines += file.usage
        lines.append("")
        lines += yamlLines(file.values, config, inline: false)
        return OutputFile(name: file.fileName, kind: .configFile, contents: lines.joined(separator: "\n") + "\n", holdsSecret: false)
    }

    /// The YAML mapping of these keys, nested by path, every string quoted; the keys of components
    /// not selected and of conditions that do not hold are left out.
    func yamlLines(_ values: [HelmValue], _ config: Configuration, inline: Bool) -> [String] {
        var lines: [String] = []
        var open: [String] = []
        for value in values {
            if let c = value.component, !config.isSelected(c) { continue }
            guard value.condition.holds(in: config) else { continue }
            let parents = Array(value.path.dropLast())
            var common = 0
            while common < min(open.count, parents.count), open[common] == parents[common] { common += 1 }
            open = Array(open.prefix(common))
            for key in parents[common...] {
                lines.append(String(repeating: "  ", count: open.count) + key + ":")
                open.append(key)
            }
            let indent = String(repeating: "  ", count: open.count)
            if let note = value.note { lines.append(indent + "# " + note) }
            let key = value.path.last!
            switch value.source {
            case .secret where !inline:
                lines.append("\(indent)\(key):")
                lines.append("\(indent)  name: \(YAMLScalar.quoted(config.value(.kubernetesSecretName)))")
            case .blockList(let items):
                lines.append("\(indent)\(key):")
                for item in items { lines.append("\(indent)  - \(yamlFlow(item, config, inline: inline))") }
            default:
                lines.append("\(indent)\(key): \(yamlFlow(value.source, config, inline: inline))")
            }
        }
        return lines
    }

    /// A value as YAML on one line: strings quoted, booleans bare, lists and mappings in flow style.
    func yamlFlow(_ source: ValueSource, _ config: Configuration, inline: Bool) -> String {
        switch source {
        case .yamlLiteral(let literal): return literal
        case .bool(let field): return config.value(field) == "true" ? "true" : "false"
        case .list: return "[" + listItems(source, config).map(YAMLScalar.quoted).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.map { "\($0.key): \(yamlFlow($0.value, config, inline: inline))" }.joined(separator: ", ") + "}"
        case .blockList(let items):
            return "[" + items.map { yamlFlow($0, config, inline: inline) }.joined(separator: ", ") + "]"
        case .secretObject(let c):
            if inline { return "{inlineSecret: \(YAMLScalar.quoted(config.value(.clientSecret(c))))}" }
            return "{existingSecret: \(YAMLScalar.quoted(config.value(.kubernetesSecretName))), existingSecretKey: \(YAMLScalar.quoted(c.kubernetesSecretKey ?? ""))}"
        case .chartUnquoted(let field):
            // 'v' with inner ' doubled: the chart's unquoted rendering then reads back the exact text.
            return YAMLScalar.quoted("'" + config.value(field).replacingAll("'", with: "''") + "'")
        default:
            return YAMLScalar.quoted(resolve(source, config))
        }
    }

    func secretManifest(_ config: Configuration) -> OutputFile {
        var lines = FileHeader.lines(config, subject: "Kubernetes Secret with the client secrets", comment: "#")
        lines += [
            "# Holds the client secrets: keep it mode 0600 and out of version control.",
            "# Use: kubectl apply -n <namespace of the release> -f \(Self.secretManifestFileName) (before helm upgrade).",
            "apiVersion: v1",
            "kind: Secret",
            "metadata:",
            "  name: \(YAMLScalar.quoted(config.value(.kubernetesSecretName)))",
            "type: Opaque",
            "stringData:",
        ]
        for c in config.components where config.applies(.clientSecret(c)) {
            guard let key = c.kubernetesSecretKey else { continue }
            lines.append("  \(key): \(YAMLScalar.quoted(config.value(.clientSecret(c))))")
        }
        return OutputFile(name: Self.secretManifestFileName, kind: .secretManifest, contents: lines.joined(separator: "\n") + "\n", holdsSecret: true)
    }
}

/// The comment block that opens every output file.
enum FileHeader {
    /// Env files: the line that says the file holds a secret.
    static let envSecretNote = "# Holds a client secret: keep it mode 0600 and out of version control."

    /// Env files: how to use the file.
    static func envUsage(_ fileName: String) -> String {
        "# Use: docker compose `env_file: \(fileName)`, or `set -a; . ./\(fileName); set +a`."
    }

    /// Whether a line is the first or second line of a header this tool writes (any version).
    static func isHeaderLine(_ line: String) -> Bool {
        line.hasPrefix("# ") && (line.contains(", generated by \(ToolInfo.name) ") || line.hasPrefix("# for Camunda "))
    }

    static func lines(_ config: Configuration, subject: String, comment: String) -> [String] {
        [
            "\(comment) \(subject), generated by \(ToolInfo.name) \(ToolInfo.version)",
            "\(comment) for \(config.version.displayName), provider: \(config.provider.displayName) (\(config.provider.identityType)).",
        ]
    }
}
