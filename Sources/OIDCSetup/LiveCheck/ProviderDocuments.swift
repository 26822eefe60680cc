#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The fields of a discovery document the live check compares.
public struct DiscoveryDocument: Decodable, Equatable, Sendable {
    public let issuer: String?
    public let tokenEndpoint: String?
    public let jwksURI: String?
    public let tokenEndpointAuthMethods: [String]?
    /// Entra: `tenant_region_scope` is present only in Entra's documents.
    public let tenantRegionScope: String?

    enum CodingKeys: String, CodingKey {
        case issuer
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case tokenEndpointAuthMethods = "token_endpoint_auth_methods_supported"
        case tenantRegionScope = "tenant_region_scope"
    }

    public static func parse(_ body: [UInt8]) -> DiscoveryDocument? {
        try? JSONDecoder().decode(DiscoveryDocument.self, from: Data(body))
    }

    /// How the client authenticates at the token endpoint: HTTP Basic unless only the form body is
    /// offered (Basic is the default when the document says nothing, RFC 8414).
    public var prefersFormBody: Bool {
        guard let methods = tokenEndpointAuthMethods else { return false }
        return !methods.contains("client_secret_basic") && methods.contains("client_secret_post")
    }
}

/// The keys of a JWKS, as far as the check needs them.
public struct JWKSDocument: Decodable, Equatable, Sendable {
    public struct Key: Decodable, Equatable, Sendable {
        public let kty: String?
        public let use: String?
        public let kid: String?
        public let alg: String?
    }
    public let keys: [Key]

    public static func parse(_ body: [UInt8]) -> JWKSDocument? {
        try? JSONDecoder().decode(JWKSDocument.self, from: Data(body))
    }

    /// RSA keys for signatures (`use` absent or `sig`): what RS256 tokens are checked with.
    public var rsaSigningKeys: [Key] { keys.filter { $0.kty == "RSA" && ($0.use == nil || $0.use == "sig") } }
}

/// A token endpoint's JSON answer: the token, or an OAuth error (with Entra's extra fields).
public struct TokenEndpointBody: Decodable, Equatable, Sendable {
    public let accessToken: String?
    public let error: String?
    public let errorDescription: String?
    /// Entra: `[7000215]`.
    public let errorCodes: [Int]?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case error
        case errorDescription = "error_description"
        case errorCodes = "error_codes"
    }

    public static func parse(_ body: [UInt8]) -> TokenEndpointBody? {
        try? JSONDecoder().decode(TokenEndpointBody.self, from: Data(body))
    }

    /// The Entra error code: from `error_codes`, else an `AADSTS<n>` in the description.
    public var entraCode: Int? {
        if let code = errorCodes?.first { return code }
        guard let description = errorDescription, let range = description.firstRange(of: "AADSTS") else { return nil }
        return Int(description[range.upperBound...].prefix { $0.isNumber })
    }
}

/// The claims of an access token the receiving components look at, decoded by the caller
/// after it verified the signature (the core has no cryptography).
public struct TokenClaims: Equatable, Sendable {
    public var issuer: String?
    public var audiences: [String]
    public var expires: Double?
    public var notBefore: Double?
    /// Entra: `1.0` or `2.0`.
    public var version: String?
    /// Entra: the tenant.
    public var tenant: String?

    public init(issuer: String? = nil, audiences: [String] = [], expires: Double? = nil, notBefore: Double? = nil,
                version: String? = nil, tenant: String? = nil) {
        self.issuer = issuer
        self.audiences = audiences
        self.expires = expires
        self.notBefore = notBefore
        self.version = version
        self.tenant = tenant
    }
}

/// What checking the token's signature against the JWKS gave.
public enum SignatureVerdict: Equatable, Sendable {
    case valid(keyID: String?)
    /// The token names a key the JWKS does not hold.
    case unknownKey(String?)
    case invalid(String)
    /// The access token is not a JWT (an opaque token: the components cannot check it offline).
    case notJWT
    /// The JWKS could not be read, so the signature could not be checked.
    case noKeys
}
