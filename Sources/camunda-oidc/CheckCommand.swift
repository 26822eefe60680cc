import ArgumentParser
import OIDCSetup

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate an existing setup (env files, Helm values or answers file) against every rule.",
        discussion: """
        Prints each problem naming the file, the key and the field. Exit status: 0 clean (or only \
        warnings, unless --strict); 65 errors (or warnings with --strict), or input that does not parse; \
        66 the path cannot be read.
        """
    )

    @Argument(help: "A directory of env files, a Helm values file, or an answers file.")
    var path: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "The Camunda version the setup is for (\(CamundaVersion.knownList)): needed when its files do not say; overrides what they say.")
    var camunda: CamundaVersion?

    func run() throws {
        let loaded: SetupLoader.Loaded
        do {
            loaded = try SetupLoader(version: camunda).load(path)
        } catch {
            printError("camunda-oidc check: \(error)")
            switch error {
            case .unreadable: throw ExitStatus.unreadableInput
            case .malformed: throw ExitStatus.invalidAnswers
            }
        }
        let setup = loaded.setup
        let config = setup.configuration
        if loaded.isAnswersFile, let camunda, camunda != config.version {
            printError("camunda-oidc check: \(path): the answers file says camunda: \"\(config.version.rawValue)\"; --camunda \(camunda.rawValue) contradicts it (change the file's camunda: key to check it as \(camunda.rawValue))")
            throw ExitCode(64)
        }
        guard camunda != nil || setup.statedVersion != nil else {
            printError("camunda-oidc check: \(path): the files do not say which Camunda version they are for; give it with --camunda \(CamundaVersion.allCases.map(\.rawValue).joined(separator: "|"))")
            throw ExitCode(64)
        }
        // Secrets kept in a Kubernetes Secret are not in the files; their absence is not a problem here.
        let secretsElsewhere = config.output == .helm && config.helmSecrets == .kubernetesSecret
        // Nor is a value the files never carry (Web Modeler's URL only shapes the checklist in env output).
        let destinations = config.profile.layout.destinations
        let issues = Validator.validate(config).filter { issue in
            guard config.value(issue.field).isEmpty else { return true }
            if secretsElsewhere, case .clientSecret = issue.field { return false }
            let (env, helm) = destinations(issue.field, config)
            return (config.output == .env ? env : helm).isEmpty == false || setup.origins[issue.field] != nil
                || issue.field == .components || FieldCatalog.field(issue.field).derivation(config.provider) != nil
        }
        // What the files leave out is a finding too, but not for an answers file (defaults are its way).
        let missing = loaded.isAnswersFile ? [] : setup.valuesMissingFromFiles()
        for note in setup.notes { print("\(note.severity == .error ? "error" : "note"): \(note)") }
        for issue in issues + missing { print("\(issue.severity.rawValue): \(setup.location(of: issue)): \(issue.message)") }
        let errors = issues.filter { $0.severity == .error }.count + setup.notes.filter { $0.severity == .error }.count
        let warnings = issues.count + missing.count - issues.filter { $0.severity == .error }.count
        print("\(loaded.description): Camunda \(config.version.rawValue), \(config.provider.displayName), \(config.output.displayName), "
              + "\(config.components.map(config.profile.name(of:)).joined(separator: ", ")): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 || (strict && warnings > 0) { throw ExitStatus.invalidAnswers }
    }
}
