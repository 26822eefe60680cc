import OIDCSetup

/// The standard proxy variables, as curl reads them: `HTTPS_PROXY` for https URLs, `HTTP_PROXY`
/// for http ones (lower-case names win when both are set; `http_proxy` only in lower case is the
/// usual convention, both are read), `NO_PROXY` a comma-separated list of hosts, domain suffixes
/// (`.corp`, `corp`) or `*`. This machine (loopback) is never proxied: no proxy can reach it.
public struct ProxySettings: Equatable, Sendable {
    public struct Server: Hashable, Sendable {
        public let host: String
        public let port: Int
        /// `user:password` from the proxy URL, sent as Proxy-Authorization; never printed.
        public let credentials: String?
    }

    public var https: Server?
    public var http: Server?
    public var noProxy: [String]

    public init(https: Server? = nil, http: Server? = nil, noProxy: [String] = []) {
        self.https = https
        self.http = http
        self.noProxy = noProxy
    }

    /// Reads the variables from an environment (name -> value).
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            let found = environment[name.lowercased()] ?? environment[name.uppercased()]
            return found?.trimmingWhitespace().isEmpty == false ? found!.trimmingWhitespace() : nil
        }
        https = value("https_proxy").flatMap(Self.server)
        http = value("http_proxy").flatMap(Self.server)
        noProxy = (value("no_proxy") ?? "").split(separator: ",").map { String($0).trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
    }

    /// `http://user:pass@proxy:3128/` or `proxy:3128`.
    static func server(_ text: String) -> Server? {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let parts = URLParts(withScheme) else { return nil }
        var credentials: String?
        if let schemeEnd = withScheme.firstRange(of: "://") {
            let authority = withScheme[schemeEnd.upperBound...].prefix { $0 != "/" }
            if let at = authority.lastIndex(of: "@") { credentials = String(authority[..<at]) }
        }
        let port = text.contains("://") || text.contains(":") ? parts.port : 1080
        return Server(host: parts.host, port: port, credentials: credentials)
    }

    /// The proxy for a URL, or nil to connect directly.
    public func server(for url: URLParts) -> Server? {
        if url.isLoopback { return nil }
        for entry in noProxy {
            if entry == "*" { return nil }
            var host = entry
            if let colon = host.lastIndex(of: ":"), !host.hasPrefix("["), Int(host[host.index(after: colon)...]) != nil {
                guard Int(host[host.index(after: colon)...]) == url.port else { continue }
                host = String(host[..<colon])
            }
            let domain = host.hasPrefix(".") ? String(host.dropFirst()) : host
            if url.host == domain || url.host.hasSuffix("." + domain) { return nil }
        }
        return url.scheme == "https" ? https : http
    }
}
