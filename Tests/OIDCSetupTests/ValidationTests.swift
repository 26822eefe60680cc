import OIDCSetup
import Testing

/// Spec section 5, rule by rule, for both providers: exact field paths, severities and messages.
@Suite struct ValidationTests {
    /// `severity path: message`, in the validator's order.
    static func issues(_ config: Configuration) -> [String] {
        Validator.validate(config).map { "\($0.severity.rawValue) \($0.field.path): \($0.message)" }
    }

    static func changed(_ config: Configuration, _ field: FieldID, _ value: String) -> Configuration {
        var config = config
        config.set(field, value)
        return config
    }

    static let required = "required"
    static let httpWarning = "uses http on a non-local host: tokens and cookies travel unencrypted; use https"
    static let entraAudienceWarning = "differs from the client ID; Entra v2 tokens carry the client ID as 'aud' unless you set up an Application ID URI"

    // MARK: The samples

    @Test("the complete samples have no issue, in both formats", arguments: [OutputFormat.env, .helm])
    func samplesAreClean(output: OutputFormat) {
        #expect(Self.issues(SampleConfiguration.generic(output: output)) == [])
        #expect(Self.issues(SampleConfiguration.entra(output: output)) == [])
    }

    // MARK: Required fields

    static let genericRequired: [FieldID] = [
        .issuer, .tokenURL, .jwksURL, .identityBaseURL, .initialClaimValue,
        .webModelerClientAPIAudience, .webModelerPublicAPIAudience,
    ] + VersionProfile.camunda85.components.flatMap { c -> [FieldID] in
        (c.hasExternalURL ? [.componentURL(c)] : []) + [.clientID(c)] + (c.hasAudience ? [.audience(c)] : [])
    }

    @Test("generic: a required field that is empty or only whitespace is an error", arguments: genericRequired)
    func genericRequiredField(field: FieldID) {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), field, "")) == ["error \(field.path): required"])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), field, " \t ")) == ["error \(field.path): required"])
    }

    static let entraRequired: [FieldID] = [.tenantID, .identityBaseURL, .initialClaimValue, .webModelerPublicAPIAudience]
        + VersionProfile.camunda85.components.flatMap { c -> [FieldID] in (c.hasExternalURL ? [.componentURL(c)] : []) + [.clientID(c)] }

    @Test("Entra: a required field that is empty is an error; values derived from it wait for it", arguments: entraRequired)
    func entraRequiredField(field: FieldID) {
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), field, "  ")) == ["error \(field.path): required"])
    }

    @Test("an empty secret asks for the secret's value, both providers",
          arguments: CamundaVersion.v8_5.profile.components.filter(\.hasSecret))
    func requiredSecret(component: Component) {
        let message = "error components.\(component.rawValue).secret: required: paste the secret's value"
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .clientSecret(component), "")) == [message])
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .clientSecret(component), "")) == [message])
    }

    @Test("optional fields may stay empty: backend URL, token scope, claim name, Entra audiences, Secret name")
    func optionalFields() {
        var generic = SampleConfiguration.generic(output: .helm)
        for field in [FieldID.issuerBackendURL, .zeebeTokenScope, .initialClaimName, .kubernetesSecretName, .identityBaseURL] {
            generic.set(field, "")
        }
        #expect(Self.issues(generic) == [])
        var entra = SampleConfiguration.entra()
        for field in [FieldID.authorityHost, .zeebeTokenScope, .initialClaimName, .webModelerClientAPIAudience]
            + Component.allCases.filter(\.hasAudience).map({ .audience($0) }) {
            entra.set(field, "")
        }
        #expect(Self.issues(entra) == [])
    }

    @Test("helm output does not need the Identity base URL (the chart computes it)")
    func helmNeedsNoIdentityBaseURL() {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(output: .helm), .identityBaseURL, "")) == [])
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(output: .helm), .identityBaseURL, "")) == [])
    }

    // MARK: URLs

    @Test("a URL without a scheme, with another scheme, without a host, with spaces or a bad host is an error",
          arguments: [
            ("idp.example.com/realms/camunda", "must start with https:// (or http://): e.g. https://idp.example.com/realms/camunda"),
            ("ftp://idp.example.com/realms/camunda", "must be an http or https URL, not ftp://"),
            ("HTTPS://idp.example.com", nil),
            ("https://", "has no host after https://"),
            ("https:///realms/camunda", "has no host after https://"),
            ("https://idp.example.com/realms/my camunda", "must not contain spaces"),
            ("https://idp!.example.com", "has an invalid host 'idp!.example.com'"),
            ("https://[::1]:8443/realms", nil),
            ("https://user@idp.example.com:8443/realms?x=1#f", nil),
          ] as [(String, String?)])
    func urlShape(url: String, message: String?) {
        let fields: [FieldID] = [.issuer, .issuerBackendURL, .tokenURL, .jwksURL, .identityBaseURL, .componentURL(.operate)]
        for field in fields {
            let expected = message.map { ["error \(field.path): \($0)"] } ?? []
            #expect(Self.issues(Self.changed(SampleConfiguration.generic(), field, url)) == expected, "\(field.path)")
        }
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .componentURL(.identity), url))
            == (message.map { ["error components.identity.url: \($0)"] } ?? []))
    }

    @Test("http to a public host is a warning on browser-facing URLs", arguments: [
        FieldID.issuer, .tokenURL, .jwksURL, .componentURL(.identity), .componentURL(.operate), .componentURL(.tasklist),
        .componentURL(.optimize), .componentURL(.webModeler),
    ])
    func plainHTTPOnPublicHost(field: FieldID) {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), field, "http://idp.example.com/x"))
            == ["warning \(field.path): \(Self.httpWarning)"])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), field, "HTTP://idp.example.com/x"))
            == ["warning \(field.path): \(Self.httpWarning)"])
    }

    @Test("http is fine on container-to-container URLs (issuer backend, Identity base URL), even to a public name",
          arguments: [FieldID.issuerBackendURL, .identityBaseURL])
    func plainHTTPOnInternalURL(field: FieldID) {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), field, "http://idp.example.com/x")) == [])
    }

    @Test("http to localhost, loopback or an in-cluster name draws no warning", arguments: [
        "http://localhost:8080", "http://app.localhost", "http://127.0.0.1:8080/x", "http://[::1]:8080",
        "http://keycloak:18080/realms/camunda", "http://idp.camunda.svc.cluster.local/x", "http://idp.namespace.svc",
        "http://idp.corp.internal", "http://idp.local", "http://user@localhost:80/x",
    ])
    func plainHTTPOnLocalHost(url: String) {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .issuer, url)) == [])
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .componentURL(.operate), url)) == [])
    }

    // MARK: Entra

    @Test("Entra tenant ID: a GUID, not a domain, not a multi-tenant alias", arguments: [
        ("11111111-2222-3333-4444-555555555555", nil),
        ("ABCDEF01-2222-3333-4444-555555555555", nil),
        ("contoso.onmicrosoft.com", "give the tenant's GUID, not the domain 'contoso.onmicrosoft.com': tokens carry the GUID in 'iss', so the issuer would not match (Entra admin center > Overview > Tenant ID)"),
        ("common", "'common' is a multi-tenant alias, not a tenant: tokens are issued by your tenant's GUID"),
        ("Organizations", "'Organizations' is a multi-tenant alias, not a tenant: tokens are issued by your tenant's GUID"),
        ("consumers", "'consumers' is a multi-tenant alias, not a tenant: tokens are issued by your tenant's GUID"),
        ("11111111222233334444555555555555", "must be a GUID like 00000000-0000-0000-0000-000000000000 (Entra admin center > Overview > Tenant ID)"),
        ("11111111-2222-3333-4444-55555555555g", "must be a GUID like 00000000-0000-0000-0000-000000000000 (Entra admin center > Overview > Tenant ID)"),
        ("{11111111-2222-3333-4444-555555555555}", "must be a GUID like 00000000-0000-0000-0000-000000000000 (Entra admin center > Overview > Tenant ID)"),
    ] as [(String, String?)])
    func tenantID(value: String, message: String?) {
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .tenantID, value)) == (message.map { ["error tenantId: \($0)"] } ?? []))
    }

    @Test("the tenant ID is not asked for a generic provider")
    func tenantIDIgnoredForGeneric() {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .tenantID, "common")) == [])
    }

    @Test("Entra endpoints derive from the tenant and authority host, ending in /v2.0; given ones are ignored")
    func entraDerivedEndpoints() {
        var config = SampleConfiguration.entra()
        config.set(.issuer, "https://idp.example.com/not-v2")
        config.set(.issuerBackendURL, "https://idp.example.com/not-v2")
        config.set(.authorityHost, "login.microsoftonline.us")
        #expect(Self.issues(config) == [])
        let base = "https://login.microsoftonline.us/11111111-2222-3333-4444-555555555555"
        #expect(config.value(.issuer) == base + "/v2.0")
        #expect(config.value(.issuerBackendURL) == base + "/v2.0")
        #expect(config.value(.tokenURL) == base + "/oauth2/v2.0/token")
        #expect(config.value(.jwksURL) == base + "/discovery/v2.0/keys")
    }

    @Test("Entra authority host: the host name only", arguments: [
        ("login.microsoftonline.us", nil),
        ("login.partner.microsoftonline.cn", nil),
        ("https://login.microsoftonline.us", "give the host name only, e.g. login.microsoftonline.us (no https://, no path)"),
        ("login.microsoftonline.us/", "give the host name only, e.g. login.microsoftonline.us (no https://, no path)"),
        ("-login.example.com", "give the host name only, e.g. login.microsoftonline.us (no https://, no path)"),
    ] as [(String, String?)])
    func authorityHost(value: String, message: String?) {
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .authorityHost, value)) == (message.map { ["error authorityHost: \($0)"] } ?? []))
    }

    @Test("Entra client IDs are GUIDs; generic ones are free text", arguments: VersionProfile.camunda85.components)
    func entraClientIDs(component: Component) {
        let entra = Self.changed(SampleConfiguration.entra(), .clientID(component), "camunda-\(component.rawValue)")
        // Only the client ID: the audience and Zeebe token scope derived from it are not reported again.
        #expect(Self.issues(entra) == ["error components.\(component.rawValue).clientId: must be a GUID: the \(component.displayName) app's Application (client) ID from its Overview page"])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .clientID(component), "any id with-punctuation.1")) == [])
    }

    @Test("Entra: an audience other than the client ID is a warning; the client ID itself or empty (derived) is not",
          arguments: VersionProfile.camunda85.components.filter(\.hasAudience))
    func entraAudience(component: Component) {
        let clientID = SampleConfiguration.entra().raw(.clientID(component))
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .audience(component), "api://camunda"))
            == ["warning components.\(component.rawValue).audience: \(Self.entraAudienceWarning)"])
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .audience(component), clientID)) == [])
        #expect(SampleConfiguration.entra().value(.audience(component)) == clientID)
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .audience(component), "api://anything")) == [])
    }

    @Test("Entra: a Web Modeler client API audience other than its client ID is a warning")
    func entraWebModelerClientAudience() {
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .webModelerClientAPIAudience, "api://modeler"))
            == ["warning components.webModeler.clientApiAudience: \(Self.entraAudienceWarning)"])
        #expect(SampleConfiguration.entra().value(.webModelerClientAPIAudience) == SampleConfiguration.entraClientID(5))
    }

    @Test("Entra: a secret shaped like a GUID is probably the Secret ID (warning); generic: no warning",
          arguments: CamundaVersion.v8_5.profile.components.filter(\.hasSecret))
    func guidLookingSecret(component: Component) {
        let guid = "abcdef01-2345-6789-abcd-ef0123456789"
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .clientSecret(component), guid))
            == ["warning components.\(component.rawValue).secret: this looks like the Secret ID; paste the secret's Value"])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .clientSecret(component), guid)) == [])
    }

    @Test("Entra: the Zeebe token scope must end in /.default; derived it does; generic takes any scope or none")
    func zeebeTokenScope() {
        let zeebeID = SampleConfiguration.entraClientID(4)
        #expect(SampleConfiguration.entra().value(.zeebeTokenScope) == zeebeID + "/.default")
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .zeebeTokenScope, zeebeID))
            == ["error components.zeebe.tokenScope: must end in /.default (Entra: <Zeebe client ID>/.default)"])
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .zeebeTokenScope, "api://zeebe/.default")) == [])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .zeebeTokenScope, "zeebe-api")) == [])
        #expect(SampleConfiguration.generic().value(.zeebeTokenScope) == "")
    }

    @Test("Entra: with claim oid the initial claim value should be a GUID (warning); other claims and generic: none")
    func initialClaimOID() {
        let warning = "warning initialClaim.value: with claim 'oid' the value is a user's Object ID, a GUID; this one is not"
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .initialClaimValue, "admin@example.com")) == [warning])
        var explicitOID = Self.changed(SampleConfiguration.entra(), .initialClaimValue, "admin@example.com")
        explicitOID.set(.initialClaimName, "oid")
        #expect(Self.issues(explicitOID) == [warning])
        var email = Self.changed(SampleConfiguration.entra(), .initialClaimValue, "admin@example.com")
        email.set(.initialClaimName, "email")
        #expect(Self.issues(email) == [])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .initialClaimValue, "not-a-guid")) == [])
    }

    // MARK: Web Modeler

    @Test("Web Modeler: the public API audience must differ from the client API audience, both providers")
    func webModelerAudiences() {
        let error = "error components.webModeler.publicApiAudience: must differ from clientApiAudience, so that a web-app token cannot call the public API"
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .webModelerPublicAPIAudience, "camunda-web-modeler-api")) == [error])
        // Entra derives the client API audience from the client ID.
        #expect(Self.issues(Self.changed(SampleConfiguration.entra(), .webModelerPublicAPIAudience, SampleConfiguration.entraClientID(5))) == [error])
    }

    // MARK: Components

    @Test("Identity is required, both providers")
    func identityRequired() {
        for var config in [SampleConfiguration.generic(), SampleConfiguration.entra()] {
            config.selectedComponents.remove(.identity)
            #expect(Self.issues(config) == ["error components: Identity is required: in 8.5 the Zeebe gateway asks Identity for permissions"])
        }
    }

    @Test("Operate, Tasklist and Connectors need Zeebe, both providers", arguments: [Component.operate, .tasklist, .connectors])
    func needsZeebe(component: Component) {
        for var config in [SampleConfiguration.generic(), SampleConfiguration.entra()] {
            config.selectedComponents = [.identity, component]
            if component == .connectors { config.connectorsMode = .outbound }
            #expect(Self.issues(config) == ["error components: \(component.displayName) needs Zeebe: \(component.displayName) calls Zeebe with the Zeebe app's credentials"])
        }
    }

    @Test("all problems with the component set at once, in order")
    func componentSetProblems() {
        var config = SampleConfiguration.generic()
        config.selectedComponents = [.operate, .tasklist, .connectors]
        #expect(Self.issues(config) == [
            "error components: Identity is required: in 8.5 the Zeebe gateway asks Identity for permissions",
            "error components: Operate needs Zeebe: Operate calls Zeebe with the Zeebe app's credentials",
            "error components: Tasklist needs Zeebe: Tasklist calls Zeebe with the Zeebe app's credentials",
            "error components: Connectors needs Zeebe: Connectors calls Zeebe with the Zeebe app's credentials",
        ])
    }

    @Test("Identity and Zeebe alone, and Optimize or Web Modeler without Zeebe's dependants, are fine")
    func minimalSelections() {
        for var config in [SampleConfiguration.generic(), SampleConfiguration.entra()] {
            config.selectedComponents = [.identity, .zeebe]
            #expect(Self.issues(config) == [])
            config.selectedComponents = [.identity, .optimize, .webModeler]
            #expect(Self.issues(config) == [])
        }
    }

    @Test("Connectors in inbound mode need Operate; outbound mode does not")
    func connectorsInboundNeedsOperate() {
        for var config in [SampleConfiguration.generic(), SampleConfiguration.entra()] {
            config.selectedComponents = [.identity, .zeebe, .connectors]
            #expect(Self.issues(config) == ["error components.connectors.mode: inbound mode needs Operate (Connectors call it with Operate's audience); select Operate or choose outbound"])
            config.connectorsMode = .outbound
            #expect(Self.issues(config) == [])
        }
    }

    @Test("fields of components not selected are not checked")
    func unselectedComponentsIgnored() {
        var config = SampleConfiguration.entra()
        config.selectedComponents = [.identity, .zeebe]
        config.set(.clientID(.operate), "not-a-guid")
        config.set(.clientSecret(.tasklist), "")
        config.set(.webModelerPublicAPIAudience, SampleConfiguration.entraClientID(5))
        #expect(Self.issues(config) == [])
    }

    // MARK: Duplicates

    @Test("two components with the same client ID: a warning on the later one naming the first, both providers")
    func duplicateClientIDs() {
        let generic = Self.changed(SampleConfiguration.generic(), .clientID(.tasklist), "camunda-operate")
        #expect(Self.issues(generic) == ["warning components.tasklist.clientId: same client ID as Operate: register one application per component"])
        var entra = SampleConfiguration.entra()
        entra.set(.clientID(.zeebe), SampleConfiguration.entraClientID(0))
        entra.set(.clientID(.connectors), SampleConfiguration.entraClientID(0))
        #expect(Self.issues(entra) == [
            "warning components.zeebe.clientId: same client ID as Identity: register one application per component",
            "warning components.connectors.clientId: same client ID as Identity: register one application per component",
        ])
    }

    @Test("two components with the same secret: a warning on the later one, both providers")
    func duplicateSecrets() {
        for base in [SampleConfiguration.generic(), SampleConfiguration.entra()] {
            let config = Self.changed(base, .clientSecret(.connectors), base.raw(.clientSecret(.operate)))
            #expect(Self.issues(config) == ["warning components.connectors.secret: same secret as Operate: register one application per component"])
        }
    }

    // MARK: Secrets

    @Test("a line break, tab or control character inside a secret is an error", arguments: [
        ("fake\nsecret", "a line break"), ("fake\rsecret", "a line break"), ("fake\r\nsecret", "a line break"),
        ("fake\tsecret", "a tab"), ("fake\u{07}secret", "a control character"), ("fake\u{7F}secret", "a control character"),
        ("fake\u{85}secret", "a control character"), ("fake\u{2028}secret", "a control character"), ("fake\u{0}secret", "a control character"),
    ])
    func controlCharacters(secret: String, what: String) {
        for base in [SampleConfiguration.generic(), SampleConfiguration.entra(), SampleConfiguration.generic(output: .helm)] {
            #expect(Self.issues(Self.changed(base, .clientSecret(.operate), secret))
                == ["error components.operate.secret: contains \(what); remove it"])
        }
    }

    @Test("control characters are refused in any text field, not only secrets")
    func controlCharactersElsewhere() {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(output: .helm), .initialClaimValue, "a\tb"))
            == ["error initialClaim.value: contains a tab; remove it"])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(output: .helm), .audience(.zeebe), "a\nb"))
            == ["error components.zeebe.audience: contains a line break; remove it"])
    }

    @Test("surrounding whitespace of a secret is trimmed, not an error")
    func surroundingWhitespaceTrimmed() {
        let config = Self.changed(SampleConfiguration.generic(), .clientSecret(.operate), " \tfake-secret\n")
        #expect(Self.issues(config) == [])
        #expect(config.value(.clientSecret(.operate)) == "fake-secret")
    }

    @Test("secrets up to 16 KiB are accepted (8 KiB is far from the limit); longer ones are refused, never cut")
    func secretLength() throws {
        for length in [8 * 1024, 16 * 1024] {
            let config = Self.changed(SampleConfiguration.generic(), .clientSecret(.identity), String(repeating: "s", count: length))
            #expect(Self.issues(config) == [])
            let identityEnv = try #require(try OutputRenderer().render(config).first { $0.name == "identity.env" })
            #expect(identityEnv.contents.contains("\nCAMUNDA_IDENTITY_CLIENT_SECRET=\(String(repeating: "s", count: length))\n"))
        }
        // Bytes, not characters: 16 KiB of two-byte characters is 32 KiB.
        for (secret, bytes) in [(String(repeating: "s", count: 16 * 1024 + 1), 16385), (String(repeating: "é", count: 8 * 1024 + 1), 16386)] {
            for base in [SampleConfiguration.generic(), SampleConfiguration.entra(output: .helm)] {
                #expect(Self.issues(Self.changed(base, .clientSecret(.identity), secret))
                    == ["error components.identity.secret: is \(bytes) bytes long; secrets over 16384 bytes are refused (nothing is cut off)"])
            }
        }
    }

    // MARK: Env representability

    @Test("env output refuses a value no env-file quoting carries, naming the field; Helm takes it", arguments: [
        FieldID.clientSecret(.identity), .initialClaimValue, .audience(.operate), .webModelerPublicAPIAudience, .clientID(.optimize),
    ])
    func envUnrepresentable(field: FieldID) {
        let value = "it's $HOME"
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), field, value))
            == ["error \(field.path): holds both a quote or backslash and '$' or '`': no env-file quoting reads back the same in docker compose, bash and python-dotenv"])
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(output: .helm), field, value)) == [])
    }

    @Test("a URL that env files cannot carry is refused too")
    func envUnrepresentableURL() {
        #expect(Self.issues(Self.changed(SampleConfiguration.generic(), .componentURL(.operate), "https://operate.example.com/it's$x"))
            == ["error components.operate.url: holds both a quote or backslash and '$' or '`': no env-file quoting reads back the same in docker compose, bash and python-dotenv"])
    }

    // MARK: Ordering and subsets

    @Test("issues come in field order, errors before warnings within a field")
    func ordering() {
        var config = SampleConfiguration.entra()
        config.set(.initialClaimValue, "admin")
        config.set(.clientSecret(.operate), "abcdef01-2345-6789-abcd-ef0123456789")
        config.set(.clientSecret(.tasklist), "abcdef01-2345-6789-abcd-ef0123456789")
        config.set(.clientID(.identity), "x")
        config.set(.componentURL(.optimize), "optimize.example.com")
        #expect(Self.issues(config) == [
            "error components.optimize.url: must start with https:// (or http://): e.g. https://optimize.example.com",
            "error components.identity.clientId: must be a GUID: the Identity app's Application (client) ID from its Overview page",
            "warning components.operate.secret: this looks like the Secret ID; paste the secret's Value",
            "warning components.tasklist.secret: this looks like the Secret ID; paste the secret's Value",
            "warning components.tasklist.secret: same secret as Operate: register one application per component",
            "warning initialClaim.value: with claim 'oid' the value is a user's Object ID, a GUID; this one is not",
        ])
        #expect(Validator.validate([.clientSecret(.tasklist), .initialClaimValue], in: config).map(\.description) == [
            "components.tasklist.secret: this looks like the Secret ID; paste the secret's Value",
            "components.tasklist.secret: same secret as Operate: register one application per component",
            "initialClaim.value: with claim 'oid' the value is a user's Object ID, a GUID; this one is not",
        ])
    }

    @Test("Kubernetes Secret name: a DNS-1123 name, checked only in Helm kubernetesSecret mode")
    func kubernetesSecretName() {
        let message = "error kubernetesSecretName: must be a Kubernetes name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters"
        let helm = SampleConfiguration.generic(output: .helm)
        #expect(Self.issues(Self.changed(helm, .kubernetesSecretName, "Camunda_Secrets")) == [message])
        #expect(Self.issues(Self.changed(helm, .kubernetesSecretName, "camunda-oidc.v2")) == [])
        var inline = Self.changed(helm, .kubernetesSecretName, "Camunda_Secrets")
        inline.helmSecrets = .inline
        #expect(Self.issues(inline) == [])
    }
}
