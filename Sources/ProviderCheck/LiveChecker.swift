import FoundationEssentials
import JWTKit
import OIDCSetup

/// Runs a `LiveCheckPlan` against the provider: discovery first (it says how the client may
/// authenticate), then the JWKS and every token request at once. Each result is handed to
/// `report` as it arrives (the wizard turns its pending lines into results); the whole report is
/// returned in plan order. Cancelling the calling task cancels the requests.
public struct LiveChecker: Sendable {
    public let client: ProviderClient
    /// Seconds since 1970, for the token's expiry (a parameter, so tests can move it).
    public let now: @Sendable () -> Double

    public init(client: ProviderClient, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.client = client
        self.now = now
    }

    public func run(_ plan: LiveCheckPlan, report: @escaping @Sendable (CheckResult) -> Void = { _ in }) async -> LiveCheckReport {
        let judge = LiveCheckJudge(plan: plan)
        var results: [CheckID: CheckResult] = [:]
        for skipped in plan.skipped {
            results[skipped.id] = skipped
            report(skipped)
        }

        // Discovery: the public issuer, then the backend one when the public one cannot be reached.
        // No issuer (8.8+ generic): the plan's skip line stands for discovery, already reported above.
        var discovery: (CheckResult, DiscoveryDocument?)? = plan.skipped.first { $0.id == .discovery }.map { ($0, nil) }
        for (url, backend) in plan.discoveryURLs where !plan.issuer.isEmpty {
            let outcome = await fetch(url, plan: plan) { await client.get(url) }
            let judged = judge.discovery(outcome, url: url, backend: backend)
            if discovery == nil { discovery = judged }  // the public issuer's verdict, unless the backend answers
            if !judged.0.unreachable {
                discovery = judged
                break
            }
        }
        let (discoveryResult, document) = discovery!
        if discoveryResult.status != .skip {
            results[.discovery] = discoveryResult
            report(discoveryResult)
        }

        let formBody = document?.prefersFormBody ?? false
        let jwksTask = Task { () -> (CheckResult, JWTKeyCollection?) in
            let outcome = await fetch(plan.jwksURL, plan: plan) { await client.get(plan.jwksURL) }
            let (result, _) = judge.jwks(outcome)
            report(result)
            guard case .reply(let reply) = outcome, result.status == .ok else { return (result, nil) }
            return (result, await Self.keys(from: reply.body))
        }
        let tokenResults = await withTaskGroup(of: CheckResult.self) { group in
            for request in plan.tokenRequests {
                group.addTask {
                    let result = await token(request, plan: plan, judge: judge, formBody: formBody, keys: { await jwksTask.value.1 })
                    report(result)
                    return result
                }
            }
            var collected: [CheckResult] = []
            for await result in group { collected.append(result) }
            return collected
        }
        let (jwksResult, _) = await jwksTask.value
        results[.jwks] = jwksResult
        for result in tokenResults { results[result.id] = result }
        return LiveCheckReport(results: plan.checkIDs.compactMap { results[$0] }, secrets: plan.secrets)
    }

    /// Requests only what the plan allows (no plain http leaving the machine without consent).
    private func fetch(_ url: String, plan: LiveCheckPlan, _ request: () async -> FetchOutcome) async -> FetchOutcome {
        if let refusal = plan.refusal(for: url) { return .failure(refusal) }
        return await request()
    }

    private func token(_ request: PlannedTokenRequest, plan: LiveCheckPlan, judge: LiveCheckJudge, formBody: Bool,
                       keys: () async -> JWTKeyCollection?) async -> CheckResult {
        var form: [(String, String)] = [("grant_type", "client_credentials")]
        if formBody { form += [("client_id", request.clientID), ("client_secret", request.secret.value)] }
        form += request.parameters.map { ($0.name, $0.value) }
        let outcome = await fetch(plan.tokenURL, plan: plan) {
            await client.postForm(plan.tokenURL, form: form, basic: formBody ? nil : (request.clientID, request.secret))
        }
        switch judge.tokenResponse(request, outcome) {
        case .verdict(let result):
            return result
        case .token(let token):
            let (claims, signature) = await Self.verify(token, keys: await keys())
            return judge.claims(request, claims, signature: signature, now: now())
        }
    }

    // MARK: Tokens

    /// The JWKS's keys that jwt-kit can use; keys it cannot read (other types, no kid) are left out.
    static func keys(from body: [UInt8]) async -> JWTKeyCollection? {
        guard let jwks = try? JSONDecoder().decode(JWKS.self, from: Data(body)) else { return nil }
        let collection = JWTKeyCollection()
        for key in jwks.keys { _ = try? await collection.add(jwk: key) }
        return collection
    }

    /// Checks the signature with the JWKS and reads the claims (also when the signature fails, so
    /// the report can say more than "invalid").
    static func verify(_ token: String, keys: JWTKeyCollection?) async -> (TokenClaims?, SignatureVerdict) {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, let header = Self.decodeSegment(segments[0]),
              let payload = Self.decodeSegment(segments[1]),
              let claims = try? JSONDecoder().decode(AccessTokenClaims.self, from: payload) else {
            return (nil, .notJWT)
        }
        let kid = (try? JSONDecoder().decode(Header.self, from: header))?.kid
        guard let keys else { return (claims.tokenClaims, .noKeys) }
        do {
            _ = try await keys.verify(token, as: AccessTokenClaims.self)
            return (claims.tokenClaims, .valid(keyID: kid))
        } catch let error as JWTError {
            switch error.errorType {
            case .unknownKID: return (claims.tokenClaims, .unknownKey(kid))
            case .signatureVerificationFailed: return (claims.tokenClaims, .invalid("the signature does not match key \(kid ?? "(no kid)")"))
            default: return (claims.tokenClaims, .invalid(error.reason ?? "\(error.errorType)"))
            }
        } catch {
            return (claims.tokenClaims, .invalid("\(error)"))
        }
    }

    private struct Header: Decodable { let kid: String? }

    static func decodeSegment(_ segment: Substring) -> Data? {
        var base64 = String(segment).replacing("-", with: "+").replacing("_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

/// The claims the receiving components look at. Signature checking is jwt-kit's; judging the
/// claims is the core's (`LiveCheckJudge.claims`), so `verify(using:)` accepts everything.
struct AccessTokenClaims: JWTPayload {
    let iss: String?
    let aud: [String]
    let exp: Double?
    let nbf: Double?
    let ver: String?
    let tid: String?

    enum CodingKeys: String, CodingKey { case iss, aud, exp, nbf, ver, tid }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try? container.decodeIfPresent(String.self, forKey: .iss)
        if let one = try? container.decode(String.self, forKey: .aud) {
            aud = [one]
        } else {
            aud = (try? container.decodeIfPresent([String].self, forKey: .aud)) ?? []
        }
        exp = try? container.decodeIfPresent(Double.self, forKey: .exp)
        nbf = try? container.decodeIfPresent(Double.self, forKey: .nbf)
        ver = (try? container.decodeIfPresent(String.self, forKey: .ver)) ?? (try? container.decodeIfPresent(Double.self, forKey: .ver)).map { String($0) }
        tid = try? container.decodeIfPresent(String.self, forKey: .tid)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(iss, forKey: .iss)
        try container.encode(aud, forKey: .aud)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}

    var tokenClaims: TokenClaims {
        TokenClaims(issuer: iss, audiences: aud, expires: exp, notBefore: nbf, version: ver, tenant: tid)
    }
}
