/// An HTTP answer as the live check judges it: status, media type, body (bounded by the client),
/// and where a redirect points (never followed).
public struct HTTPReply: Equatable, Sendable {
    public let status: Int
    public let contentType: String?
    public let body: [UInt8]
    public let location: String?

    public init(status: Int, contentType: String? = nil, body: [UInt8] = [], location: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.location = location
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// An HTML page (a portal or login page) where JSON was expected.
    public var looksLikeHTML: Bool {
        if let type = contentType?.lowercased(), type.contains("html") { return true }
        let start = text.drop { $0.isWhitespace }.prefix(15).lowercased()
        return start.hasPrefix("<!doctype") || start.hasPrefix("<html")
    }
}

/// Why no HTTP answer came: each case is worded for the operator by `LiveCheckJudge.describe`.
public enum TransportFailure: Equatable, Sendable {
    /// The host name does not resolve.
    case unresolvable(host: String)
    /// Nothing listens there (connection refused).
    case refused(host: String, port: Int)
    /// No answer within the timeout (per request).
    case timedOut(seconds: Int)
    /// The server's certificate chain does not lead to a trusted CA.
    case unknownCA(host: String, usedCAFile: Bool)
    /// Another TLS failure (name mismatch, protocol), with the library's words.
    case tls(host: String, reason: String)
    /// Plain http to a host that is not this machine, without `--allow-http`.
    case plainHTTPRefused(host: String)
    /// A URL that cannot be requested at all.
    case badURL(String)
    /// The proxy refused or failed (HTTPS_PROXY / HTTP_PROXY).
    case proxy(String)
    /// Anything else, in the library's words (never holding a secret: requests carry none in URLs).
    case other(String)
}

/// What one request gave.
public enum FetchOutcome: Equatable, Sendable {
    case reply(HTTPReply)
    case failure(TransportFailure)
}

/// A URL split into what the live check needs: scheme, host, port.
public struct URLParts: Equatable, Sendable {
    public let scheme: String
    public let host: String
    public let port: Int
    public let path: String

    /// Parses an absolute http(s) URL; nil for anything else.
    public init?(_ url: String) {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = String(authority)
        var port = scheme == "https" ? 443 : 80
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":"), let p = Int(after.dropFirst()) { port = p }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            guard let p = Int(host[host.index(after: colon)...]) else { return nil }
            port = p
            host = String(host[..<colon])
        }
        guard !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        self.path = String(rest[authorityEnd...])
    }

    /// This machine: plain http here never leaves it.
    public var isLoopback: Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host.hasPrefix("127.")
    }
}
