import Foundation
import Git
import Limits

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the persistent extraction cache cannot be used; the run goes on without it.
public struct ExtractionStoreError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// The persistent extraction cache: what extractors found, kept in a directory between runs (`--cache`,
/// `$XDG_CACHE_HOME/semgate`), so a second `audit` of the same history reads results instead of extracting them.
///
/// Two kinds of file, each in `v1/<first two hex digits>/`:
/// - a *result* (`.r`), named by the digest of its key: the key text itself (semgate's build, the extractor kind, its
///   settings, its inputs' object ids), the notes, source problems and incompleteness the extraction reported, and the
///   digests of its groups of items, with a digest of the whole file at its end;
/// - a *group* (`.g`), named by the digest of its items: one array of items as an extractor handed it over. Groups
///   are shared by every result that has them (a package that did not change between two releases is stored once).
///
/// Everything read is treated as hostile: a file that is not a regular file, larger than
/// `Limit.extractionCacheEntryBytes`, truncated, of another key or whose digest does not match is ignored (the caller
/// extracts again); nothing read from here can crash semgate or pass a check that extraction would fail. Files are
/// written to a temporary name and renamed, so two runs at once never see half a file. The directory is created
/// with mode 0700; one owned by another user or writable by others is refused. The total size is kept under
/// `Limit.extractionCacheBytes` by removing the least recently used files (a file read is marked used).
public final class ExtractionStore: Sendable {
    /// The cache directory (`…/semgate`).
    public let directory: String
    /// semgate's build (version and commit, or the executable's identity): part of every key, so a new binary never
    /// reads what another wrote.
    let build: String
    private let entries: String
    private let room: Room

    /// The format folder inside the directory; a new file format gets a new folder.
    static let format = "v2"
    /// The folders of earlier formats, whose files are removed when the store opens (no build reads them).
    static let earlierFormats = ["v1"]
    private static let resultMagic = Array("semgate-cache-result\n".utf8)
    private static let groupMagic = Array("semgate-cache-group\n".utf8)

    /// Opens `directory` (made with mode 0700 if absent, its parents as usual), removes the least recently used files
    /// when it holds more than `capacity` bytes, or says why it cannot be used.
    public static func open(directory: String, build: String, capacity: Int = Limit.extractionCacheBytes)
        throws(ExtractionStoreError) -> ExtractionStore
    {
        let entries = directory + "/" + format
        try prepare(directory, createParents: true)
        try prepare(entries, createParents: false)
        let held = prune(entries, capacity: capacity)
        for earlier in earlierFormats { _ = prune(directory + "/" + earlier, capacity: 0) }
        return ExtractionStore(
            directory: directory, build: build, entries: entries, room: Room(max(0, capacity - held)))
    }

    private init(directory: String, build: String, entries: String, room: Room) {
        self.directory = directory
        self.build = build
        self.entries = entries
        self.room = room
    }

    /// The default directory: `$XDG_CACHE_HOME/semgate` when that is an absolute path, else `~/.cache/semgate`;
    /// nil when neither is known.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/semgate" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/semgate" }
        return nil
    }

    /// Makes `path` a directory only its owner may write, or fails saying why not.
    private static func prepare(_ path: String, createParents: Bool) throws(ExtractionStoreError) {
        var info = stat()
        if stat(path, &info) != 0 {
            if createParents {
                let parent = (path as NSString).deletingLastPathComponent
                try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw ExtractionStoreError(description: "cannot create '\(path)': \(String(cString: strerror(errno)))")
            }
            guard stat(path, &info) == 0 else {
                throw ExtractionStoreError(description: "cannot read '\(path)': \(String(cString: strerror(errno)))")
            }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ExtractionStoreError(description: "'\(path)' is not a directory")
        }
        guard info.st_uid == geteuid() else {
            throw ExtractionStoreError(
                description: "'\(path)' belongs to another user; semgate only uses a cache directory of its own user")
        }
        guard info.st_mode & 0o022 == 0 else {
            throw ExtractionStoreError(
                description: "'\(path)' is writable by other users (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "make it private with chmod 700")
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw ExtractionStoreError(description: "'\(path)' is not writable")
        }
    }

    // MARK: Results

    /// What one extraction left besides its items, and the digests and item counts of its groups.
    struct Result {
        var notes: [String]
        var problems: [SourceProblem]
        var incomplete: Bool
        var uncertain: [String]
        var groups: [(digest: ObjectID, count: Int)]
    }

    /// The result stored for `key`, or nil when there is none or it cannot be trusted.
    func result(forKey key: String) -> Result? {
        guard let bytes = readFile(path(of: ObjectID(hashing: Array(key.utf8)), suffix: "r")),
            bytes.count > 20, ObjectID(hashing: Array(bytes.dropLast(20))).rawBytes == Array(bytes.suffix(20))
        else { return nil }
        var decoder = CacheDecoder(Array(bytes.dropLast(20)))
        guard decoder.raw(Self.resultMagic.count) == Self.resultMagic, decoder.string() == key,
            let noteCount = decoder.count(minimum: 4)
        else { return nil }
        var result = Result(notes: [], problems: [], incomplete: false, uncertain: [], groups: [])
        for _ in 0..<noteCount {
            guard let note = decoder.string() else { return nil }
            result.notes.append(note)
        }
        guard let problemCount = decoder.count(minimum: 5) else { return nil }
        for _ in 0..<problemCount {
            guard let message = decoder.string(), let location = decoder.location(), let location else { return nil }
            result.problems.append(SourceProblem(message: message, location: location))
        }
        guard let incomplete = decoder.u8(), incomplete <= 1, let uncertainCount = decoder.count(minimum: 4) else {
            return nil
        }
        result.incomplete = incomplete == 1
        for _ in 0..<uncertainCount {
            guard let pattern = decoder.string() else { return nil }
            result.uncertain.append(pattern)
        }
        guard let groupCount = decoder.count(minimum: 24) else { return nil }
        for _ in 0..<groupCount {
            guard let digest = decoder.id(), let count = decoder.u32() else { return nil }
            result.groups.append((digest, count))
        }
        return decoder.atEnd ? result : nil
    }

    /// Stores `result` under `key` (its groups must be stored first); a failure to write is no error: the cache is
    /// an optimisation.
    func save(_ result: Result, forKey key: String) {
        var encoder = CacheEncoder()
        encoder.raw(Self.resultMagic)
        encoder.string(key)
        encoder.u32(result.notes.count)
        for note in result.notes { encoder.string(note) }
        encoder.u32(result.problems.count)
        for problem in result.problems {
            encoder.string(problem.message)
            encoder.location(problem.location)
        }
        encoder.u8(result.incomplete ? 1 : 0)
        encoder.u32(result.uncertain.count)
        for pattern in result.uncertain { encoder.string(pattern) }
        encoder.u32(result.groups.count)
        for group in result.groups {
            encoder.id(group.digest)
            encoder.u32(group.count)
        }
        let body = encoder.bytes
        writeFile(
            body + ObjectID(hashing: body).rawBytes, to: path(of: ObjectID(hashing: Array(key.utf8)), suffix: "r"))
    }

    // MARK: Groups

    /// A group's bytes as stored, and their digest (the group file's name).
    static func encode(_ items: [RawItem]) -> (bytes: [UInt8], digest: ObjectID) {
        var encoder = CacheEncoder()
        encoder.items(items)
        return (encoder.bytes, ObjectID(hashing: encoder.bytes))
    }

    /// The items of the group `digest`, or nil when it is absent or its bytes are not the ones named.
    func group(_ digest: ObjectID) -> [RawItem]? {
        guard let bytes = readFile(path(of: digest, suffix: "g")), bytes.starts(with: Self.groupMagic) else {
            return nil
        }
        let body = Array(bytes.dropFirst(Self.groupMagic.count))
        guard ObjectID(hashing: body) == digest else { return nil }
        var decoder = CacheDecoder(body)
        guard let items = decoder.items(), decoder.atEnd else { return nil }
        return items
    }

    /// Whether the group `digest` has a regular file of the size its `bytes` take (its contents are checked when it is
    /// read: one found damaged then is removed, and written again by the next result that has it).
    func hasGroup(_ digest: ObjectID, bytes: Int) -> Bool {
        var info = stat()
        return lstat(path(of: digest, suffix: "g"), &info) == 0 && info.st_mode & S_IFMT == S_IFREG
            && Int(info.st_size) == Self.groupMagic.count + bytes
    }

    /// Removes the file of the group `digest` (one found damaged), so that it is written again.
    func removeGroup(_ digest: ObjectID) {
        let path = path(of: digest, suffix: "g")
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR { rmdir(path) } else { unlink(path) }
    }

    func saveGroup(bytes: [UInt8], digest: ObjectID) {
        writeFile(Self.groupMagic + bytes, to: path(of: digest, suffix: "g"))
    }

    // MARK: Files

    private func path(of name: ObjectID, suffix: String) -> String {
        let hex = name.hex
        return entries + "/" + hex.prefix(2) + "/" + hex.dropFirst(2) + "." + suffix
    }

    /// The bytes of the regular file at `path` (links are not followed), marked as used; nil when it is absent, not a
    /// regular file, larger than `Limit.extractionCacheEntryBytes` or shorter than it said.
    private func readFile(_ path: String) -> [UInt8]? {
        let handle = systemOpen(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard handle >= 0 else { return nil }
        defer { close(handle) }
        var info = stat()
        guard fstat(handle, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size >= 0,
            info.st_size <= Limit.extractionCacheEntryBytes
        else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(handle, buffer.baseAddress.map { $0 + done }, size - done)
            }
            guard count > 0 else { return nil }
            done += count
        }
        _ = futimens(handle, nil)
        return bytes
    }

    /// Writes `bytes` to `path` through a temporary file renamed into place, when the size bound leaves room.
    private func writeFile(_ bytes: [UInt8], to path: String) {
        guard bytes.count <= Limit.extractionCacheEntryBytes, room.take(bytes.count) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { return }
        let temporary = path + ".\(getpid()).\(room.nextNumber()).tmp"
        let handle = systemOpen(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard handle >= 0 else { return }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(handle, buffer.baseAddress.map { $0 + done }, bytes.count - done)
            }
            guard count > 0 else { break }
            done += count
        }
        let closed = close(handle) == 0
        var existing = stat()
        if lstat(path, &existing) == 0 && existing.st_mode & S_IFMT == S_IFDIR { rmdir(path) }
        if done != bytes.count || !closed || rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The bytes the files under `entries` hold after removing the least recently used down to three quarters of
    /// `capacity` when they hold more; temporary files left by a run that stopped are removed after an hour.
    private static func prune(_ entries: String, capacity: Int) -> Int {
        var files: [(path: String, size: Int, used: Int)] = []
        var total = 0
        let now = Int(Date().timeIntervalSince1970)
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: entries)) ?? [] {
            let folderPath = entries + "/" + folder
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? [] {
                let path = folderPath + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                let used = modificationSeconds(info)
                if name.hasSuffix(".tmp") {
                    if now - used > 3600 { unlink(path) }
                    continue
                }
                files.append((path, Int(info.st_size), used))
                total += Int(info.st_size)
            }
        }
        guard total > capacity else { return total }
        for file in files.sorted(by: { ($0.used, $0.path) < ($1.used, $1.path) }) {
            guard total > capacity / 4 * 3 else { break }
            if unlink(file.path) == 0 { total -= file.size }
        }
        return total
    }

    /// What this run may still write, and a counter for temporary names; shared by the threads of one run.
    private final class Room: @unchecked Sendable {
        private let lock = NSLock()
        private var left: Int
        private var number = 0

        init(_ left: Int) {
            self.left = left
        }

        func take(_ bytes: Int) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard bytes <= left else { return false }
            left -= bytes
            return true
        }

        func nextNumber() -> Int {
            lock.lock()
            defer { lock.unlock() }
            number += 1
            return number
        }
    }
}

// The system calls under names the store's own members do not shadow.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { open(path, flags, mode) }
private func systemRead(_ handle: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(handle, buffer, count)
}
private func systemWrite(_ handle: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(handle, buffer, count)
}
private func modificationSeconds(_ info: stat) -> Int {
    #if os(Linux)
        return Int(info.st_mtim.tv_sec)
    #else
        return Int(info.st_mtimespec.tv_sec)
    #endif
}
