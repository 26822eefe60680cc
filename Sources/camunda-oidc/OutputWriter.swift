#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import OIDCSetup

/// Small wrappers over POSIX I/O that retry short writes and EINTR.
enum FileDescriptorIO {
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// The largest input read: answers files, env files, Helm values, Secret manifests and secret
    /// files are all far smaller. It bounds memory when a path names something endless.
    static let maximumInputSize = 1 << 20

    /// Reads a whole regular file of at most `limit` bytes, or says why not: every input path
    /// (`--answers`, `check`, `--from`, `secretFile:`, files merged into) reads through here. A FIFO,
    /// a device such as /dev/zero, a socket or a directory is refused without reading from it.
    static func readFile(_ path: String, limit: Int = maximumInputSize) -> Result<[UInt8], OutputWriter.Failure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (regular files ignore it).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.init(path: path, reason: systemError())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.init(path: path, reason: systemError())) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(.init(path: path, reason: "is \(fileType(info.st_mode)), not a regular file; give a file"))
        }
        let tooLarge = OutputWriter.Failure(path: path, reason: "is larger than \(limit >> 20) MiB, more than any input of this tool; give the right file")
        guard info.st_size <= limit else { return .failure(tooLarge) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.init(path: path, reason: systemError()))
            }
            if n == 0 { break }
            // The file may grow while it is read.
            guard bytes.count + n <= limit else { return .failure(tooLarge) }
            bytes += buffer[0..<n]
        }
        return .success(bytes)
    }

    private static func fileType(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// Why an input could not be taken as text: unreadable (exit 66), or read but not UTF-8 (65).
    enum TextFailure: Error, CustomStringConvertible {
        case unreadable(OutputWriter.Failure)
        case notUTF8(path: String, line: Int)

        var description: String {
            switch self {
            case .unreadable(let failure): return failure.description
            case .notUTF8(let path, let line): return "\(path):\(line): not UTF-8 text; save the file as UTF-8"
            }
        }
    }

    /// `readFile`, then UTF-8 decoding that names the line of the first invalid byte.
    static func readText(_ path: String) -> Result<String, TextFailure> {
        switch readFile(path) {
        case .failure(let failure):
            return .failure(.unreadable(failure))
        case .success(let bytes):
            if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
            // No UTF-8 sequence holds a newline byte, so lines can be judged one by one.
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let line = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0
            return .failure(.notUTF8(path: path, line: line + 1))
        }
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}

/// Writes output files safely: all or nothing, atomically (temporary file in the same
/// directory, fsync, rename), with explicit modes, never through a symlink, and never
/// replacing a file unless told to, in which case the old file is kept as a backup.
struct OutputWriter {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// What happened to one file.
    struct Written: Equatable {
        let path: String
        let mode: UInt16
        /// Where the previous file was kept, when one was replaced.
        let backup: String?
        /// It already held exactly this (bytes and mode): left alone, no backup.
        var unchanged = false
    }

    let directory: String
    let replaceExisting: Bool
    /// Asked between temporary files: true stops the write and removes them (a signal arrived).
    var interrupted: () -> Bool = { false }

    init(directory: String, replaceExisting: Bool, interrupted: @escaping () -> Bool = { false }) {
        self.directory = directory
        self.replaceExisting = replaceExisting
        self.interrupted = interrupted
    }

    /// Paths of the files that already exist among `names` (for the wizard's confirmation).
    func existing(_ names: [String]) -> [String] {
        names.filter { lstatMode(path($0)) != nil }
    }

    func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    func write(_ files: [OutputFile]) throws(Failure) -> [Written] {
        try ensureDirectory()
        // Check every target before writing anything: a refusal leaves nothing behind.
        for file in files {
            let target = path(file.name)
            guard let mode = lstatMode(target) else { continue }
            if mode & S_IFMT == S_IFLNK { throw Failure(path: target, reason: "is a symbolic link; refusing to write through it") }
            if mode & S_IFMT != S_IFREG { throw Failure(path: target, reason: "exists and is not a regular file") }
            if !replaceExisting { throw Failure(path: target, reason: "exists; use --force to replace it (the old file is kept as a backup)") }
        }
        // A file that already holds exactly this is not rewritten: no new inode, no backup.
        let unchanged = Set(files.filter(isUnchanged).map(\.name))
        var temporaries: [(temp: String, file: OutputFile)] = []
        do throws(Failure) {
            for file in files where !unchanged.contains(file.name) {
                temporaries.append((try writeTemporary(file), file))
                if interrupted() { throw Failure(path: directory, reason: "interrupted by a signal") }
            }
        } catch {
            for (temp, _) in temporaries { unlink(temp) }
            throw error
        }
        // Every file is ready; now the renames, undone together if one fails, so that either
        // all files are new or all are as they were.
        var written: [Written] = []
        for (index, (temp, file)) in temporaries.enumerated() {
            let target = path(file.name)
            var backup: String?
            do throws(Failure) {
                if lstatMode(target) != nil { backup = try keepBackup(of: target) }
                guard rename(temp, target) == 0 else { throw Failure(path: target, reason: FileDescriptorIO.systemError()) }
            } catch {
                if let backup { unlink(backup) }
                for (later, _) in temporaries[index...] { unlink(later) }
                rollBack(written)
                throw error
            }
            written.append(Written(path: target, mode: file.mode, backup: backup))
        }
        syncDirectory()
        let kept = files.filter { unchanged.contains($0.name) }.map { Written(path: path($0.name), mode: $0.mode, backup: nil, unchanged: true) }
        return written + kept
    }

    /// Puts back what `write` replaced: the backup becomes the file again; a new file goes.
    private func rollBack(_ written: [Written]) {
        for file in written.reversed() {
            if let backup = file.backup {
                rename(backup, file.path)
            } else {
                unlink(file.path)
            }
        }
    }

    private func lstatMode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : nil
    }

    /// Creates the directory (and missing parents) with mode 0700.
    private func ensureDirectory() throws(Failure) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: directory, reason: "is not a directory") }
            return
        }
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            if stat(prefix, &info) != 0 {
                guard mkdir(prefix, 0o700) == 0 || errno == EEXIST else {
                    throw Failure(path: prefix, reason: FileDescriptorIO.systemError())
                }
                chmod(prefix, 0o700)
            }
            prefix += "/"
        }
    }

    private func writeTemporary(_ file: OutputFile) throws(Failure) -> String {
        var template = Array(path(".\(file.name).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path(file.name), reason: FileDescriptorIO.systemError()) }
        let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let ok = fchmod(fd, mode_t(file.mode)) == 0
            && FileDescriptorIO.writeAll(fd, Array(file.contents.utf8))
            && fsync(fd) == 0
        let reason = FileDescriptorIO.systemError()
        close(fd)
        guard ok else {
            unlink(temp)
            throw Failure(path: path(file.name), reason: reason)
        }
        return temp
    }

    /// Whether the file on disk already holds exactly `file`: same bytes, same mode.
    func isUnchanged(_ file: OutputFile) -> Bool {
        let target = path(file.name)
        var info = stat()
        guard lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o7777 == mode_t(file.mode),
              case .success(let bytes) = FileDescriptorIO.readFile(target) else { return false }
        return bytes.elementsEqual(file.contents.utf8)
    }

    /// What `write` will do to each of `files` that exists already: leave it, or keep it under the
    /// backup name it will really get.
    func fates(_ files: [OutputFile]) -> [String: ExistingFileFate] {
        var fates: [String: ExistingFileFate] = [:]
        for file in files where lstatMode(path(file.name)) != nil {
            if isUnchanged(file) {
                fates[file.name] = .unchanged
            } else if let backup = Self.backupCandidates(of: path(file.name)).first(where: { lstatMode($0) == nil }) {
                fates[file.name] = .replaced(backup: backup.lastPathComponent)
            }
        }
        return fates
    }

    /// NAME.bak, NAME.bak.1, NAME.bak.2, ...: the first free one is used.
    private static func backupCandidates(of target: String) -> [String] {
        [target + ".bak"] + (1..<1000).map { target + ".bak.\($0)" }
    }

    /// Keeps the current file as NAME.bak (or NAME.bak.1, .2, ...: an older backup is never replaced).
    /// A hard link keeps contents and mode exactly; a copy is the fallback where links are not allowed.
    private func keepBackup(of target: String) throws(Failure) -> String {
        for candidate in Self.backupCandidates(of: target) {
            if link(target, candidate) == 0 { return candidate }
            if errno == EEXIST { continue }
            return try copyBackup(of: target, to: candidate)
        }
        throw Failure(path: target, reason: "too many backups beside it; remove old .bak files")
    }

    private func copyBackup(of target: String, to backup: String) throws(Failure) -> String {
        var info = stat()
        guard stat(target, &info) == 0 else { throw Failure(path: target, reason: FileDescriptorIO.systemError()) }
        let bytes: [UInt8]
        switch FileDescriptorIO.readFile(target, limit: .max) {
        case .success(let b): bytes = b
        case .failure(let f): throw f
        }
        let fd = open(backup, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, info.st_mode & 0o7777)
        guard fd >= 0 else { throw Failure(path: backup, reason: FileDescriptorIO.systemError()) }
        defer { close(fd) }
        guard fchmod(fd, info.st_mode & 0o7777) == 0, FileDescriptorIO.writeAll(fd, bytes), fsync(fd) == 0 else {
            throw Failure(path: backup, reason: FileDescriptorIO.systemError())
        }
        return backup
    }

    private func syncDirectory() {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
