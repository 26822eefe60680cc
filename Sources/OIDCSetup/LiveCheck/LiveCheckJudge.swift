/// Turns what the provider answered into verdicts worded for the operator, each naming the field
/// to fix. Pure: the caller makes the requests and hands over the replies.
public struct LiveCheckJudge: Sendable {
    public let plan: LiveCheckPlan

    public init(plan: LiveCheckPlan) {
        self.plan = plan
    }

    private var isEntra: Bool { plan.provider == .microsoft }
    /// The field holding the issuer: Entra's is derived from the tenant ID.
    private var issuerField: FieldID { isEntra ? .tenantID : .issuer }

    // MARK: Transport

    /// A transport failure in words.
    public func describe(_ failure: TransportFailure, url: String) -> String {
        switch failure {
        case .unresolvable(let host): return "the name \(host) does not resolve (DNS): check the host in \(url), or the bastion's resolver"
        case .refused(let host, let port): return "connection refused by \(host):\(port): nothing listens there (wrong port, or the service is down)"
        case .timedOut(let seconds): return "no answer within \(seconds) s from \(url) (a firewall dropping packets, or a proxy needed: HTTPS_PROXY)"
        case .unknownCA(let host, let usedCAFile):
            return usedCAFile
                ? "TLS: \(host)'s certificate is not signed by the CA in --ca-file"
                : "TLS: \(host)'s certificate is signed by an unknown CA: give the private CA with --ca-file PEM"
        case .tls(let host, let reason): return "TLS with \(host) failed: \(reason)"
        case .plainHTTPRefused(let host):
            return "not requested: plain http to \(host) would carry secrets unencrypted; use https, or --allow-http for an in-cluster URL"
        case .badURL(let url): return "not an http(s) URL: \(url)"
        case .proxy(let reason): return "the proxy failed: \(reason) (HTTPS_PROXY / HTTP_PROXY / NO_PROXY)"
        case .other(let reason): return "request failed: \(reason)"
        }
    }

    private func transportResult(_ id: CheckID, subject: String, _ failure: TransportFailure, url: String, field: FieldID?) -> CheckResult {
        let refusedByUs: Bool
        switch failure {
        case .plainHTTPRefused, .badURL: refusedByUs = true
        default: refusedByUs = false
        }
        return CheckResult(id, .fail, subject: subject, describe(failure, url: url), field: field, unreachable: !refusedByUs)
    }

    /// A reply that is not the JSON asked for: a redirect, an HTML page, an error status.
    private func unexpectedReply(_ reply: HTTPReply, url: String) -> String? {
        if (300..<400).contains(reply.status) {
            let target = reply.location.flatMap(URLParts.init)?.host ?? reply.location ?? "elsewhere"
            let own = URLParts(url)?.host
            return target == own
                ? "HTTP \(reply.status) redirect to \(reply.location ?? "?") (not followed): the URL is not the final one; use the address it points to"
                : "HTTP \(reply.status) redirect to another host, \(target) (not followed): the URL is wrong or a portal intercepts it"
        }
        if reply.looksLikeHTML { return "HTTP \(reply.status) with an HTML page where JSON was expected: the URL is wrong (a login page or portal)" }
        if reply.status == 404 { return "HTTP 404: nothing at \(url); the URL is wrong" }
        if reply.status >= 400 { return "HTTP \(reply.status)" + (reply.body.isEmpty ? " with no body" : "") }
        return nil
    }

    // MARK: Discovery

    /// Judges the discovery document. `backend`: it came from the backend issuer because the
    /// public one could not be reached.
    public func discovery(_ outcome: FetchOutcome, url: String, backend: Bool) -> (CheckResult, DiscoveryDocument?) {
        let subject = "provider"
        let reply: HTTPReply
        switch outcome {
        case .failure(let failure):
            return (transportResult(.discovery, subject: subject, failure, url: url, field: issuerField), nil)
        case .reply(let r):
            reply = r
        }
        if let problem = unexpectedReply(reply, url: url) {
            return (CheckResult(.discovery, .fail, subject: subject, "discovery: \(problem)", field: issuerField), nil)
        }
        guard let document = DiscoveryDocument.parse(reply.body), let documentIssuer = document.issuer else {
            return (CheckResult(.discovery, .fail, subject: subject, "discovery: \(url) did not answer with a discovery document (JSON with an issuer)",
                                field: issuerField), nil)
        }
        var problems: [(String, FieldID)] = []
        if documentIssuer != plan.issuer {
            problems.append((differenceMessage("issuer", configured: plan.issuer, found: documentIssuer), issuerField))
            if isEntra, let tenant = Self.entraTenant(in: documentIssuer), tenant != plan.tenantID {
                problems.append(("the document's tenant \(tenant) is not the tenant ID \(plan.tenantID)", .tenantID))
            }
        }
        if let tokenEndpoint = document.tokenEndpoint, tokenEndpoint != plan.tokenURL {
            problems.append((differenceMessage("token URL", configured: plan.tokenURL, found: tokenEndpoint), isEntra ? .tenantID : .tokenURL))
        }
        if let jwksURI = document.jwksURI, jwksURI != plan.jwksURL {
            problems.append((differenceMessage("JWKS URL", configured: plan.jwksURL, found: jwksURI), isEntra ? .tenantID : .jwksURL))
        }
        let source = backend ? " (from the backend issuer URL; the public one could not be reached)" : ""
        guard let first = problems.first else {
            return (CheckResult(.discovery, .ok, subject: subject, "discovery: issuer, token and JWKS URLs match\(source)"), document)
        }
        let result = CheckResult(.discovery, .fail, subject: subject, "discovery: " + first.0 + source, field: first.1,
                                 details: problems.dropFirst().map(\.0))
        return (result, document)
    }

    /// `issuer differs: configured 'https://x/' but the provider says 'https://x' (a trailing slash)`.
    private func differenceMessage(_ what: String, configured: String, found: String, source: String = "the provider says",
                                   consequence: String = "the components use the configured one") -> String {
        var hint = ""
        if configured.trimmingTrailingSlashes() == found.trimmingTrailingSlashes() {
            hint = " (a trailing slash of difference)"
        } else if configured.hasSuffix("/v2.0") != found.hasSuffix("/v2.0") {
            hint = " (/v2.0 of difference)"
        }
        return "\(what) differs: configured '\(configured)', \(source) '\(found)'\(hint); \(consequence)"
    }

    /// The tenant segment of an Entra issuer (`https://login.microsoftonline.com/<tenant>/v2.0`).
    static func entraTenant(in issuer: String) -> String? {
        guard let parts = URLParts(issuer) else { return nil }
        return parts.path.split(separator: "/").first.map(String.init)
    }

    // MARK: JWKS

    public func jwks(_ outcome: FetchOutcome) -> (CheckResult, JWKSDocument?) {
        let field: FieldID = isEntra ? .tenantID : .jwksURL
        switch outcome {
        case .failure(let failure):
            return (transportResult(.jwks, subject: "provider", failure, url: plan.jwksURL, field: field), nil)
        case .reply(let reply):
            if let problem = unexpectedReply(reply, url: plan.jwksURL) {
                return (CheckResult(.jwks, .fail, subject: "provider", "signing keys: \(problem)", field: field), nil)
            }
            guard let document = JWKSDocument.parse(reply.body) else {
                return (CheckResult(.jwks, .fail, subject: "provider", "signing keys: \(plan.jwksURL) is not a JWKS (JSON with keys)", field: field), nil)
            }
            let rsa = document.rsaSigningKeys.count
            guard rsa > 0 else {
                return (CheckResult(.jwks, .fail, subject: "provider",
                                    "signing keys: the JWKS holds \(document.keys.count) key(s) but no RSA signing key", field: field), document)
            }
            return (CheckResult(.jwks, .ok, subject: "provider", "signing keys: \(rsa) RSA key\(rsa == 1 ? "" : "s") at the JWKS URL"), document)
        }
    }

    // MARK: Tokens

    /// The token, or the verdict when the request did not give one.
    public enum TokenAnswer: Equatable, Sendable {
        case token(String)
        case verdict(CheckResult)
    }

    public func tokenResponse(_ request: PlannedTokenRequest, _ outcome: FetchOutcome) -> TokenAnswer {
        let subject = request.application
        let tokenField: FieldID = isEntra ? .tenantID : .tokenURL
        let reply: HTTPReply
        switch outcome {
        case .failure(let failure):
            return .verdict(transportResult(request.id, subject: subject, failure, url: plan.tokenURL, field: tokenField))
        case .reply(let r):
            reply = r
        }
        func fail(_ message: String, _ field: FieldID?, _ details: [String] = []) -> TokenAnswer {
            .verdict(CheckResult(request.id, .fail, subject: subject, message, field: field, details: details))
        }
        if (300..<400).contains(reply.status) || reply.looksLikeHTML || reply.status == 404 || reply.status == 405 {
            return fail("token request: " + (unexpectedReply(reply, url: plan.tokenURL) ?? "HTTP \(reply.status): not a token endpoint"), tokenField)
        }
        let body = TokenEndpointBody.parse(reply.body)
        if reply.status == 200 {
            guard let token = body?.accessToken, !token.isEmpty else {
                return fail("token request: HTTP 200 without an access_token: not a token endpoint", tokenField)
            }
            return .token(token)
        }
        if let body, body.error != nil || body.errorCodes != nil {
            let (message, field) = interpret(body, request)
            return fail("token refused: " + message, field)
        }
        if reply.status == 401 || reply.status == 403, reply.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) {
            return fail("token refused with HTTP \(reply.status) and no reason: the client ID or secret is wrong, or the client may not "
                        + "use the client-credentials grant" + (request.parameters.contains { $0.name == "scope" } ? "" : ", or the provider wants a scope, which \(request.application) does not send"),
                        request.secretField, ["asked with client ID \(request.clientID), \(request.asked)"])
        }
        return fail("token request: HTTP \(reply.status)" + (reply.body.isEmpty ? " with no body" : ": \(Self.excerpt(reply.text))"), tokenField)
    }

    /// An OAuth error body in words (Entra's AADSTS codes first), and the field to fix.
    public func interpret(_ body: TokenEndpointBody, _ request: PlannedTokenRequest) -> (String, FieldID) {
        let app = request.application
        if let code = body.entraCode {
            switch code {
            case 7000215:
                return ("AADSTS7000215, wrong secret for \(app)'s app: often the secret's ID was pasted instead of its Value", request.secretField)
            case 7000222:
                return ("AADSTS7000222, \(app)'s client secret has expired: create a new one under Certificates & secrets", request.secretField)
            case 700016:
                return ("AADSTS700016, no application \(request.clientID) in this tenant: check \(app)'s client ID, or the tenant ID", request.clientIDField)
            case 90002:
                return ("AADSTS90002, no such tenant \(plan.tenantID): check the tenant ID", .tenantID)
            case 500011:
                return ("AADSTS500011, the resource in \(request.asked) is not found in this tenant: the audience names no application that exposes it", request.audienceField)
            case 70011:
                return ("AADSTS70011, the scope in \(request.asked) is not valid: it must be <application ID>/.default of an app in this tenant", request.audienceField)
            case 90014:
                return ("AADSTS90014, a required field is missing from the request (usually the scope)", request.audienceField)
            case 7000218:
                return ("AADSTS7000218, the request needs a client secret: \(app)'s secret is empty or not sent", request.secretField)
            default:
                return ("AADSTS\(code): \(Self.excerpt(body.errorDescription ?? body.error ?? ""))", request.clientIDField)
            }
        }
        let detail = body.errorDescription.map { " (\(Self.excerpt($0)))" } ?? ""
        switch body.error ?? "" {
        case "invalid_client":
            return ("invalid_client\(detail): \(app)'s client ID or secret is wrong", request.secretField)
        case "unauthorized_client":
            return ("unauthorized_client\(detail): the client-credentials grant (or the service account) is not enabled for client \(request.clientID)", request.clientIDField)
        case "invalid_scope", "scope_invalid":
            return ("\(body.error ?? "")\(detail): the provider does not grant \(request.asked) to client \(request.clientID)", request.audienceField)
        case "invalid_target":
            return ("invalid_target\(detail): the provider does not issue tokens for \(request.asked) to this client", request.audienceField)
        case "invalid_grant", "unsupported_grant_type":
            return ("\(body.error ?? "")\(detail): the client-credentials grant is not allowed for client \(request.clientID)", request.clientIDField)
        case "invalid_request":
            return ("invalid_request\(detail)", request.audienceField)
        default:
            return ("\(body.error ?? "error")\(detail)", request.clientIDField)
        }
    }

    /// The first line of a provider's message, shortened: Entra appends trace and correlation IDs.
    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        return line.count > 160 ? String(line.prefix(157)) + "..." : line
    }

    // MARK: Claims

    /// Judges a token the provider issued: signature, issuer, audience, expiry, and Entra's version
    /// and tenant. `now` in seconds since 1970 (the caller's clock).
    public func claims(_ request: PlannedTokenRequest, _ claims: TokenClaims?, signature: SignatureVerdict, now: Double) -> CheckResult {
        let subject = request.application
        var failures: [(String, FieldID?)] = []
        var warnings: [(String, FieldID?)] = []
        let jwksField: FieldID = isEntra ? .tenantID : .jwksURL
        switch signature {
        case .valid: break
        case .notJWT:
            return CheckResult(request.id, .fail, subject: subject,
                               "the access token is not a JWT: \(request.receiver) cannot check it offline; the provider must issue JWT access tokens for this client",
                               field: request.clientIDField)
        case .unknownKey(let kid):
            failures.append(("the token is signed with key \(kid ?? "(no kid)"), which the JWKS URL does not hold", jwksField))
        case .invalid(let reason):
            failures.append(("the token's signature does not verify with the JWKS: \(reason)", jwksField))
        case .noKeys:
            warnings.append(("signature not checked: the JWKS could not be read", jwksField))
        }
        guard let claims else {
            return CheckResult(request.id, .fail, subject: subject, "the access token's claims cannot be read", field: request.clientIDField)
        }
        if isEntra, claims.version != "2.0" {
            failures.append(("a v\(claims.version ?? "1.0") token: set requestedAccessTokenVersion: 2 in the manifest of the app behind \(request.expectedAudience)",
                             request.audienceField))
        }
        if isEntra, let tenant = claims.tenant, tenant != plan.tenantID {
            failures.append(("the token's tenant \(tenant) is not the tenant ID \(plan.tenantID)", .tenantID))
        }
        switch claims.issuer {
        case _ where plan.issuer.isEmpty:
            break  // no issuer configured (8.8+ generic): the components do not compare it
        case plan.issuer?:
            break
        case let iss? where iss == plan.backendIssuer:
            warnings.append(("iss is the backend issuer '\(iss)': Operate and Tasklist accept it, Identity and Web Modeler expect '\(plan.issuer)'", issuerField))
        case let iss?:
            failures.append((differenceMessage("iss", configured: plan.issuer, found: iss, source: "the token says",
                                               consequence: "the components refuse the token"), issuerField))
        case nil:
            failures.append(("the token has no iss claim", issuerField))
        }
        if !claims.audiences.contains(request.expectedAudience) {
            let found = claims.audiences.isEmpty ? "no aud claim" : "aud \(claims.audiences.joined(separator: ", "))"
            failures.append(("\(found); \(request.receiver) accepts only tokens for \(request.expectedAudience)", request.audienceField))
        }
        if let expires = claims.expires {
            if expires <= now { failures.append(("the token expired \(Int(now - expires)) s ago (the bastion's clock, or the provider's)", nil)) }
        } else {
            failures.append(("the token has no exp claim", nil))
        }
        if let notBefore = claims.notBefore, notBefore > now + 300 {
            warnings.append(("the token is valid only from \(Int(notBefore - now)) s from now: a clock differs", nil))
        }
        if let first = failures.first {
            return CheckResult(request.id, .fail, subject: subject, first.0, field: first.1,
                               details: failures.dropFirst().map(\.0) + warnings.map(\.0))
        }
        let life = claims.expires.map { " for \(max(0, Int(($0 - now) / 60))) min" } ?? ""
        var kid = ""
        if case .valid(let id?) = signature { kid = ", signed by key \(id)" }
        let summary = "token for \(request.receiver) (\(request.asked)): aud \(request.expectedAudience), iss matches\(kid), valid\(life)"
        if let first = warnings.first {
            return CheckResult(request.id, .warn, subject: subject, first.0, field: first.1, details: [summary] + warnings.dropFirst().map(\.0))
        }
        return CheckResult(request.id, .ok, subject: subject, summary)
    }
}
