import ArgumentParser
import OIDCSetup

struct Wizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the interactive wizard (the default)."
    )

    func run() throws {
        printError("camunda-oidc: the interactive wizard is not built yet; use 'camunda-oidc generate --answers FILE'.")
        throw ExitCode(2)
    }
}
