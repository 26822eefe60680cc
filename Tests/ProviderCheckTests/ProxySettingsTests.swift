import OIDCSetup
@testable import ProviderCheck
import Testing

/// The proxy variables as curl reads them, and what the client sends in its forms.
@Suite struct ProxySettingsTests {
    let settings = ProxySettings(environment: [
        "HTTPS_PROXY": "http://user:pa%ss@proxy.corp:3128/",
        "http_proxy": "plainproxy.corp:8080",
        "NO_PROXY": "internal.corp, .svc ,10.0.0.5,idp.example.com:8443",
    ])

    func route(_ url: String) -> String {
        settings.server(for: URLParts(url)!).map { "\($0.host):\($0.port)" } ?? "direct"
    }

    @Test func eachSchemeHasItsProxyAndNoProxyExcludes() {
        #expect(settings.https == ProxySettings.Server(host: "proxy.corp", port: 3128, credentials: "user:pa%ss"))
        #expect(route("https://login.microsoftonline.com/t/v2.0") == "proxy.corp:3128")
        #expect(route("http://keycloak.example.com/realms/x") == "plainproxy.corp:8080")
        #expect(route("https://internal.corp/x") == "direct")
        #expect(route("https://idp.internal.corp/x") == "direct", "a listed domain covers its subdomains")
        #expect(route("http://keycloak.identity.svc:8080/x") == "direct")
        #expect(route("https://10.0.0.5/x") == "direct")
        #expect(route("https://idp.example.com:8443/x") == "direct")
        #expect(route("https://idp.example.com/x") == "proxy.corp:3128", "a port in NO_PROXY limits the entry to that port")
        #expect(route("https://notinternal.corp/x") == "proxy.corp:3128")
        #expect(route("http://127.0.0.1:8080/x") == "direct", "loopback is never proxied")
        #expect(ProxySettings(environment: ["HTTPS_PROXY": "http://p:1", "NO_PROXY": "*"]).server(for: URLParts("https://a.b/")!) == nil)
        #expect(ProxySettings(environment: [:]).server(for: URLParts("https://a.b/")!) == nil)
    }

    @Test func formValuesArePercentEncoded() {
        #expect(FormEncoding.encode("a b&c=d/é~") == "a%20b%26c%3Dd%2F%C3%A9~")
    }

    @Test func libraryErrorsBecomeTheCoresWords() {
        let parts = URLParts("https://idp.example.com/x")!
        struct Described: Error, CustomStringConvertible { let description: String }
        func classify(_ text: String, proxied: Bool = false) -> TransportFailure {
            ProviderClient.classify(Described(description: text), parts: parts, proxied: proxied, timeoutSeconds: 7, usesCAFile: false)
        }
        #expect(classify("handshakeFailed(sslError([Error: 268435581 error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED]))")
                == .unknownCA(host: "idp.example.com", usedCAFile: false))
        #expect(classify("connect(descriptor:addr:size:): Connection refused (errno: 111)") == .refused(host: "idp.example.com", port: 443))
        #expect(classify("connect(descriptor:addr:size:): Connection refused (errno: 111)", proxied: true) == .proxy("connection refused by the proxy"))
        #expect(ProviderClient.classify(CancellationError(), parts: parts, proxied: false, timeoutSeconds: 7, usesCAFile: false) == .other("cancelled"))
    }
}
