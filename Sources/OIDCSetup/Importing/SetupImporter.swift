import Yams

/// Where an imported value came from: file and key (and line, when known), for `check` and messages.
public struct ValueOrigin: Equatable, Sendable {
    public let file: String
    public let key: String
    public let line: Int?

    public init(file: String, key: String, line: Int?) {
        self.file = file
        self.key = key
        self.line = line
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(key)" }
}

/// An existing setup read back: the configuration, how secrets were given, and the files as
/// they were (the baseline the diff compares against).
public struct ImportedSetup: Equatable, Sendable {
    public var configuration: Configuration
    public var secretReferences: [Component: SecretReference]
    /// Where each field's value was read.
    public var origins: [FieldID: ValueOrigin]
    /// Output files as found, by name: what the diff screen compares with.
    public var baseline: [String: String]
    /// Values the tool cannot represent, or that disagree between files: reported, never dropped silently.
    public var notes: [ImportProblem]
    /// The Camunda version the files say they are for (their headers, the answers file's `camunda:`);
    /// nil for hand-written files that do not say: then `configuration.version` is only the one they were read as.
    public var statedVersion: CamundaVersion?
    /// What was read, so that the files can be read again as another version.
    public var source: ImportSource

    public init(configuration: Configuration, secretReferences: [Component: SecretReference] = [:], origins: [FieldID: ValueOrigin] = [:],
                baseline: [String: String] = [:], notes: [ImportProblem] = [], statedVersion: CamundaVersion? = nil,
                source: ImportSource = .answers) {
        self.statedVersion = statedVersion
        self.source = source
        self.configuration = configuration
        self.secretReferences = secretReferences
        self.origins = origins
        self.baseline = baseline
        self.notes = notes
    }

    /// Values the outputs carry that the files did not give: the component then falls back to its
    /// own default, not to what this tool would write (an Entra Zeebe client without a token scope,
    /// for one, is refused by Entra). Only meaningful for setups read from env or Helm files.
    public func valuesMissingFromFiles() -> [ValidationIssue] {
        let config = configuration
        let layout = config.profile.layout
        return config.applicableFields.compactMap { field in
            let (env, helm) = layout.destinations(of: field, in: config)
            let keys = config.output == .env ? env : helm
            let value = config.value(field)
            guard !keys.isEmpty, origins[field] == nil, !value.isEmpty, !FieldCatalog.field(field).isSecret else { return nil }
            return ValidationIssue(field, .warning, "not set in the files (\(keys.joined(separator: "; "))): the component uses its own default; this tool would write '\(value)'")
        }
    }

    /// The file and key a validation issue points at, when the field was imported.
    public func location(of issue: ValidationIssue) -> String {
        origins[issue.field].map { "\($0.description) (\(issue.field.path))" } ?? issue.field.path
    }
}

/// What an imported setup was read from.
public enum ImportSource: Equatable, Sendable {
    case envFiles
    /// A Helm values file (its name in the baseline); the Secret manifest is read from the baseline too.
    case helmValues(file: String)
    case answers
}

/// Reads existing setups: env files as this tool or a person wrote them, a Helm values file with a
/// `global.identity.auth` section (the docs page's literal-secret form or the `{name: ...}` Secret
/// form, plus the Secret manifest when it is beside it), or an answers file. Pure: the caller reads
/// the files and passes their text. Files are read with the tables of `version`; what belongs to
/// another version is reported (`ZEEBE_CLIENT_ID` in an 8.7 connectors.env: Connectors ignore it).
public struct SetupImporter {
    public let version: CamundaVersion
    public var layout: OutputLayout { version.profile.layout }

    public init(version: CamundaVersion = .v8_5) {
        self.version = version
    }

    /// The version the files' headers state, with a note when they disagree (the first one wins).
    public static func statedVersion(in files: [String: String]) -> (version: CamundaVersion?, notes: [ImportProblem]) {
        var found: (CamundaVersion, String)?
        var notes: [ImportProblem] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            guard let version = CamundaVersion.stated(in: text) else { continue }
            if let (first, firstFile) = found {
                if first != version {
                    notes.append(ImportProblem(file: name, line: nil, message: "says Camunda \(version.rawValue), but \(firstFile) says \(first.rawValue); read as \(first.rawValue)"))
                }
            } else {
                found = (version, name)
            }
        }
        return (found?.0, notes)
    }

    /// Reads the files of an imported setup again as this importer's version (the wizard does so
    /// when hand-written files did not say their version and the operator chose it).
    public func reimport(_ setup: ImportedSetup) throws(ImportProblem) -> ImportedSetup {
        switch setup.source {
        case .envFiles:
            return try importEnvFiles(setup.baseline)
        case .helmValues(let file):
            guard let text = setup.baseline[file.lastPathComponent] else { return setup }
            let manifest = setup.baseline[OutputRenderer.secretManifestFileName].map { (file: OutputRenderer.secretManifestFileName, text: $0) }
            var again = try importHelmValues(text, file: file, secretManifest: manifest)
            again.baseline = setup.baseline
            return again
        case .answers:
            return setup
        }
    }

    // MARK: Env files

    /// Imports env files, given as file name -> contents (only names of the layout are read).
    /// The answers file the wizard saved beside the env files, when present, fills what env files
    /// do not carry (Web Modeler's URL, which only shapes the checklist).
    public func importEnvFiles(_ files: [String: String]) throws(ImportProblem) -> ImportedSetup {
        var reader = FieldCollector()
        var config = Configuration(version: version, output: .env, selectedComponents: version.profile.alwaysDeployed)
        var known = 0
        var deferred: [DeferredValue] = []
        for layoutFile in layout.envFiles {
            guard let text = files[layoutFile.fileName] else { continue }
            known += 1
            config.selectedComponents.insert(layoutFile.component)
            let variables = EnvFileParser.variables(try EnvFileParser.parse(text, file: layoutFile.fileName))
            for variable in layoutFile.variables {
                // A list field comes back from NAME_0, NAME_1, ... (lists of derived items are not read).
                if case .list(let items) = variable.source {
                    guard items.count == 1, case .items(let field) = items[0] else { continue }
                    var parts: [String] = []
                    while let (item, _) = variables["\(variable.name)_\(parts.count)"] { parts.append(item) }
                    if let (_, line) = variables["\(variable.name)_0"] {
                        reader.set(field, parts.joined(separator: ", "), ValueOrigin(file: layoutFile.fileName, key: "\(variable.name)_0", line: line))
                    }
                    continue
                }
                // A yes/no written only when yes (PREFERUSERNAMECLAIM=true): its absence is a no.
                if case .literal(let written) = variable.source, case .equals(let choice, written) = variable.condition {
                    let other = FieldCatalog.field(choice).choices.map(\.value).first { $0 != written } ?? ""
                    let found = variables[variable.name]
                    reader.set(choice, found?.value ?? other, ValueOrigin(file: layoutFile.fileName, key: variable.name, line: found?.line))
                    continue
                }
                guard let (value, line) = variables[variable.name] else { continue }
                let origin = ValueOrigin(file: layoutFile.fileName, key: variable.name, line: line)
                // Lines whose meaning depends on a choice the files do not state: decided below.
                if let (field, _) = variable.condition.choiceRequired {
                    deferred.append(DeferredValue(choice: field, condition: variable.condition, source: variable.source, value: value, origin: origin))
                    continue
                }
                switch variable.source {
                case .providerType:
                    reader.provider(value, origin)
                case .field(let field, let suffix):
                    guard value.hasSuffix(suffix) else {
                        reader.notes.append(ImportProblem(file: origin.file, line: line, message: "\(variable.name) should end in '\(suffix)'; ignored"))
                        continue
                    }
                    reader.set(field, String(value.dropLast(suffix.count)), origin)
                case .secret(let c):
                    reader.set(.clientSecret(c), value, origin)
                case .redirectRoot(let c):
                    reader.set(.componentURL(c), value, origin)
                case .literal(let expected):
                    if variable.name == "CAMUNDA_CONNECTOR_POLLING_ENABLED", value == "false" { config.connectorsMode = .outbound }
                    if value != expected, variable.condition == .always {
                        reader.notes.append(ImportProblem(file: origin.file, line: line, message: "\(variable.name)=\(value): this tool writes '\(expected)'; a rewrite changes it"))
                    }
                case .yamlLiteral:
                    break
                case .rootURL(let c, let path):
                    guard value.hasSuffix(path) else { continue }
                    reader.set(.componentURL(c), String(value.dropLast(path.count)), origin)
                case .chartUnquoted(let field), .bool(let field):
                    reader.set(field, value, origin)
                case .secretObject(let c):
                    reader.set(.clientSecret(c), value, origin)
                case .httpsOnly, .list, .map, .blockList:
                    // Derived from other answers, or read by the Orchestration-model importer (lists).
                    break
                }
            }
        }
        decide(deferred, in: &config, reader: &reader)
        // The docs page spells the Identity base URL CAMUNDA_IDENTITY_BASE_URL; read it, write the chart's spelling.
        for (fileName, text) in files where layout.envFiles.contains(where: { $0.fileName == fileName }) {
            guard let lines = try? EnvFileParser.parse(text, file: fileName),
                  let (value, line) = EnvFileParser.variables(lines)["CAMUNDA_IDENTITY_BASE_URL"] else { continue }
            reader.set(.identityBaseURL, value, ValueOrigin(file: fileName, key: "CAMUNDA_IDENTITY_BASE_URL", line: line))
            reader.notes.append(ImportProblem(file: fileName, line: line, message: "CAMUNDA_IDENTITY_BASE_URL is the docs page's spelling; a rewrite adds CAMUNDA_IDENTITY_BASEURL, the one the chart and Identity read"))
        }
        for configFile in layout.configFiles {
            guard let text = files[configFile.fileName] else { continue }
            let root = try YAMLTree.load(text, file: configFile.fileName)
            for value in configFile.values {
                guard let node = root.node(at: value.path), let v = try node.scalar(path: value.dottedPath, file: configFile.fileName) else { continue }
                let origin = ValueOrigin(file: configFile.fileName, key: value.dottedPath, line: node.line)
                switch value.source {
                case .providerType: reader.provider(v, origin)
                case .field(let field, _): reader.set(field, v, origin)
                default: break
                }
            }
        }
        reader.notes += crossVersionVariables(files)
        // 8.8 and later: without the method the cluster stays on basic auth, without an error.
        if version.profile.alwaysDeployed.contains(.orchestration), let text = files["orchestration.env"],
           let lines = try? EnvFileParser.parse(text, file: "orchestration.env") {
            let method = EnvFileParser.variables(lines)["CAMUNDA_SECURITY_AUTHENTICATION_METHOD"]
            if method?.value != "oidc" {
                reader.notes.append(ImportProblem(file: "orchestration.env", line: method?.line,
                                                  message: "CAMUNDA_SECURITY_AUTHENTICATION_METHOD is \(method.map { "'\($0.value)'" } ?? "not set"): the cluster stays on basic auth (set it to oidc)",
                                                  severity: .error))
            }
        }
        guard known > 0 else {
            throw ImportProblem(file: ".", line: nil, message: "no env file of this tool's layout found (identity.env, operate.env, ...)")
        }
        var setup = reader.finish(config)
        // Every version's files: a rewrite for another version shows what it leaves behind.
        let outputFiles = Set(OutputLayout.allVersions.flatMap { $0.envFileNames + $0.configFiles.map(\.fileName) })
        setup.baseline = files.filter { name, _ in outputFiles.contains(name) }
        setup.source = .envFiles
        let stated = Self.statedVersion(in: files.filter { $0.key != AnswersFile.defaultFileName })
        setup.statedVersion = stated.version ?? files[AnswersFile.defaultFileName].flatMap { try? AnswersFile.parse($0) }?.configuration.version
        setup.notes = stated.notes + setup.notes
        if let answersText = files[AnswersFile.defaultFileName], let answers = try? AnswersFile.parse(answersText) {
            for field in setup.configuration.applicableFields where setup.configuration.raw(field).isEmpty {
                let given = answers.configuration.raw(field)
                guard !given.isEmpty, !FieldCatalog.field(field).isSecret else { continue }
                setup.configuration.set(field, given)
                setup.origins[field] = ValueOrigin(file: AnswersFile.defaultFileName, key: field.path, line: nil)
            }
            setup.configuration = setup.configuration.normalized()
        }
        return setup
    }

    /// Variables the setup's env files carry that another version reads and this one does not:
    /// an error when this version's own variable for the same value is missing (the component gets
    /// nothing), a warning when it is there too (a leftover the component ignores). Files that only
    /// another version writes (console.env in an 8.5 setup) are said to be ignored.
    func crossVersionVariables(_ files: [String: String]) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        let others = CamundaVersion.allCases.filter { $0 != version }
        for (fileName, text) in files.sorted(by: { $0.key < $1.key }) where fileName.hasSuffix(".env") {
            let own = layout.envFiles.filter { $0.fileName == fileName }.flatMap(\.variables)
            if own.isEmpty {
                let elsewhere = others.filter { $0.profile.layout.envFileNames.contains(fileName) }
                if !elsewhere.isEmpty {
                    problems.append(ImportProblem(file: fileName, line: nil, message: "is a file of Camunda \(elsewhere.map(\.rawValue).joined(separator: ", ")), not \(version.displayName): ignored"))
                }
                continue
            }
            guard let lines = try? EnvFileParser.parse(text, file: fileName) else { continue }
            let variables = EnvFileParser.variables(lines)
            let ownNames = Set(own.map(\.name))
            for (name, entry) in variables.sorted(by: { $0.value.line < $1.value.line }) where !ownNames.contains(name) {
                let line = entry.line
                let readers = others.filter { v in v.profile.layout.envFiles.contains { $0.fileName == fileName && $0.variables.contains { $0.name == name } } }
                guard let first = readers.first else { continue }
                let carried = first.profile.layout.envFiles.filter { $0.fileName == fileName }.flatMap(\.variables).first { $0.name == name }?.source.field
                let replacement = carried.flatMap { field in own.first { $0.source.field == field } }
                var message = "\(name) is read by Camunda \(readers.map(\.rawValue).joined(separator: ", ")), not by \(version.displayName): the component ignores it"
                var severity = Severity.warning
                if let replacement {
                    if variables[replacement.name] == nil {
                        message += "; \(version.rawValue) reads \(replacement.name) instead, which is missing"
                        severity = .error
                    } else {
                        message += " (\(version.rawValue) reads \(replacement.name)); remove it"
                    }
                }
                problems.append(ImportProblem(file: fileName, line: line, message: message, severity: severity))
            }
        }
        return problems
    }

    // MARK: Helm values

    /// Imports a Helm values file; `secretManifest` is the Secret manifest (oidc-secret.yaml) when present.
    public func importHelmValues(_ text: String, file: String, secretManifest: (file: String, text: String)? = nil) throws(ImportProblem) -> ImportedSetup {
        let root = try YAMLTree.load(text, file: file)
        guard let auth = root.child("global")?.child("identity")?.child("auth") else {
            throw ImportProblem(file: file, line: nil, message: "no global.identity.auth section: not a Camunda OIDC values file")
        }
        var reader = FieldCollector()
        var config = Configuration(version: version, output: .helm, selectedComponents: version.profile.alwaysDeployed)
        var deferred: [DeferredValue] = []
        func scalar(_ node: YAMLTree, _ path: String) throws(ImportProblem) -> String? {
            try node.scalar(path: path, file: file)
        }
        let prefix = "global.identity.auth"
        if let typeNode = auth.child("type"), let type = try scalar(typeNode, "\(prefix).type") {
            reader.provider(type, ValueOrigin(file: file, key: "\(prefix).type", line: typeNode.line))
        }
        for value in layout.helmValues {
            guard let node = root.node(at: value.path) else { continue }
            let key = value.dottedPath
            let origin = ValueOrigin(file: file, key: key, line: node.line)
            if let c = value.component, value.path.count > 4, value.path[3] == c.rawValue { config.selectedComponents.insert(c) }
            // Charts 13.x and later: a component's keys (`optimize.enabled`, `connectors.security...`) say it is deployed.
            if version.profile.helmSecretForm == .secretObject, let c = value.component { config.selectedComponents.insert(c) }
            if let (field, _) = value.condition.choiceRequired {
                if let c = value.component { config.selectedComponents.insert(c) }
                if case .field = value.source, let v = try scalar(node, key) {
                    deferred.append(DeferredValue(choice: field, condition: value.condition, source: value.source, value: v, origin: origin))
                } else {
                    deferred.append(DeferredValue(choice: field, condition: value.condition, source: value.source, value: "", origin: origin, node: node))
                }
                continue
            }
            switch value.source {
            case .providerType, .yamlLiteral:
                continue
            case .literal(let expected):
                if key == "connectors.inbound.mode", let mode = try scalar(node, key), mode == expected {
                    // From chart 11.x the overlay leaves the Connectors block out in this mode: this key says they are deployed.
                    config.connectorsMode = .outbound
                    config.selectedComponents.insert(.connectors)
                }
            case .field(let field, _):
                if let v = try scalar(node, key) { reader.set(field, v, origin) }
            case .redirectRoot(let c), .rootURL(let c, _):
                if let v = try scalar(node, key) { reader.set(.componentURL(c), v, origin) }
            case .bool(let field):
                if let v = try scalar(node, key) { reader.set(field, v, origin) }
            case .chartUnquoted(let field):
                if let v = try scalar(node, key) { reader.set(field, YAMLScalar.unwrapSingleQuoted(v), origin) }
            case .secretObject(let c):
                try readSecretObject(c, node, key: key, file: file, config: &config, reader: &reader)
            case .list, .map, .blockList:
                try readStructure(value.source, node, key: key, file: file, into: &reader)
            case .httpsOnly:
                continue
            case .secret(let c):
                if let name = node.child("name") {
                    config.helmSecrets = .kubernetesSecret
                    if let secretName = try scalar(name, key + ".name") {
                        reader.set(.kubernetesSecretName, secretName, ValueOrigin(file: file, key: key + ".name", line: name.line))
                    }
                    reader.secretKeys[c] = origin
                } else if let secret = try scalar(node, key) {
                    config.helmSecrets = .inline
                    reader.set(.clientSecret(c), secret, origin)
                }
            }
        }
        // A secret under a choice (Connectors' own or the cluster's): read once the choice is known.
        let secretObjects = deferred.filter { if case .secretObject = $0.source { return true } else { return false } }
        decide(deferred.filter { $0.node == nil }, in: &config, reader: &reader)
        for item in secretObjects where item.condition.holds(in: config.with(reader.values)) {
            if case .secretObject(let c) = item.source, let node = item.node {
                try readSecretObject(c, node, key: item.origin.key, file: file, config: &config, reader: &reader)
            }
        }
        if layout.helmValues.contains(where: { $0.dottedPath == "identityKeycloak.enabled" }),
           root.node(at: ["identityKeycloak", "enabled"]).flatMap({ try? $0.scalar(path: "identityKeycloak.enabled", file: file) }) != "false" {
            reader.notes.append(ImportProblem(file: file, line: nil, message: "identityKeycloak.enabled is not false here: chart \(version.chartLine) then deploys Keycloak too (set it in this file or your main values file)"))
        }
        // The docs page puts Identity's URL in identity.redirectUrl, which chart 10.x ignores.
        let docsRedirect = "\(prefix).identity.redirectUrl"
        if let node = root.node(at: docsRedirect.split(separator: ".").map(String.init)), let url = try scalar(node, docsRedirect) {
            reader.set(.componentURL(.identity), url, ValueOrigin(file: file, key: docsRedirect, line: node.line))
            reader.notes.append(ImportProblem(file: file, line: node.line, message: "\(docsRedirect) is ignored by chart \(version.chartLine); a rewrite writes identity.fullURL"))
        }
        // Keys this tool does not write: kept in the user's own values file, and carried over when
        // the tool rewrites values-oidc.yaml (HelmValuesMerge). Either way, said.
        let known = Set(layout.helmValues.map(\.dottedPath) + [docsRedirect]).union(layout.helmValues.filter { if case .secret = $0.source { return true } else { return false } }.map { $0.dottedPath + ".name" })
        let isOverlay = file.lastPathComponent == OutputRenderer.helmValuesFileName
        let traps = orchestrationTraps(root, file: file)
        reader.notes += traps.notes
        let foreign = root.leafPaths(prefix: "").map { (String($0.0.dropFirst()), $0.1) }
            .filter { path, _ in !known.contains(path) && path != "\(prefix).type" && !known.contains { path.hasPrefix($0 + ".") } }
            .filter { path, _ in !traps.covered.contains { path == $0 || path.hasPrefix($0 + ".") } }
        for (path, line) in foreign where isOverlay || path.hasPrefix(prefix + ".") {
            let elsewhere = CamundaVersion.allCases.filter { v in
                v != version && v.profile.layout.helmValues.contains { path == $0.dottedPath || path == $0.dottedPath + ".name" }
            }
            if !elsewhere.isEmpty {
                reader.notes.append(ImportProblem(file: file, line: line, message: "\(path) is a key of Camunda \(elsewhere.map(\.rawValue).joined(separator: ", ")), not \(version.displayName): chart \(version.chartLine) ignores it"))
                continue
            }
            reader.notes.append(ImportProblem(file: file, line: line, message: isOverlay
                ? "\(path) is not written by this tool: a rewrite of \(OutputRenderer.helmValuesFileName) keeps it"
                : "\(path) is not written by this tool: it stays in \(file.lastPathComponent), untouched (the tool writes \(OutputRenderer.helmValuesFileName))"))
        }
        if !reader.secretKeys.isEmpty {
            if let manifest = secretManifest {
                try readSecretManifest(manifest, into: &reader)
            } else {
                reader.notes.append(ImportProblem(file: file, line: nil, message: "the secrets are in a Kubernetes Secret and no \(OutputRenderer.secretManifestFileName) was found beside it: enter them again (or keep the Secret as it is)"))
            }
        }
        var setup = reader.finish(config)
        setup.source = .helmValues(file: file)
        setup.statedVersion = CamundaVersion.stated(in: text)
        setup.baseline[file.lastPathComponent] = text
        if let manifest = secretManifest { setup.baseline[manifest.file.lastPathComponent] = manifest.text }
        return setup
    }

    /// A secret in the object form of charts 13.x and later: a Secret reference or the secret inline.
    private func readSecretObject(_ c: Component, _ node: YAMLTree, key: String, file: String,
                                  config: inout Configuration, reader: inout FieldCollector) throws(ImportProblem) {
        if let name = node.child("existingSecret") {
            config.helmSecrets = .kubernetesSecret
            if let secretName = try name.scalar(path: key + ".existingSecret", file: file) {
                reader.set(.kubernetesSecretName, secretName, ValueOrigin(file: file, key: key + ".existingSecret", line: name.line))
            }
            reader.secretKeys[c] = ValueOrigin(file: file, key: key, line: node.line)
        } else if let inline = node.child("inlineSecret"), let secret = try inline.scalar(path: key + ".inlineSecret", file: file) {
            config.helmSecrets = .inline
            reader.set(.clientSecret(c), secret, ValueOrigin(file: file, key: key + ".inlineSecret", line: inline.line))
        }
    }

    /// Lists and mappings of the overlay (scopes, admin users, the admin mapping rule): the list
    /// fields and plain fields inside them are read; derived items (roles, client lists) are not.
    private func readStructure(_ source: ValueSource, _ node: YAMLTree, key: String, file: String,
                               into reader: inout FieldCollector) throws(ImportProblem) {
        switch source {
        case .list(let items):
            guard items.count == 1, case .items(let field) = items[0], case .sequence(let sequence) = node.node else { return }
            var parts: [String] = []
            for (index, item) in sequence.enumerated() {
                if let text = try YAMLTree(node: item).scalar(path: "\(key)[\(index)]", file: file) { parts.append(text) }
            }
            if !parts.isEmpty { reader.set(field, parts.joined(separator: ", "), ValueOrigin(file: file, key: key, line: node.line)) }
        case .map(let entries):
            for entry in entries {
                guard let child = node.child(entry.key) else { continue }
                try readStructure(entry.value, child, key: key + "." + entry.key, file: file, into: &reader)
            }
        case .blockList(let items):
            guard case .sequence(let sequence) = node.node else { return }
            for (item, element) in zip(items, sequence) {
                try readStructure(item, YAMLTree(node: element), key: key + "[0]", file: file, into: &reader)
            }
        case .field(let field, _):
            if let text = try node.scalar(path: key, file: file) { reader.set(field, text, ValueOrigin(file: file, key: key, line: node.line)) }
        default:
            return
        }
    }

    /// Decides a choice the files do not state (do Connectors use the cluster's app?) from the
    /// values under it: the choice whose lines agree with what the other files gave; then reads
    /// the lines of that choice.
    private func decide(_ all: [DeferredValue], in config: inout Configuration, reader: inout FieldCollector) {
        var choices: [FieldID] = []
        for item in all where !choices.contains(item.choice) { choices.append(item.choice) }
        for choice in choices { decide(choice, all.filter { $0.choice == choice }, reader: &reader) }
    }

    private func decide(_ choice: FieldID, _ deferred: [DeferredValue], reader: inout FieldCollector) {
        let options = FieldCatalog.field(choice).choices.map(\.value)
        let agreeing = options.first { option in
            let lines = deferred.filter { $0.condition.choiceRequired?.1 == option }
            return !lines.isEmpty && lines.allSatisfy { item in
                guard case .field(let field, _) = item.source else { return true }
                return reader.values[field] == item.value
            }
        } ?? options.last!
        reader.set(choice, agreeing, deferred[0].origin)
        for item in deferred where item.condition.choiceRequired?.1 == agreeing {
            switch item.source {
            case .field(let field, _): reader.set(field, item.value, item.origin)
            case .secret(let c): reader.set(.clientSecret(c), item.value, item.origin)
            default: break
            }
        }
    }

    private func readSecretManifest(_ manifest: (file: String, text: String), into reader: inout FieldCollector) throws(ImportProblem) {
        let root = try YAMLTree.load(manifest.text, file: manifest.file)
        let stringData = root.child("stringData")
        let data = root.child("data")
        for (c, _) in reader.secretKeys {
            guard let key = c.kubernetesSecretKey else { continue }
            if let node = stringData?.child(key), let value = try node.scalar(path: "stringData.\(key)", file: manifest.file) {
                reader.set(.clientSecret(c), value, ValueOrigin(file: manifest.file, key: "stringData.\(key)", line: node.line))
            } else if let node = data?.child(key), let encoded = try node.scalar(path: "data.\(key)", file: manifest.file) {
                guard let decoded = Base64.decode(encoded) else {
                    throw ImportProblem(file: manifest.file, line: node.line, message: "data.\(key) is not valid base64")
                }
                reader.set(.clientSecret(c), decoded, ValueOrigin(file: manifest.file, key: "data.\(key)", line: node.line))
            } else {
                reader.notes.append(ImportProblem(file: manifest.file, line: nil, message: "no \(key) in the Secret: enter \(c.displayName)'s secret again"))
            }
        }
    }

    // MARK: Answers

    public func importAnswers(_ text: String, file: String) throws(ImportProblem) -> ImportedSetup {
        do {
            let answers = try AnswersFile.parse(text)
            return ImportedSetup(configuration: answers.configuration, secretReferences: answers.secretReferences,
                                 notes: answers.notes.map { ImportProblem(file: file, line: nil, message: $0) },
                                 statedVersion: answers.configuration.version, source: .answers)
        } catch {
            let first = error.problems[0]
            throw ImportProblem(file: file, line: first.line, message: (first.path.isEmpty ? "" : first.path + ": ") + first.message
                                + (error.problems.count > 1 ? " (and \(error.problems.count - 1) more)" : ""))
        }
    }
}

/// A value whose meaning depends on a choice the files do not state.
private struct DeferredValue {
    let choice: FieldID
    let condition: Condition
    let source: ValueSource
    let value: String
    let origin: ValueOrigin
    var node: YAMLTree?
}

extension Condition {
    /// The choice field and value this condition requires (`.equals(f, v)` in it), if any.
    var choiceRequired: (FieldID, String)? {
        switch self {
        case .equals(let field, let value) where FieldCatalog.field(field).kind == .choice: return (field, value)
        case .all(let conditions): return conditions.lazy.compactMap(\.choiceRequired).first
        default: return nil
        }
    }
}

extension Configuration {
    /// The same configuration with these values (for evaluating conditions on imported answers).
    func with(_ values: [FieldID: String]) -> Configuration {
        var copy = self
        copy.values = values
        return copy
    }
}

/// Collects imported values, checking that files agree, then derives what the tool derives
/// (the Entra tenant from the issuer) and drops values equal to their defaults.
private struct FieldCollector {
    var values: [FieldID: String] = [:]
    var origins: [FieldID: ValueOrigin] = [:]
    var notes: [ImportProblem] = []
    var providerValue: Provider?
    var secretKeys: [Component: ValueOrigin] = [:]

    mutating func provider(_ raw: String, _ origin: ValueOrigin) {
        guard let provider = Provider(rawValue: raw.lowercased()) else {
            notes.append(ImportProblem(file: origin.file, line: origin.line, message: "\(origin.key)=\(raw): only GENERIC and MICROSOFT are supported; read as GENERIC"))
            providerValue = providerValue ?? .generic
            return
        }
        if raw != provider.identityType {
            notes.append(ImportProblem(file: origin.file, line: origin.line,
                                       message: "\(origin.key) is '\(raw)': write \(provider.identityType) in upper case, the chart compares it case-sensitively",
                                       severity: .error))
        }
        if let earlier = providerValue, earlier != provider {
            notes.append(ImportProblem(file: origin.file, line: origin.line, message: "\(origin.key)=\(raw) disagrees with another file (\(earlier.identityType))"))
            return
        }
        providerValue = provider
    }

    mutating func set(_ field: FieldID, _ value: String, _ origin: ValueOrigin) {
        if let earlier = values[field] {
            if earlier != value {
                let shown = FieldCatalog.contains(field) && FieldCatalog.field(field).isSecret ? "a different secret" : "'\(value)'"
                notes.append(ImportProblem(file: origin.file, line: origin.line,
                                           message: "\(origin.key) has \(shown), but \(origins[field]!.description) has another; the first is used"))
            }
            return
        }
        values[field] = value
        origins[field] = origin
    }

    func finish(_ base: Configuration) -> ImportedSetup {
        var config = base
        var notes = self.notes
        config.provider = providerValue ?? .generic
        config.values = values
        if config.provider == .microsoft {
            // The tenant and authority host come back out of the issuer; the endpoints are derived again.
            let issuer = values[.issuer] ?? values[.issuerBackendURL] ?? ""
            if let (host, tenant) = Self.entraIssuerParts(issuer) {
                config.values[.tenantID] = tenant
                config.values[.authorityHost] = host
            } else if !issuer.isEmpty {
                let origin = origins[.issuer] ?? origins[.issuerBackendURL]
                notes.append(ImportProblem(file: origin?.file ?? "", line: origin?.line, message: "issuer '\(issuer)' is not an Entra v2.0 issuer (https://<host>/<tenant>/v2.0)"))
            }
            for field in [FieldID.issuer, .issuerBackendURL, .tokenURL, .jwksURL] {
                if let given = values[field] {
                    config.values[field] = nil
                    if given != config.value(field), let origin = origins[field] {
                        notes.append(ImportProblem(file: origin.file, line: origin.line, message: "\(origin.key) is '\(given)', not the derived '\(config.value(field))': a rewrite writes the derived one"))
                    }
                }
            }
        }
        var originsOut = origins
        if config.provider == .microsoft, let origin = origins[.issuer] ?? origins[.issuerBackendURL] {
            originsOut[.tenantID] = origin
        }
        return ImportedSetup(configuration: config.normalized(), origins: originsOut, notes: notes)
    }

    static func entraIssuerParts(_ issuer: String) -> (host: String, tenant: String)? {
        guard issuer.hasPrefix("https://"), issuer.hasSuffix("/v2.0") else { return nil }
        let parts = issuer.dropFirst("https://".count).dropLast("/v2.0".count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}

extension Configuration {
    /// The same answers without what the tool would derive anyway: values of fields that do not
    /// apply, and values equal to their default. Two configurations that write the same files
    /// normalise to the same value.
    public func normalized() -> Configuration {
        var result = self
        for (field, given) in values {
            guard FieldCatalog.contains(field), applies(field) else {
                result.values[field] = nil
                continue
            }
            var withoutIt = result
            withoutIt.values[field] = nil
            let spec = FieldCatalog.field(field)
            // A list equals its default when the items do, however they are separated.
            let isDefault = spec.kind == .list ? withoutIt.list(field) == result.list(field) : withoutIt.value(field) == given.trimmingWhitespace()
            if given.trimmingWhitespace().isEmpty || (spec.derivation(provider) != nil && isDefault) {
                result.values[field] = nil
            }
        }
        return result
    }
}

/// A YAML document as a tree with line numbers, for importers that must say where a problem is.
struct YAMLTree {
    let node: Node

    static func load(_ text: String, file: String) throws(ImportProblem) -> YAMLTree {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ImportProblem(file: file, line: nil, message: "empty YAML document")
            }
            return YAMLTree(node: node)
        } catch let problem as ImportProblem {
            throw problem
        } catch {
            throw ImportProblem(file: file, line: YAMLTree.line(of: error), message: "not valid YAML: \(YAMLTree.summary(of: error))")
        }
    }

    var line: Int? { node.mark.map { $0.line } }

    func child(_ key: String) -> YAMLTree? {
        guard case .mapping(let mapping) = node else { return nil }
        for (k, v) in mapping where k.scalar?.string == key { return YAMLTree(node: v) }
        return nil
    }

    func node(at path: [String]) -> YAMLTree? {
        var current: YAMLTree? = self
        for key in path { current = current?.child(key) }
        return current
    }

    /// The scalar's text; nil for null; a mapping or list is a wrong type.
    func scalar(path: String, file: String) throws(ImportProblem) -> String? {
        switch node {
        case .scalar(let s):
            if s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) { return nil }
            return s.string
        default:
            throw ImportProblem(file: file, line: line, message: "\(path) should be a single value, not a \(node.isMappingNode ? "mapping" : "list")")
        }
    }

    /// Dotted paths of every scalar below this node, with their lines.
    func leafPaths(prefix: String) -> [(String, Int?)] {
        switch node {
        case .mapping(let mapping):
            return mapping.flatMap { key, value in
                YAMLTree(node: value).leafPaths(prefix: prefix + "." + (key.scalar?.string ?? "?"))
            }
        default:
            return [(prefix, line)]
        }
    }

    /// The line a Yams error points at.
    static func line(of error: Error) -> Int? {
        guard let yamlError = error as? YamlError else { return nil }
        switch yamlError {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    /// A one-line description of a Yams error (its own text can quote the whole document).
    static func summary(of error: Error) -> String {
        guard let yamlError = error as? YamlError else { return "\(error)" }
        switch yamlError {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        case .duplicatedKeysInMapping(let duplicates, _):
            // Yams refuses duplicate keys before the reader sees them; its own text quotes the whole file.
            return "\(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) given more than once in one mapping: give each key once"
        default:
            return "\(yamlError)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}

extension Node {
    var isMappingNode: Bool {
        if case .mapping = self { return true }
        return false
    }
}

extension String {
    /// The part after the last slash.
    public var lastPathComponent: String {
        split(separator: "/").last.map(String.init) ?? self
    }
}

/// Standard base64 decoding for Kubernetes `data:` values (no Foundation needed in the core).
enum Base64 {
    static func decode(_ text: String) -> String? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var table = [UInt8: UInt8]()
        for (i, c) in alphabet.enumerated() { table[c] = UInt8(i) }
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in text.utf8 where c != UInt8(ascii: "\n") && c != UInt8(ascii: " ") {
            if c == UInt8(ascii: "=") { break }
            guard let v = table[c] else { return nil }
            buffer = (buffer << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
