#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import ArgumentParser
import Dispatch
import OIDCSetup
import ProviderCheck

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the answers against the provider: discovery, signing keys, and a token per confidential application.",
        discussion: """
        Requests go only to the configured issuer (its discovery document), token and JWKS URLs; each \
        application's secret is sent only in its token request (HTTP Basic, or the form body when the \
        provider's discovery offers only that), never printed. HTTPS_PROXY, HTTP_PROXY and NO_PROXY are \
        honoured. TLS is always verified: against the system's CA store, or the CA of --ca-file.

        Each check is a line: ok, FAIL, warn or skip, the component, what was found, and the field to fix.

        Exit status: 0 every check ok (warnings and skips allowed); 1 at least one FAIL; 64 usage; 65 the \
        input is invalid (the same rules as generate); 66 an input cannot be read; 69 the provider could \
        not be reached at all.
        """
    )

    @Option(help: "An answers file (YAML), as generate reads it.")
    var answers: String?

    @Argument(help: "Instead of --answers: a directory of env files, a Helm values file (oidc-secret.yaml beside it), or an answers file.")
    var path: String?

    @Option(help: "Seconds to wait for each request.")
    var timeout: Int = 10

    @Option(name: .customLong("ca-file"), help: "A PEM file with the CA that signed the provider's certificate (instead of the system store).")
    var caFile: String?

    @Option(help: "text or json.")
    var format: OutputFormatOption = .text

    @Option(help: "Check only this component's token (repeatable): identity, operate, tasklist, optimize, zeebe, webModeler, connectors.")
    var only: [String] = []

    @Flag(name: .customLong("allow-http"), help: "Allow plain http to hosts other than this machine (in-cluster backend URLs).")
    var allowHTTP = false

    enum OutputFormatOption: String, ExpressibleByArgument {
        case text, json
    }

    static let unreachable = ExitCode(69)  // EX_UNAVAILABLE

    func validate() throws {
        if (answers == nil) == (path == nil) { throw ValidationError("Give either --answers FILE or a PATH (not both).") }
        if timeout < 1 || timeout > 600 { throw ValidationError("--timeout must be 1 to 600 seconds.") }
        for name in only where Self.component(named: name) == nil {
            throw ValidationError("--only \(name): not a component (identity, operate, tasklist, optimize, zeebe, webModeler, connectors).")
        }
    }

    static func component(named name: String) -> Component? {
        let key = name.lowercased().filter { $0.isLetter }
        return Component.allCases.first { $0.rawValue.lowercased() == key }
    }

    func run() throws {
        let source = answers ?? path!
        let loaded: SetupLoader.Loaded
        do {
            loaded = try SetupLoader().load(source)
        } catch {
            printError("camunda-oidc verify: \(error)")
            switch error {
            case .unreadable: throw ExitStatus.unreadableInput
            case .malformed: throw ExitStatus.invalidAnswers
            }
        }
        let config = loaded.setup.configuration
        // Secrets kept in a Kubernetes Secret are not in the files: those tokens are skipped, not invalid.
        let secretsElsewhere = config.output == .helm && config.helmSecrets == .kubernetesSecret && !loaded.isAnswersFile
        let errors = Validator.validate(config).filter { issue in
            guard issue.severity == .error else { return false }
            if secretsElsewhere, case .clientSecret = issue.field, config.value(issue.field).isEmpty { return false }
            return true
        }
        for note in loaded.setup.notes { printError("note: \(note)") }
        guard errors.isEmpty else {
            for issue in errors { printError("\(loaded.setup.location(of: issue)): \(issue.message)") }
            printError("camunda-oidc verify: fix these first (camunda-oidc check \(source) lists every rule).")
            throw ExitStatus.invalidAnswers
        }

        var caPEM: [UInt8]?
        if let caFile {
            switch FileDescriptorIO.readFile(caFile) {
            case .success(let bytes): caPEM = bytes
            case .failure(let failure):
                printError("camunda-oidc verify: cannot read the CA file \(failure)")
                throw ExitStatus.unreadableInput
            }
        }
        let client: ProviderClient
        do {
            client = try ProviderClient(timeoutSeconds: timeout, caCertificatesPEM: caPEM,
                                        proxies: ProxySettings(environment: Self.environment()))
        } catch {
            printError("camunda-oidc verify: \(caFile ?? "--ca-file"): no PEM certificate could be read (\(error))")
            throw ExitStatus.unreadableInput
        }
        let options = LiveCheckOptions(allowHTTP: allowHTTP, only: Set(only.compactMap(Self.component(named:))),
                                       timeoutSeconds: timeout, usesCAFile: caPEM != nil)
        let plan = LiveCheckPlan(config: config, options: options)
        let report = Self.wait {
            let report = await LiveChecker(client: client).run(plan)
            await client.shutdown()
            return report
        }
        print(format == .json ? report.json() : report.text(), terminator: "")
        switch report.exitStatus {
        case 0: return
        case 69: throw Self.unreachable
        default: throw ExitCode(report.exitStatus)
        }
    }

    /// Runs async work to its end from this synchronous command.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    /// The process environment (the proxy variables are read from it).
    static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") { result[String(text[..<equals])] = String(text[text.index(after: equals)...]) }
            pointer += 1
        }
        return result
    }
}

/// Hands a value from a detached task to the thread waiting for it (the semaphore orders the accesses).
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
