import Foundation
import Testing

/// Compares text with a golden file under Tests/Goldens.
///
/// A missing golden, or any golden when `RECORD_GOLDENS=1`, is written and the test FAILS:
/// recording never passes silently. Review the written file (git diff), then run again.
public func assertGolden(
    _ actual: String, named name: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = Golden.directory.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if recording || expected == nil {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Recorded golden \(name): review it (git diff Tests/Goldens) and run the tests again without RECORD_GOLDENS.", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        Issue.record("Output differs from golden \(name) (RECORD_GOLDENS=1 rewrites it, for review):\n\(Golden.diff(expected!, actual))", sourceLocation: sourceLocation)
    }
}

public enum Golden {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let directory = packageRoot.appendingPathComponent("Tests/Goldens")

    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// A short line diff: the first differing lines with their numbers.
    public static func diff(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n")
        let a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
            out.append("line \(i + 1):\n  expected: \(i < e.count ? e[i] : "<none>")\n  actual:   \(i < a.count ? a[i] : "<none>")")
            if out.count == 8 { out.append("..."); break }
        }
        return out.joined(separator: "\n")
    }
}
