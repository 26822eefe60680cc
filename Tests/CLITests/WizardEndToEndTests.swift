#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation
import Testing

/// The real `camunda-oidc` wizard in tmux (see `TmuxSession`): keys typed as an operator would, the
/// screen read back, the files it writes compared with `generate`, and the terminal checked after it
/// leaves (exit status, `stty -a`, alternate screen, scrollback).
///
/// Every test has its own tmux server and temporary directory, so they run in parallel.
@Suite("Wizard end to end (the real binary in tmux)")
struct WizardEndToEndTests {

    // MARK: Answers typed

    /// The Entra answers of Tests/Fixtures/answers/entra-helm.yaml, secrets obviously fake.
    enum Entra {
        static let tenant = "11111111-2222-3333-4444-555555555555"
        static let claimValue = "99999999-8888-7777-6666-555555555555"
        static let urls: [(String, String)] = [
            ("Identity", "https://identity.camunda.example.com"), ("Operate", "https://operate.camunda.example.com"),
            ("Tasklist", "https://tasklist.camunda.example.com"), ("Optimize", "https://optimize.camunda.example.com"),
            ("Web Modeler", "https://modeler.camunda.example.com"),
        ]
        static let clientIDs: [String: String] = [
            "identity": "00000000-0000-0000-0000-00000000000a", "operate": "00000000-0000-0000-0000-00000000000b",
            "tasklist": "00000000-0000-0000-0000-00000000000c", "optimize": "00000000-0000-0000-0000-00000000000d",
            "zeebe": "00000000-0000-0000-0000-00000000000e", "webModeler": "00000000-0000-0000-0000-00000000000f",
            "connectors": "00000000-0000-0000-0000-000000000010",
        ]
        static let secrets: [String: String] = [
            "IDENTITY": "fake-identity-secret~NOT-REAL", "OPERATE": "fake-operate-secret~NOT-REAL",
            "TASKLIST": "fake-tasklist-secret~NOT-REAL", "OPTIMIZE": "fake-optimize-secret~NOT-REAL",
            "ZEEBE": "fake-zeebe-secret~NOT-REAL", "CONNECTORS": "fake-connectors-secret~NOT-REAL",
        ]
        static let publicAPIAudience = "api://camunda-web-modeler-public"
    }

    /// The generic answers of Tests/Fixtures/answers/generic-env.yaml.
    enum Generic {
        static let issuer = "https://idp.example.com/realms/camunda"
        static let issuerBackend = "http://idp-internal:8080/realms/camunda"
        static let tokenURL = "https://idp.example.com/realms/camunda/protocol/openid-connect/token"
        static let jwksURL = "https://idp.example.com/realms/camunda/protocol/openid-connect/certs"
        static let identityBaseURL = "http://identity:8084"
        static let urls: [(String, String)] = Entra.urls
        static let secrets: [String: String] = [
            "IDENTITY": "fake-identity-secret-NOT-REAL", "OPERATE": "fake-operate-secret-NOT-REAL",
            "TASKLIST": "fake-tasklist-secret-NOT-REAL", "OPTIMIZE": "fake-optimize-secret-NOT-REAL",
            "ZEEBE": "fake-zeebe-secret-NOT-REAL", "CONNECTORS": "fake-connectors-secret-NOT-REAL",
        ]
        /// Client ID and audience of the components with a secret.
        static let apps: [(name: String, key: String, clientID: String, audience: String)] = [
            ("Identity", "IDENTITY", "camunda-identity", "camunda-identity-api"),
            ("Operate", "OPERATE", "camunda-operate", "camunda-operate-api"),
            ("Tasklist", "TASKLIST", "camunda-tasklist", "camunda-tasklist-api"),
            ("Optimize", "OPTIMIZE", "camunda-optimize", "camunda-optimize-api"),
        ]
        static let zeebe = (clientID: "camunda-zeebe", audience: "camunda-zeebe-api", scope: "camunda-zeebe-api/.default")
        static let webModeler = (clientID: "camunda-web-modeler", clientAPI: "camunda-web-modeler-api", publicAPI: "camunda-web-modeler-public-api")
        static let connectorsClientID = "camunda-connectors"
        static let claimName = "email"
        static let claimValue = "admin@example.com"
    }

    static func masked(_ secret: String) -> String { "•••••••• \(secret.count) characters" }

    // MARK: 1. Entra -> Helm

    @Test("Entra -> Helm typed as keys (all components, Kubernetes Secret): files, modes, summary, no secret left, same as generate")
    func entraHelmFullRun() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }

        try tmux.waitFor("Welcome", "Step 1 of 18", "(•) Start a new setup")
        try tmux.press("Enter")
        try tmux.waitFor("Camunda version", "Step 2 of 18", "(•) Camunda 8.5  (Helm chart 10.x)", "helm list -A")
        try tmux.press("Enter")
        try tmux.waitFor("Step 3 of 18", "(•) Microsoft Entra ID")
        try tmux.press("Enter")
        try tmux.waitFor("Output · Microsoft Entra ID · Helm values", "(•) Helm values")
        try tmux.press("Enter")

        try tmux.waitFor("Provider endpoints · Microsoft Entra ID", "Step 5 of 18")
        try tmux.type(Entra.tenant)
        // The derived endpoints update as the tenant is typed.
        try tmux.waitFor("https://login.microsoftonline.com/11111111-2222-3333-4444-55", "5555555555/oauth2/v2.0/token")
        try tmux.press("Enter", "Enter")  // tenant -> authority host (defaulted) -> next step

        try tmux.waitFor("Components · Microsoft Entra ID", "Step 6 of 18", "[ ] Web Modeler", "[ ] Connectors")
        try tmux.press("Down", "Down", "Down", "Down", "Down", "Space", "Down", "Space")
        try tmux.waitFor("Step 6 of 20", "[x] Web Modeler", "› [x] Connectors")
        try tmux.press("Enter")

        try tmux.waitFor("Camunda URLs · Microsoft Entra ID", "Step 7 of 20")
        for (offset, (_, url)) in Entra.urls.enumerated() {
            try tmux.type(url)
            if offset < Entra.urls.count - 1 { try tmux.press("Enter") }
        }
        try tmux.waitFor("https://modeler.camunda.example.com/login-callback", "https://identity.camunda.example.com/auth/login-callback")
        try tmux.press("Enter")

        // Identity: the secret pasted with surrounding whitespace and a trailing newline, as copied from a portal.
        try tmux.waitFor("Identity application · Microsoft Entra ID", "Step 8 of 20")
        try tmux.type(Entra.clientIDs["identity"]!)
        try tmux.press("Tab")
        try tmux.paste(" \t" + Entra.secrets["IDENTITY"]! + "  \n")
        let pasted = try tmux.waitFor(Self.masked(Entra.secrets["IDENTITY"]!), "Surrounding whitespace was trimmed")
        #expect(!pasted.contains("NOT-REAL"), "the pasted secret is on screen:\n\(pasted)")
        #expect(pasted.contains("Step 8 of 20"), "the paste's newline acted as Enter:\n\(pasted)")
        try tmux.press("Enter")  // secret -> audience (defaulted to the client ID)
        try tmux.waitFor("› Audience")
        try tmux.press("Enter")

        for (step, name, key) in [(9, "Operate", "OPERATE"), (10, "Tasklist", "TASKLIST"), (11, "Optimize", "OPTIMIZE")] {
            try tmux.waitFor("\(name) application · Microsoft Entra ID", "Step \(step) of 20")
            try tmux.type(Entra.clientIDs[name.lowercased()]!)
            try tmux.press("Tab")
            try tmux.type(Entra.secrets[key]!)
            try tmux.waitFor(Self.masked(Entra.secrets[key]!))
            try tmux.press("Tab", "Enter")
        }

        try tmux.waitFor("Zeebe application · Microsoft Entra ID", "Step 12 of 20")
        try tmux.type(Entra.clientIDs["zeebe"]!)
        try tmux.press("Tab")
        try tmux.type(Entra.secrets["ZEEBE"]!)
        try tmux.waitFor(Self.masked(Entra.secrets["ZEEBE"]!), "00000000-0000-0000-0000-00000000000e/.default")
        try tmux.press("Tab", "Tab", "Enter")

        try tmux.waitFor("Web Modeler application · Microsoft Entra ID", "Step 13 of 20")
        try tmux.type(Entra.clientIDs["webModeler"]!)
        try tmux.press("Tab", "Tab")
        try tmux.type(Entra.publicAPIAudience)
        try tmux.press("Enter")

        try tmux.waitFor("Connectors application · Microsoft Entra ID", "Step 14 of 20")
        try tmux.type(Entra.clientIDs["connectors"]!)
        try tmux.press("Tab")
        try tmux.type(Entra.secrets["CONNECTORS"]!)
        try tmux.waitFor(Self.masked(Entra.secrets["CONNECTORS"]!))
        try tmux.press("Tab", "Enter")  // mode: inbound (the default) -> next

        try tmux.waitFor("First administrator · Microsoft Entra ID", "Step 15 of 20")
        try tmux.press("Tab")  // the claim name keeps its default, oid
        try tmux.type(Entra.claimValue)
        try tmux.press("Enter", "Space")
        try tmux.waitFor("[x] I understand")
        try tmux.press("Enter")

        try tmux.waitFor("Secrets in Helm · Microsoft Entra ID", "Step 16 of 20", "(•) Kubernetes Secret")
        try tmux.press("Enter", "Enter")  // the choice -> the Secret's name (defaulted) -> next

        try tmux.waitFor("Review · Microsoft Entra ID", "Step 17 of 20", "No warnings", "Registration checklist:")
        try tmux.pressNextButton()
        // The provider check (the proxy variables point at a closed loopback port: nothing leaves the machine).
        try tmux.waitFor("Check with your provider", "s skip")
        try tmux.press("s")

        // Preview: secrets masked, revealed with r, masked again on the next tab.
        try tmux.waitFor("Preview · Microsoft Entra ID", "Step 19 of 20", "1 values-oidc.yaml")
        try tmux.press("Right")
        try tmux.waitFor("Secrets masked as", "identity-secret: \"••••••••\"")
        try tmux.press("r")
        try tmux.waitFor("SECRETS VISIBLE", "identity-secret: \"\(Entra.secrets["IDENTITY"]!)\"", "connectors-secret: \"\(Entra.secrets["CONNECTORS"]!)\"")
        try tmux.press("Left")
        let maskedAgain = try tmux.waitFor("Holds no secret. Written with mode 0644.")
        #expect(!maskedAgain.contains("NOT-REAL") && !maskedAgain.contains("SECRETS VISIBLE"))
        try tmux.pressNextButton()

        try tmux.waitFor("Write · Microsoft Entra ID", "Step 20 of 20", "oidc-secret.yaml            0600   new",
                         "camunda-oidc-answers.yaml   0644   new")
        try tmux.press("Enter")  // the directory (.) is the only input: Enter writes

        let done = try tmux.waitFor("Wrote 4 files:", "./oidc-secret.yaml (mode ")
        #expect(Self.showsMode(done, "./oidc-secret.yaml", 0o600), "the Done screen:\n\(done)")
        #expect(!done.contains("NOT-REAL"), "the Done screen shows a secret:\n\(done)")
        try tmux.press("Enter")

        let ending = try tmux.waitForEnding()
        #expect(ending.status == 0, "exit status \(ending.status)\n\(ending.history)")
        try Self.expectSane(ending)
        // The summary is printed on the normal screen after the wizard left.
        for line in ["Wrote 4 files:", "kubectl apply -n <namespace> -f ./oidc-secret.yaml", "helm upgrade --install",
                     "generate --answers ./camunda-oidc-answers.yaml"] {
            #expect(ending.history.contains(line), "the summary after exit lacks \(line):\n\(ending.history)")
        }
        #expect(Self.showsMode(ending.history, "./values-oidc.yaml", 0o644) && Self.showsMode(ending.history, "./oidc-secret.yaml", 0o600),
                "the summary after exit lacks the modes:\n\(ending.history)")
        try Self.expectNoSecret(Entra.secrets, in: tmux, ending: ending)

        // The files, with exact modes.
        let written = try Self.files(in: tmux.work)
        #expect(written.keys.sorted() == ["camunda-oidc-answers.yaml", "oidc-secret.yaml", "registration-checklist.md", "values-oidc.yaml"])
        #expect(written["oidc-secret.yaml"]?.mode == 0o600)
        #expect(written["values-oidc.yaml"]?.mode == 0o644)
        #expect(written["registration-checklist.md"]?.mode == 0o644)
        #expect(written["camunda-oidc-answers.yaml"]?.mode == 0o644)
        let manifest = String(decoding: written["oidc-secret.yaml"]?.contents ?? Data(), as: UTF8.self)
        #expect(manifest.contains("identity-secret: \"\(Entra.secrets["IDENTITY"]!)\""), "the pasted secret was not trimmed:\n\(manifest)")
        let answers = String(decoding: written["camunda-oidc-answers.yaml"]?.contents ?? Data(), as: UTF8.self)
        #expect(answers.contains("secretEnv: \"CAMUNDA_OIDC_IDENTITY_SECRET\""))
        for secret in Entra.secrets.values { #expect(!answers.contains(secret), "the answers file holds a secret") }

        try Self.expectSameAsGenerate(written, tmux: tmux, secrets: Entra.secrets)
    }

    // MARK: 1b. Camunda 8.7, Entra -> Helm

    /// The answers of Tests/Fixtures/answers/8.7-entra-helm.yaml (the spec's legend).
    enum Entra87 {
        static let urls = ["https://identity.example.com", "https://operate.example.com", "https://tasklist.example.com",
                           "https://optimize.example.com", "https://modeler.example.com", "https://console.example.com"]
        static func id(_ n: Int) -> String { "00000000-0000-0000-0000-00000000000\(n)" }
        static let claimValue = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
        static let secrets = Entra.secrets
    }

    @Test("Camunda 8.7, Entra -> Helm typed as keys (all components, Console, Web Modeler UI and API): the fixture's goldens, and the same as generate")
    func entra87HelmFullRun() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }

        try tmux.waitFor("Welcome", "(•) Start a new setup")
        try tmux.press("Enter")
        try tmux.waitFor("Camunda version", "Step 2 of 18", "(•) Camunda 8.5  (Helm chart 10.x)", "11.x is 8.6, 12.x is 8.7")
        try tmux.press("Down", "Down")
        try tmux.waitFor("(•) Camunda 8.7  (Helm chart 12.x)", "Web Modeler as two apps")
        try tmux.press("Enter")
        try tmux.waitFor("Provider", "Camunda 8.7 OIDC setup", "(•) Microsoft Entra ID")
        try tmux.press("Enter")
        try tmux.waitFor("Output · Microsoft Entra ID · Helm values")
        try tmux.press("Enter")
        try tmux.waitFor("Provider endpoints · Microsoft Entra ID")
        try tmux.type(Entra.tenant)
        try tmux.press("Enter", "Enter")

        try tmux.waitFor("Components · Microsoft Entra ID", "[ ] Web Modeler", "[ ] Connectors", "[ ] Console")
        try tmux.press("Down", "Down", "Down", "Down", "Down", "Space", "Down", "Space", "Down", "Space")
        try tmux.waitFor("Step 6 of 21", "[x] Web Modeler", "[x] Connectors", "› [x] Console")
        try tmux.press("Enter")

        try tmux.waitFor("Camunda URLs · Microsoft Entra ID", "Step 7 of 21")
        for (offset, url) in Entra87.urls.enumerated() {
            try tmux.type(url)
            if offset < Entra87.urls.count - 1 { try tmux.press("Enter") }
        }
        try tmux.waitFor("https://console.example.com/", "https://modeler.example.com/login-callback")
        try tmux.press("Enter")

        for (step, name, key, id) in [(8, "Identity", "IDENTITY", 1), (9, "Operate", "OPERATE", 2), (10, "Tasklist", "TASKLIST", 3), (11, "Optimize", "OPTIMIZE", 4)] {
            try tmux.waitFor("\(name) application · Microsoft Entra ID", "Step \(step) of 21")
            try tmux.type(Entra87.id(id))
            try tmux.press("Tab")
            try tmux.type(Entra87.secrets[key]!)
            try tmux.waitFor(Self.masked(Entra87.secrets[key]!))
            try tmux.press("Tab", "Enter")
        }
        try tmux.waitFor("Zeebe application · Microsoft Entra ID", "Step 12 of 21")
        try tmux.type(Entra87.id(5))
        try tmux.press("Tab")
        try tmux.type(Entra87.secrets["ZEEBE"]!)
        try tmux.waitFor(Self.masked(Entra87.secrets["ZEEBE"]!), "00000000-0000-0000-0000-000000000005/.default")
        try tmux.press("Tab", "Tab", "Enter")

        try tmux.waitFor("Web Modeler application · Microsoft Entra ID", "Step 13 of 21", "as two apps", "› UI client ID", "API client ID")
        try tmux.type(Entra87.id(7))
        try tmux.press("Tab", "Tab")
        try tmux.type(Entra87.id(7))
        // The API app must be another app: the same ID is refused in words.
        try tmux.press("Enter")
        try tmux.waitFor("Error: must differ from the UI client ID", "Step 13 of 21")
        try tmux.press("C-u")
        try tmux.type(Entra87.id(8))
        try tmux.press("Enter")

        try tmux.waitFor("Connectors application · Microsoft Entra ID", "Step 14 of 21")
        try tmux.type(Entra87.id(6))
        try tmux.press("Tab")
        try tmux.type(Entra87.secrets["CONNECTORS"]!)
        try tmux.waitFor(Self.masked(Entra87.secrets["CONNECTORS"]!))
        try tmux.press("Tab", "Enter")

        try tmux.waitFor("Console application · Microsoft Entra ID", "Step 15 of 21", "https://console.example.com/")
        try tmux.type(Entra87.id(9))
        try tmux.waitFor(Entra87.id(9))
        try tmux.press("Tab", "Tab", "Enter")

        try tmux.waitFor("First administrator · Microsoft Entra ID", "Step 16 of 21")
        try tmux.press("Tab")
        try tmux.type(Entra87.claimValue)
        try tmux.press("Enter", "Space")
        try tmux.waitFor("[x] I understand")
        try tmux.press("Enter")

        try tmux.waitFor("Secrets in Helm · Microsoft Entra ID", "Step 17 of 21", "(•) Kubernetes Secret")
        try tmux.press("Enter")
        try tmux.type("camunda-oidc")
        try tmux.press("Enter")

        try tmux.waitFor("Review · Microsoft Entra ID", "Step 18 of 21", "No warnings")
        try tmux.pressNextButton()
        // The provider check (the proxy variables point at a closed loopback port: nothing leaves the machine).
        try tmux.waitFor("Check with your provider", "s skip")
        try tmux.press("s")
        try tmux.waitFor("Preview · Microsoft Entra ID", "Step 20 of 21", "Camunda 8.7 (Helm chart 12.x)")
        try tmux.pressNextButton()
        try tmux.waitFor("Write · Microsoft Entra ID", "Step 21 of 21", "oidc-secret.yaml            0600   new")
        try tmux.press("Enter")
        try tmux.waitFor("Wrote 4 files:", "--version 12.x")
        try tmux.press("Enter")

        let ending = try tmux.waitForEnding()
        #expect(ending.status == 0, "exit status \(ending.status)\n\(ending.history)")
        try Self.expectSane(ending)
        try Self.expectNoSecret(Entra87.secrets, in: tmux, ending: ending)

        let written = try Self.files(in: tmux.work)
        #expect(written.keys.sorted() == ["camunda-oidc-answers.yaml", "oidc-secret.yaml", "registration-checklist.md", "values-oidc.yaml"])
        let answers = String(decoding: written["camunda-oidc-answers.yaml"]?.contents ?? Data(), as: UTF8.self)
        #expect(answers.contains("camunda: \"8.7\"\n") && answers.contains("    apiClientId: \"00000000-0000-0000-0000-000000000008\"\n"), "\(answers)")
        // Typed as the fixture says, the wizard writes the fixture's reviewed goldens byte for byte.
        for name in ["values-oidc.yaml", "oidc-secret.yaml", "registration-checklist.md"] {
            let golden = try Data(contentsOf: CLIFixture.goldenDirectory("8.7-entra-helm").appendingPathComponent(name))
            #expect(written[name]?.contents == golden, "\(name) differs from the 8.7-entra-helm golden")
        }
        try Self.expectSameAsGenerate(written, tmux: tmux, secrets: Entra87.secrets)
    }

    // MARK: 1c. Camunda 8.8, Entra -> Helm

    /// The answers of Tests/Fixtures/answers/8.8-entra-helm.yaml (the spec's legend; ...000a is the cluster's app).
    enum Entra88 {
        static let urls = ["https://camunda.example.com", "https://identity.example.com", "https://optimize.example.com",
                           "https://modeler.example.com", "https://console.example.com"]
        static let clusterID = "00000000-0000-0000-0000-00000000000a"
        static let secrets = ["ORCHESTRATION": "fake-orchestration-secret~NOT-REAL", "IDENTITY": "fake-identity-secret~NOT-REAL",
                              "OPTIMIZE": "fake-optimize-secret~NOT-REAL"]
    }

    @Test("Camunda 8.8, Entra -> Helm typed as keys (the Orchestration cluster, Management Identity, Connectors on the cluster's app, admins): the fixture's goldens, and the same as generate")
    func entra88HelmFullRun() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }

        try tmux.waitFor("Welcome", "(•) Start a new setup")
        try tmux.press("Enter")
        try tmux.waitFor("Camunda version", "(•) Camunda 8.5  (Helm chart 10.x)", "13.x is 8.8")
        try tmux.press("Down", "Down", "Down")
        try tmux.waitFor("(•) Camunda 8.8  (Helm chart 13.x)", "One app for Zeebe, Operate, Tasklist")
        try tmux.press("Enter")
        try tmux.waitFor("Provider", "Camunda 8.8 OIDC setup", "(•) Microsoft Entra ID")
        try tmux.press("Enter")
        try tmux.waitFor("Output · Microsoft Entra ID · Helm values")
        try tmux.press("Enter")
        try tmux.waitFor("Provider endpoints · Microsoft Entra ID")
        try tmux.type(Entra.tenant)
        try tmux.waitFor("Authorization   https://login.microsoftonline.com/11111111-2222-3333-4444-5")
        try tmux.press("Enter", "Enter")

        // The cluster is always deployed: Space on it is refused in words.
        try tmux.waitFor("Components · Microsoft Entra ID", "› [x] Orchestration cluster", "[x] Management Identity", "[ ] Web Modeler")
        try tmux.press("Space")
        try tmux.waitFor("Orchestration cluster is always deployed", "› [x] Orchestration cluster")
        try tmux.press("Down", "Down", "Down", "Space", "Down", "Space", "Down", "Space")
        try tmux.waitFor("Step 6 of 20", "[x] Web Modeler", "[x] Connectors", "› [x] Console")
        try tmux.press("Enter")

        try tmux.waitFor("Camunda URLs · Microsoft Entra ID", "Step 7 of 20", "Orchestration cluster URL")
        for (offset, url) in Entra88.urls.enumerated() {
            try tmux.type(url)
            if offset < Entra88.urls.count - 1 { try tmux.press("Enter") }
        }
        try tmux.waitFor("https://camunda.example.com/sso-callback", "https://console.example.com/")
        try tmux.press("Enter")

        try tmux.waitFor("Orchestration cluster application · Microsoft Entra ID", "Step 8 of 20", "https://camunda.example.com/sso-callback")
        try tmux.type(Entra88.clusterID)
        try tmux.press("Tab")
        try tmux.type(Entra88.secrets["ORCHESTRATION"]!)
        try tmux.waitFor(Self.masked(Entra88.secrets["ORCHESTRATION"]!), "(•) Yes: a token with a user name is a user's")
        try tmux.pressNextButton()
        for (step, name, key, id) in [(9, "Identity", "IDENTITY", 1), (10, "Optimize", "OPTIMIZE", 4)] {
            try tmux.waitFor("\(name) application · Microsoft Entra ID", "Step \(step) of 20")
            try tmux.type(Entra87.id(id))
            try tmux.press("Tab")
            try tmux.type(Entra88.secrets[key]!)
            try tmux.waitFor(Self.masked(Entra88.secrets[key]!))
            try tmux.pressNextButton()
        }
        try tmux.waitFor("Web Modeler application · Microsoft Entra ID", "Step 11 of 20", "› UI client ID")
        try tmux.type(Entra87.id(7))
        try tmux.press("Tab", "Tab")
        try tmux.type(Entra87.id(8))
        try tmux.pressNextButton()

        try tmux.waitFor("Connectors application · Microsoft Entra ID", "Step 12 of 20", "(•) Use the Orchestration cluster's app",
                         "\(Entra88.clusterID)/.default")
        try tmux.pressNextButton()
        try tmux.waitFor("Console application · Microsoft Entra ID", "Step 13 of 20")
        try tmux.type(Entra87.id(9))
        try tmux.waitFor(Entra87.id(9))
        try tmux.pressNextButton()

        try tmux.waitFor("First administrator · Microsoft Entra ID", "Step 14 of 20")
        try tmux.press("Tab")
        try tmux.type(Entra87.claimValue)
        try tmux.press("Enter", "Space")
        try tmux.waitFor("[x] I understand")
        try tmux.press("Enter")
        // The cluster's admins default to the initial claim.
        try tmux.waitFor("Cluster administrators · Microsoft Entra ID", "Step 15 of 20", "Admin claim value  \(Entra87.claimValue)")
        try tmux.pressNextButton()

        try tmux.waitFor("Secrets in Helm · Microsoft Entra ID", "Step 16 of 20", "(•) Kubernetes Secret")
        try tmux.press("Enter")
        try tmux.type("camunda-oidc")
        try tmux.press("Enter")

        try tmux.waitFor("Review · Microsoft Entra ID", "Step 17 of 20", "No warnings")
        try tmux.pressNextButton()
        // The provider check (the proxy variables point at a closed loopback port: nothing leaves the machine).
        try tmux.waitFor("Check with your provider", "s skip")
        try tmux.press("s")
        try tmux.waitFor("Preview · Microsoft Entra ID", "Step 19 of 20", "Camunda 8.8 (Helm chart 13.x)")
        try tmux.pressNextButton()
        try tmux.waitFor("Write · Microsoft Entra ID", "Step 20 of 20", "oidc-secret.yaml            0600   new")
        try tmux.press("Enter")
        try tmux.waitFor("Wrote 4 files:", "--version 13.x")
        try tmux.press("Enter")

        let ending = try tmux.waitForEnding()
        #expect(ending.status == 0, "exit status \(ending.status)\n\(ending.history)")
        try Self.expectSane(ending)
        try Self.expectNoSecret(Entra88.secrets, in: tmux, ending: ending)

        let written = try Self.files(in: tmux.work)
        #expect(written.keys.sorted() == ["camunda-oidc-answers.yaml", "oidc-secret.yaml", "registration-checklist.md", "values-oidc.yaml"])
        let answers = String(decoding: written["camunda-oidc-answers.yaml"]?.contents ?? Data(), as: UTF8.self)
        #expect(answers.contains("camunda: \"8.8\"\n") && answers.contains("  orchestration:\n"), "\(answers)")
        for name in ["values-oidc.yaml", "oidc-secret.yaml", "registration-checklist.md"] {
            let golden = try Data(contentsOf: CLIFixture.goldenDirectory("8.8-entra-helm").appendingPathComponent(name))
            #expect(written[name]?.contents == golden, "\(name) differs from the 8.8-entra-helm golden")
        }
        try Self.expectSameAsGenerate(written, tmux: tmux, secrets: Entra88.secrets)
    }

    // MARK: 2. Generic -> env

    @Test("Generic -> env files typed as keys (all components): same files as generate")
    func genericEnvFullRun() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }

        try Self.typeGenericUpToComponents(tmux)
        try tmux.press("Down", "Down", "Down", "Down", "Down", "Space", "Down", "Space")
        try tmux.waitFor("Step 6 of 19", "[x] Web Modeler", "› [x] Connectors")
        try tmux.press("Enter")

        try Self.typeGenericURLs(tmux, step: "Step 7 of 19", urls: Generic.urls)
        var step = 8
        for app in Generic.apps {
            try Self.typeGenericApp(tmux, app, step: "Step \(step) of 19")
            step += 1
        }
        try Self.typeGenericZeebe(tmux, step: "Step 12 of 19")

        try tmux.waitFor("Web Modeler application · Generic OIDC provider", "Step 13 of 19")
        try tmux.type(Generic.webModeler.clientID)
        try tmux.press("Tab")
        try tmux.type(Generic.webModeler.clientAPI)
        try tmux.press("Tab")
        try tmux.type(Generic.webModeler.publicAPI)
        try tmux.press("Enter")

        try tmux.waitFor("Connectors application · Generic OIDC provider", "Step 14 of 19")
        try tmux.type(Generic.connectorsClientID)
        try tmux.press("Tab")
        try tmux.paste(Generic.secrets["CONNECTORS"]!)
        try tmux.waitFor(Self.masked(Generic.secrets["CONNECTORS"]!))
        try tmux.press("Tab", "Down")  // mode: outbound only
        try tmux.waitFor("(•) Outbound only")
        try tmux.press("Enter")

        try Self.typeGenericClaim(tmux, step: "Step 15 of 19")

        try tmux.waitFor("Review · Generic OIDC provider · Env files", "Step 16 of 19", "Registration checklist:")
        try tmux.pressNextButton()
        // The provider check (the proxy variables point at a closed loopback port: nothing leaves the machine).
        try tmux.waitFor("Check with your provider", "s skip")
        try tmux.press("s")
        try tmux.waitFor("Preview · Generic OIDC provider · Env files", "Step 18 of 19")
        try tmux.pressNextButton()
        try tmux.waitFor("Write · Generic OIDC provider · Env files", "Step 19 of 19", "camunda-oidc-answers.yaml   0644   new")
        try tmux.press("Enter")

        let done = try tmux.waitFor("Wrote ", "Give each container its env file")
        #expect(!done.contains("NOT-REAL"), "the Done screen shows a secret:\n\(done)")
        try tmux.press("Enter")

        let ending = try tmux.waitForEnding()
        #expect(ending.status == 0, "exit status \(ending.status)\n\(ending.history)")
        try Self.expectSane(ending)
        #expect(ending.history.contains("docker compose: env_file"), "no summary after exit:\n\(ending.history)")
        try Self.expectNoSecret(Generic.secrets, in: tmux, ending: ending)

        let written = try Self.files(in: tmux.work)
        #expect(written.keys.contains("camunda-oidc-answers.yaml") && written.keys.contains("registration-checklist.md"))
        #expect(written.keys.filter { $0.hasSuffix(".env") }.sorted() == [
            "connectors.env", "identity.env", "operate.env", "optimize.env", "tasklist.env",
            "web-modeler-restapi.env", "web-modeler-webapp.env", "zeebe-gateway.env",
        ])
        // A file holding a secret is 0600, any other 0644.
        for (name, file) in written {
            let holdsSecret = Generic.secrets.values.contains { file.contents.range(of: Data($0.utf8)) != nil }
            #expect(file.mode == (holdsSecret ? 0o600 : 0o644), "\(name) has mode \(String(file.mode, radix: 8))")
        }
        try Self.expectSameAsGenerate(written, tmux: tmux, secrets: Generic.secrets)
    }

    // MARK: 3. Going back keeps every answer

    @Test("Esc from the review step back to the provider step keeps every answer; Next goes forward again without retyping")
    func escapeBackKeepsAnswers() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }

        // Generic -> env with the default components (Identity, Operate, Tasklist, Optimize, Zeebe): 15 steps.
        try Self.typeGenericUpToComponents(tmux)
        try tmux.press("Enter")
        let urls = Array(Generic.urls.prefix(4))
        try Self.typeGenericURLs(tmux, step: "Step 7 of 17", urls: urls)
        var step = 8
        for app in Generic.apps {
            try Self.typeGenericApp(tmux, app, step: "Step \(step) of 17")
            step += 1
        }
        try Self.typeGenericZeebe(tmux, step: "Step 12 of 17")
        try Self.typeGenericClaim(tmux, step: "Step 13 of 17")
        try tmux.waitFor("Review · Generic OIDC provider · Env files", "Step 14 of 17", "No warnings")

        // Back, one step at a time, checking what each step shows.
        let expectations: [[String]] = [
            ["First administrator", "Step 13 of 17", Generic.claimName, Generic.claimValue, "[x] I understand"],
            ["Zeebe application", "Step 12 of 17", Generic.zeebe.clientID, Self.masked(Generic.secrets["ZEEBE"]!),
             Generic.zeebe.audience, Generic.zeebe.scope],
        ] + Generic.apps.enumerated().reversed().map { offset, app in
            ["\(app.name) application", "Step \(8 + offset) of 17", app.clientID, Self.masked(Generic.secrets[app.key]!), app.audience]
        } + [
            ["Camunda URLs", "Step 7 of 17", Generic.identityBaseURL] + urls.map(\.1),
            ["Components", "Step 6 of 17", "[x] Identity", "[x] Zeebe", "[ ] Web Modeler", "[ ] Connectors"],
            ["Provider endpoints", "Step 5 of 17", Generic.issuer, Generic.issuerBackend,
             String(Generic.tokenURL.prefix(40)), String(Generic.jwksURL.prefix(40))],
            ["Output · Generic OIDC provider · Env files", "Step 4 of 17", "(•) Env files"],
            ["Provider", "Step 3 of 17", "(•) Generic OIDC provider"],
        ]
        for expected in expectations {
            try tmux.press("Escape")
            try tmux.waitUntil("Esc to show \(expected)") { screen in expected.allSatisfy(screen.contains) }
        }

        // Forward again with the Next button only: every step passes without retyping.
        for step in 4...14 {
            try tmux.pressNextButton()
            try tmux.waitFor("Step \(step) of 17")
        }
        let review = try tmux.waitFor("Review · Generic OIDC provider · Env files", "No warnings", "Registration checklist:")
        #expect(!review.contains("Error"), "review shows errors:\n\(review)")

        // Enter on review and preview (no input there) goes on, as the hint bar says ("Enter next").
        try tmux.press("Enter")
        // The provider check (the proxy variables point at a closed loopback port: nothing leaves the machine).
        try tmux.waitFor("Check with your provider", "s skip")
        try tmux.press("s")
        try tmux.waitFor("Preview · Generic OIDC provider", "Step 16 of 17", "identity.env")
        try tmux.press("Enter")
        try tmux.waitFor("Write · Generic OIDC provider", "Step 17 of 17", "identity.env")

        // Leaving at the last step writes nothing.
        try tmux.press("C-c")
        try tmux.waitFor("Leave without writing anything?")
        try tmux.press("y")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 130)
        try Self.expectSane(ending)
        #expect(try Self.files(in: tmux.work).isEmpty, "files were written")
    }

    // MARK: 4. Resize

    @Test("A resize mid-run: the 60x18 layout, 'terminal too small' below it, the same step again at 80x24")
    func resizeMidRun() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }

        try tmux.waitFor("Welcome")
        try tmux.press("Enter", "Enter")
        try tmux.waitFor("Step 3 of 18")
        try tmux.press("Enter")
        try tmux.waitFor("Output · Microsoft Entra ID")
        try tmux.press("Enter")
        try tmux.waitFor("Provider endpoints")
        try tmux.type(Entra.tenant)
        try tmux.press("Enter", "Enter")
        try tmux.waitFor("Components · Microsoft Entra ID", "Step 6 of 18")
        try tmux.press("Down", "Down", "Down", "Down", "Down", "Space", "Down", "Space", "Up", "Up", "Up", "Up", "Up", "Up")
        let before = try tmux.waitFor("Step 6 of 20", "› [x] Identity", "[x] Connectors")
        // The same state as the screens' golden snapshot.
        try Self.expectGolden(before, "entra-helm/05-components.txt")

        try tmux.resize(columns: 60, rows: 18)
        let small = try tmux.waitUntil("the 60x18 layout") { screen in
            let first = screen.components(separatedBy: "\n").first ?? ""
            return first.hasSuffix("Step 6 of 20") && first.count <= 60 && screen.contains("Rules: Identity is required")
        }
        try Self.expectGolden(small, "entra-helm-60x18/05-components.txt")

        try tmux.resize(columns: 50, rows: 15)
        let tooSmall = try tmux.waitFor("Terminal too small", "need 60x18, have 50x15.")
        #expect(!tooSmall.contains("Components"), "the step is drawn under the message:\n\(tooSmall)")

        try tmux.resize(columns: 80, rows: 24)
        let after = try tmux.waitUntil("the 80x24 layout again") { screen in
            let first = screen.components(separatedBy: "\n").first ?? ""
            return first.hasSuffix("Step 6 of 20") && first.count > 60 && screen.contains("Rules: Identity is required")
        }
        #expect(after == before, "the step is not drawn again as before the resize:\n\(TmuxSession.frame(after))\nbefore:\n\(TmuxSession.frame(before))")

        // Still working: on to the next step, at the new size.
        try tmux.press("Enter")
        try tmux.waitFor("Camunda URLs · Microsoft Entra ID", "Step 7 of 20")
    }

    // MARK: 5. Ctrl-C

    @Test("Ctrl-C then n stays on the step; Ctrl-C then y exits 130, writes nothing, leaves the terminal sane")
    func controlC() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }

        try tmux.waitFor("Welcome")
        try tmux.press("Enter", "Enter", "Enter", "Enter")
        try tmux.waitFor("Provider endpoints")
        try tmux.type(Entra.tenant)
        try tmux.waitFor("5555555555/v2.0")
        #expect(try tmux.alternateScreenOn)

        try tmux.press("C-c")
        try tmux.waitFor("Leave without writing anything?", "y leave", "n stay")
        try tmux.press("n")
        let stayed = try tmux.waitUntil("the dialog to close") { !$0.contains("Leave without writing") }
        #expect(stayed.contains("Provider endpoints") && stayed.contains(Entra.tenant), "n did not stay on the step:\n\(stayed)")
        // Still editing the same field.
        try tmux.type("x")
        try tmux.waitFor("\(Entra.tenant)x")
        try tmux.press("BSpace")
        try tmux.waitUntil("the typed x to go") { !$0.contains("\(Entra.tenant)x") }

        try tmux.press("C-c")
        try tmux.waitFor("Leave without writing anything?")
        try tmux.press("y")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 130, "exit status \(ending.status)")
        #expect(ending.history.contains("left without writing anything"))
        try Self.expectSane(ending)
        #expect(try Self.files(in: tmux.work).isEmpty, "files were written")
    }

    // MARK: 6. Signals

    @Test("SIGTERM, SIGHUP, SIGQUIT and SIGINT (kill): exit 128+N, nothing written, terminal sane", arguments: [SIGTERM, SIGHUP, SIGQUIT, SIGINT])
    func signal(_ signal: Int32) throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }

        try tmux.waitFor("Welcome")
        try tmux.press("Enter", "Enter", "Enter", "Enter")
        try tmux.waitFor("Provider endpoints")
        try tmux.type(Entra.tenant)
        try tmux.waitFor("5555555555/v2.0")
        #expect(try tmux.alternateScreenOn)

        let pid = try tmux.wizardPID()
        #expect(kill(pid, signal) == 0, "kill \(pid): \(String(cString: strerror(errno)))")
        let ending = try tmux.waitForEnding()
        #expect(ending.status == 128 + signal, "signal \(signal): exit status \(ending.status), expected \(128 + signal)")
        try Self.expectSane(ending)
        #expect(try Self.files(in: tmux.work).isEmpty, "files were written")
    }

    // MARK: 7. No terminal

    @Test("stdin not a terminal: exit 2 at once, pointing to generate --answers")
    func stdinNotATerminal() throws {
        // In tmux: stdout is the pane, stdin is /dev/null.
        let tmux = try TmuxSession(stdinRedirect: "/dev/null")
        defer { tmux.close() }
        let ending = try tmux.waitForEnding(timeout: 10)
        #expect(ending.status == 2, "exit status \(ending.status)\n\(ending.history)")
        #expect(ending.history.contains("generate --answers"), "no pointer to generate --answers:\n\(ending.history)")
        #expect(!ending.alternateScreen)
        try Self.expectSane(ending)
        #expect(try Self.files(in: tmux.work).isEmpty)

        // Without any terminal: stdin /dev/null, stdout and stderr files.
        let started = Date()
        let result = try TmuxSession.execute(TmuxSession.binary.path, [], timeout: 10)
        #expect(!result.timedOut, "still running after 10 s (busy loop?)")
        #expect(result.status == 2, "exit status \(result.status)")
        #expect(result.stderr.contains("generate --answers"), "stderr: \(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    // MARK: Typing helpers

    /// Start -> Generic -> env files -> endpoints typed; ends on the components step.
    static func typeGenericUpToComponents(_ tmux: TmuxSession) throws {
        try tmux.waitFor("Welcome", "(•) Start a new setup")
        try tmux.press("Enter")
        try tmux.waitFor("Camunda version", "(•) Camunda 8.5")
        try tmux.press("Enter")
        try tmux.waitFor("Provider", "(•) Microsoft Entra ID")
        try tmux.press("Up")
        try tmux.waitFor("(•) Generic OIDC provider")
        try tmux.press("Enter")
        try tmux.waitFor("Output · Generic OIDC provider · Helm values", "(•) Helm values")
        try tmux.press("Up")
        try tmux.waitFor("Output · Generic OIDC provider · Env files", "(•) Env files")
        try tmux.press("Enter")
        try tmux.waitFor("Provider endpoints · Generic OIDC provider · Env files", "Step 5 of 17")
        for (offset, value) in [Generic.issuer, Generic.issuerBackend, Generic.tokenURL, Generic.jwksURL].enumerated() {
            try tmux.type(value)
            try tmux.press("Enter")
            if offset == 0 { try tmux.waitFor("› Issuer backend URL") }
        }
        try tmux.waitFor("Components · Generic OIDC provider · Env files", "Step 6 of 17")
    }

    static func typeGenericURLs(_ tmux: TmuxSession, step: String, urls: [(String, String)]) throws {
        try tmux.waitFor("Camunda URLs · Generic OIDC provider", step)
        try tmux.type(Generic.identityBaseURL)
        for (_, url) in urls {
            try tmux.press("Enter")
            try tmux.type(url)
        }
        try tmux.waitFor(urls.last!.1)
        try tmux.press("Enter")
    }

    static func typeGenericApp(_ tmux: TmuxSession, _ app: (name: String, key: String, clientID: String, audience: String), step: String) throws {
        try tmux.waitFor("\(app.name) application · Generic OIDC provider", step)
        try tmux.type(app.clientID)
        try tmux.press("Tab")
        try tmux.type(Generic.secrets[app.key]!)
        try tmux.waitFor(masked(Generic.secrets[app.key]!))
        try tmux.press("Tab")
        try tmux.type(app.audience)
        try tmux.press("Enter")
    }

    static func typeGenericZeebe(_ tmux: TmuxSession, step: String) throws {
        try tmux.waitFor("Zeebe application · Generic OIDC provider", step)
        try tmux.type(Generic.zeebe.clientID)
        try tmux.press("Tab")
        try tmux.type(Generic.secrets["ZEEBE"]!)
        try tmux.waitFor(masked(Generic.secrets["ZEEBE"]!))
        try tmux.press("Tab")
        try tmux.type(Generic.zeebe.audience)
        try tmux.press("Tab")
        try tmux.type(Generic.zeebe.scope)
        try tmux.press("Enter")
    }

    static func typeGenericClaim(_ tmux: TmuxSession, step: String) throws {
        try tmux.waitFor("First administrator · Generic OIDC provider", step)
        try tmux.type(Generic.claimName)
        try tmux.press("Enter")
        try tmux.type(Generic.claimValue)
        try tmux.press("Enter", "Space")
        try tmux.waitFor("[x] I understand")
        try tmux.press("Enter")
    }

    // MARK: Checks

    /// Whether the summary lists `path` with `mode` ("(mode 600)" or "(mode 0600)").
    static func showsMode(_ text: String, _ path: String, _ mode: Int) -> Bool {
        let octal = String(mode, radix: 8)
        return text.contains("\(path) (mode \(octal))") || text.contains("\(path) (mode 0\(octal))")
    }

    static func expectSane(_ ending: TmuxSession.Ending, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(ending.terminalIsSane, "terminal not restored: \(ending.terminalReport)", sourceLocation: sourceLocation)
        #expect(!ending.alternateScreen, "still on the alternate screen", sourceLocation: sourceLocation)
        #expect(ending.cursorVisible, "cursor left hidden", sourceLocation: sourceLocation)
    }

    /// No secret on the pane or anywhere in its scrollback after the wizard left.
    static func expectNoSecret(_ secrets: [String: String], in tmux: TmuxSession, ending: TmuxSession.Ending,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.screen()
        for secret in secrets.values {
            #expect(!ending.history.contains(secret), "a secret is in tmux's scrollback:\n\(ending.history)", sourceLocation: sourceLocation)
            #expect(!screen.contains(secret), "a secret is on the pane", sourceLocation: sourceLocation)
        }
        #expect(!ending.history.contains("NOT-REAL"), "part of a secret is in the scrollback", sourceLocation: sourceLocation)
    }

    struct WrittenFile: Equatable {
        let contents: Data
        let mode: Int
    }

    /// The regular files of a directory, with contents and permission bits.
    static func files(in directory: URL) throws -> [String: WrittenFile] {
        var result: [String: WrittenFile] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let path = directory.appendingPathComponent(name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            result[name] = WrittenFile(contents: FileManager.default.contents(atPath: path) ?? Data(), mode: mode)
        }
        return result
    }

    /// Runs `generate --answers camunda-oidc-answers.yaml --out <elsewhere>` with the secrets in the
    /// CAMUNDA_OIDC_<COMPONENT>_SECRET variables, and compares every file byte for byte with the wizard's.
    static func expectSameAsGenerate(_ written: [String: WrittenFile], tmux: TmuxSession, secrets: [String: String],
                                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let out = tmux.root.appendingPathComponent("generated")
        var environment = ProcessInfo.processInfo.environment
        for (component, secret) in secrets { environment["CAMUNDA_OIDC_\(component)_SECRET"] = secret }
        let answers = tmux.work.appendingPathComponent("camunda-oidc-answers.yaml").path
        let result = try TmuxSession.execute(TmuxSession.binary.path, ["generate", "--answers", answers, "--out", out.path],
                                             environment: environment)
        #expect(result.status == 0, "generate failed (\(result.status)): \(result.stderr)", sourceLocation: sourceLocation)
        let generated = try files(in: out)
        var expected = written
        expected["camunda-oidc-answers.yaml"] = nil
        #expect(generated.keys.sorted() == expected.keys.sorted(), "generate wrote other files", sourceLocation: sourceLocation)
        for (name, file) in expected {
            guard let other = generated[name] else { continue }
            #expect(other.contents == file.contents,
                     "\(name) differs between the wizard and generate:\n--- wizard\n\(String(decoding: file.contents, as: UTF8.self))\n--- generate\n\(String(decoding: other.contents, as: UTF8.self))",
                     sourceLocation: sourceLocation)
            #expect(other.mode == file.mode, "\(name): mode \(String(file.mode, radix: 8)) from the wizard, \(String(other.mode, radix: 8)) from generate",
                    sourceLocation: sourceLocation)
        }
    }

    /// The screen equals a screens golden (Tests/Goldens/screens), captured from the real terminal.
    static func expectGolden(_ screen: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Goldens/screens/\(name)")
        let golden = TmuxSession.normalize(try String(contentsOf: url, encoding: .utf8))
        #expect(screen == golden, "the screen differs from \(name):\n\(TmuxSession.frame(screen))\nexpected:\n\(TmuxSession.frame(golden))",
                sourceLocation: sourceLocation)
    }
}
