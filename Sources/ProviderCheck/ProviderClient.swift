import AsyncHTTPClient
import FoundationEssentials
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import OIDCSetup

#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The live check's HTTP client: TLS verified against the system CA store (found by swift-nio-ssl
/// at run time: /etc/ssl/certs/ca-certificates.crt and the like) or a private CA, redirects never
/// followed, a timeout per request, proxies from the environment, bodies bounded.
///
/// Nothing here starts until the first request: the wizard pays for NIO only when it checks.
public final class ProviderClient: Sendable {
    /// A provider's answer is small; anything larger is not what was asked for.
    public static let maximumBody = 1 << 20

    private let timeoutSeconds: Int
    private let direct: HTTPClient
    /// One client per proxy server in use (the proxy is a client-wide setting).
    private let proxied: [ProxySettings.Server: HTTPClient]
    private let proxies: ProxySettings
    public let usesCAFile: Bool

    /// - Parameters:
    ///   - caCertificatesPEM: the private CA (`--ca-file`), which then replaces the system store.
    ///   - proxies: from `ProxySettings(environment:)`.
    /// - Throws: when the PEM holds no certificate.
    public init(timeoutSeconds: Int, caCertificatesPEM: [UInt8]? = nil, proxies: ProxySettings = ProxySettings()) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let pem = caCertificatesPEM {
            let certificates = try NIOSSLCertificate.fromPEMBytes(pem)
            guard !certificates.isEmpty else { throw ProviderClientError.noCertificate }
            tls.trustRoots = .certificates(certificates)
        }
        self.timeoutSeconds = timeoutSeconds
        self.usesCAFile = caCertificatesPEM != nil
        self.proxies = proxies
        func configuration(_ proxy: ProxySettings.Server?) -> HTTPClient.Configuration {
            var config = HTTPClient.Configuration(
                tlsConfiguration: tls,
                redirectConfiguration: .disallow,
                timeout: .init(connect: .seconds(Int64(timeoutSeconds)), read: .seconds(Int64(timeoutSeconds))),
                proxy: proxy.map { server in
                    .server(host: server.host, port: server.port,
                            authorization: server.credentials.map { credentials in
                                let (user, password) = credentials.firstIndex(of: ":").map {
                                    (String(credentials[..<$0]), String(credentials[credentials.index(after: $0)...]))
                                } ?? (credentials, "")
                                return .basic(username: user, password: password)
                            })
                },
                decompression: .disabled)
            config.httpVersion = .http1Only
            config.connectionPool = .init(idleTimeout: .seconds(5))
            return config
        }
        let group = MultiThreadedEventLoopGroup.singleton
        direct = HTTPClient(eventLoopGroup: group, configuration: configuration(nil))
        var proxied: [ProxySettings.Server: HTTPClient] = [:]
        for server in [proxies.https, proxies.http].compactMap({ $0 }) where proxied[server] == nil {
            proxied[server] = HTTPClient(eventLoopGroup: group, configuration: configuration(server))
        }
        self.proxied = proxied
    }

    /// Closes the connections; call once, after the last request.
    public func shutdown() async {
        try? await direct.shutdown()
        for client in proxied.values { try? await client.shutdown() }
    }

    /// `GET url`, expecting JSON.
    public func get(_ url: String) async -> FetchOutcome {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        return await execute(request, url: url)
    }

    /// `POST url` with a form body; `basic` adds HTTP Basic credentials (RFC 6749 2.3.1: each part
    /// form-encoded first). The form and the header are the only places a secret goes.
    public func postForm(_ url: String, form: [(String, String)], basic: (user: String, password: SecretValue)? = nil) async -> FetchOutcome {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        if let basic {
            let pair = FormEncoding.encode(basic.user) + ":" + FormEncoding.encode(basic.password.value)
            request.headers.add(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        }
        request.body = .bytes(ByteBuffer(string: form.map { FormEncoding.encode($0.0) + "=" + FormEncoding.encode($0.1) }.joined(separator: "&")))
        return await execute(request, url: url)
    }

    private func execute(_ request: HTTPClientRequest, url: String) async -> FetchOutcome {
        guard let parts = URLParts(url) else { return .failure(.badURL(url)) }
        let proxy = proxies.server(for: parts)
        let client = proxy.flatMap { proxied[$0] } ?? direct
        do {
            let response = try await client.execute(request, timeout: TimeAmount.seconds(Int64(timeoutSeconds)))
            let body = try await response.body.collect(upTo: Self.maximumBody)
            return .reply(HTTPReply(
                status: Int(response.status.code),
                contentType: response.headers.first(name: "Content-Type"),
                body: Array(buffer: body),
                location: response.headers.first(name: "Location")))
        } catch {
            return .failure(Self.classify(error, parts: parts, proxied: proxy != nil, timeoutSeconds: timeoutSeconds, usesCAFile: usesCAFile))
        }
    }

    /// The library's error as the core's words. Matching on descriptions where the library's error
    /// types are internal (BoringSSL's reasons); none of these carries a request body.
    static func classify(_ error: any Error, parts: URLParts, proxied: Bool, timeoutSeconds: Int, usesCAFile: Bool) -> TransportFailure {
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout, .readTimeout, .deadlineExceeded, .writeTimeout, .tlsHandshakeTimeout:
                return .timedOut(seconds: timeoutSeconds)
            case .bodyLengthMismatch:
                return .other("the answer is larger than \(maximumBody / 1024) KiB")
            case .cancelled:
                return .other("cancelled")
            case .proxyAuthenticationRequired, .invalidProxyResponse:
                return .proxy(String(describing: client))
            default:
                break
            }
        }
        if error is CancellationError { return .other("cancelled") }
        let text = String(describing: error)
        let lower = text.lowercased()
        if lower.contains("certificate_verify_failed") || lower.contains("unable to get local issuer") || lower.contains("self signed")
            || lower.contains("self-signed") {
            return .unknownCA(host: parts.host, usedCAFile: usesCAFile)
        }
        if lower.contains("failedtovalidatehostname") || lower.contains("hostname") && lower.contains("ssl") {
            return .tls(host: parts.host, reason: "the certificate does not name \(parts.host)")
        }
        if let connection = error as? NIOConnectionError {
            if connection.connectionErrors.isEmpty, connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return proxied ? .proxy("its name does not resolve") : .unresolvable(host: parts.host)
            }
            if connection.connectionErrors.contains(where: { "\($0.error)".lowercased().contains("refused") }) {
                return proxied ? .proxy("connection refused by the proxy") : .refused(host: parts.host, port: parts.port)
            }
        }
        if lower.contains("connection refused") || lower.contains("econnrefused") {
            return proxied ? .proxy("connection refused by the proxy") : .refused(host: parts.host, port: parts.port)
        }
        if lower.contains("resolve") || lower.contains("dns") || lower.contains("unknown host") {
            return .unresolvable(host: parts.host)
        }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("handshake") {
            return .tls(host: parts.host, reason: Self.shortened(text))
        }
        if lower.contains("timeout") || lower.contains("timed out") { return .timedOut(seconds: timeoutSeconds) }
        return .other(Self.shortened(text))
    }

    private static func shortened(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(197)) + "..." : text
    }
}

public enum ProviderClientError: Error, CustomStringConvertible {
    case noCertificate
    public var description: String { "no PEM certificate in the CA file" }
}

/// `application/x-www-form-urlencoded`: unreserved characters as they are, everything else %XX.
enum FormEncoding {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
