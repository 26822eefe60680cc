import ArgumentParser
import OIDCSetup

extension Provider: ExpressibleByArgument {}

struct Fields: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fields",
        abstract: "Print the field reference: what each field is, where to find it, and the env var / Helm key it becomes."
    )

    @Option(help: "Only the fields of this provider: generic or microsoft.")
    var provider: Provider?

    @Option(help: "The Camunda version: \(CamundaVersion.knownList) (default 8.5).")
    var camunda: CamundaVersion = .v8_5

    func run() throws {
        print(FieldReference.render(provider: provider, version: camunda), terminator: "")
    }
}
