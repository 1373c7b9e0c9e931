import Foundation
import SturingCore
import SturingIngest

/// What a corpus run will do: the plans, the files to score (in a fixed order), and the problems
/// found before scoring (manifest rows without a file, malformed rows).
public struct CorpusPlan: Sendable, Codable, Equatable {
    /// Plans in output order (manifest order, then files not in the manifest, by path).
    public var plans: [Plan]
    /// Every file to score, once, in a fixed order.
    public var files: [String]
    /// Problems found while planning; they are reported as errors.
    public var failures: [FileFailure]
    /// Remarks that do not stop anything (files not in the manifest, ignored columns).
    public var warnings: [String]
    /// The remarks a report can word in its own language (`Notice`; nil: none, as in the
    /// corpus.json of runs before 0.3.1).
    public var notices: [Notice]?

    /// The corpus folder as given (file paths start with it).
    public var directory: String = ""

    /// The part of the corpus that shard `k` of `n` (1-based) scores: each file goes to one shard
    /// by a stable hash of its path relative to the corpus folder, so every machine computes the
    /// same split. Plans keep only their files in this shard; plans without one are left out.
    /// Planning failures and warnings stay (they are the corpus's, and `merge` reports them once).
    public func shard(_ k: Int, of n: Int) -> CorpusPlan {
        precondition(n >= 1 && k >= 1 && k <= n)
        guard n > 1 else { return self }
        return keeping(Set(files.filter { Self.shardIndex(of: relativePath($0), shards: n) == k }))
    }

    /// The part of the corpus made of the files in `keep` (a plan keeps its files among them, and
    /// is dropped when it has none).
    public func keeping(_ keep: Set<String>) -> CorpusPlan {
        var part = self
        part.files = files.filter(keep.contains)
        part.plans = plans.compactMap { plan in
            var p = plan
            p.files = plan.files.filter(keep.contains)
            return p.files.isEmpty ? nil : p
        }
        return part
    }

    /// The path of `file` relative to the corpus folder.
    public func relativePath(_ file: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// The shard (1-based) of a relative path: FNV-1a 64 of its UTF-8 bytes, modulo `shards`.
    public static func shardIndex(of relativePath: String, shards: Int) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in relativePath.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(h % UInt64(shards)) + 1
    }

    /// File extensions of tables and settings, never scored when walking a folder (named in a
    /// warning): a manifest, a lexicon, a spreadsheet.
    public static let metadataExtensions: Set<String> = ["csv", "yaml", "yml", "tsv", "xlsx", "xls", "ods"]

    /// File extensions whose first bytes decide whether the file is read (council-data exports
    /// and XML publications are; sturing outputs, other JSON and metadata records are not, with a
    /// warning that says why).
    public static let sniffedExtensions: Set<String> = ["json", "jsonl", "ndjson", "xml"]

    /// Plans the run over `directory`, with an optional manifest. Symbolic links met while walking
    /// are followed only with `followLinks`; folders in `excluding` (the run's own output) and
    /// folders holding a sturing run.json are never read.
    public static func make(directory: String, manifest: Manifest?, followLinks: Bool = false,
                            excluding: [String] = []) throws(CorpusError) -> CorpusPlan {
        let walk = try listFiles(directory, skipping: manifest.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path },
                                 followLinks: followLinks, excluding: excluding)
        let found = walk.files
        var plans = [Plan](), files = [String](), failures = walk.failures, warnings = walk.warnings
        var notices = walk.notices
        func add(_ notice: Notice) { warnings.append(notice.message); notices.append(notice) }
        func planned() -> CorpusPlan {
            var corpus = CorpusPlan(plans: plans, files: files, failures: failures, warnings: warnings, directory: directory)
            corpus.notices = notices.isEmpty ? nil : notices
            return corpus
        }
        guard let manifest else {
            for path in found {
                var plan = Plan(municipality: displayName(path), files: [path])
                plan.unlisted = true
                plans.append(plan)
                files.append(path)
            }
            distinctNames(&plans).forEach(add)
            return planned()
        }
        let manifestName = URL(fileURLWithPath: manifest.path).lastPathComponent
        warnings += manifest.warnings.map { "\(manifestName): \($0)" }
        for p in manifest.problems {
            failures.append(FileFailure(file: "\(manifestName):\(p.line)", error: "\(p.message) (the row is skipped)"))
        }
        let foundSet = Set(found.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var used = Set<String>()
        var index = [String: Int]()
        var metadataSeen = [String: Plan]()
        var realOf = [String: (file: String, line: Int)]()
        let corpusRoot = realPath(directory) ?? directory
        // Found files by their lowercased path relative to the folder, for names that differ only in case.
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        var byFoldedName = [String: [String]]()
        for path in found {
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            let relative = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : full
            byFoldedName[relative.lowercased(), default: []].append(path)
        }
        for row in manifest.rows {
            var resolved = resolve(row.file, directory: directory, manifestPath: manifest.path)
            if resolved == nil, let same = byFoldedName[row.file.lowercased()] {
                if same.count == 1 {
                    resolved = same[0]
                    add(.caseMismatch(manifest: manifestName, line: row.line, file: row.file, matched: same[0]))
                } else {
                    failures.append(FileFailure(file: row.file, error: "listed in \(manifestName) (line \(row.line)) but not found; when case is ignored it matches several files (\(same.sorted().joined(separator: ", "))): write the name exactly"))
                    continue
                }
            }
            guard let path = resolved else {
                failures.append(FileFailure(file: row.file, error: "listed in \(manifestName) (line \(row.line)) but not found in \(directory) (check the file name and folder)"))
                continue
            }
            // Nothing outside the corpus is read: not through "../", an absolute path or a link.
            guard let real = realPath(path), real == corpusRoot || real.hasPrefix(corpusRoot.hasSuffix("/") ? corpusRoot : corpusRoot + "/") else {
                failures.append(FileFailure(file: row.file, error: "listed in \(manifestName) (line \(row.line)) but it lies outside the corpus folder \(directory) (copy the file into the folder; nothing outside it is read)"))
                continue
            }
            if let first = realOf[real] {
                add(.sameFileTwice(manifest: manifestName, line: row.line, file: row.file, first: first.file, firstLine: first.line))
                continue
            }
            realOf[real] = (row.file, row.line)
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            used.insert(key)
            files.append(path)
            let name = row.plan.municipality
            if let i = index[name] {
                plans[i].files.append(path)
                if let first = metadataSeen[name], conflicts(first, row.plan) {
                    add(.conflictingRow(manifest: manifestName, line: row.line, plan: name))
                }
            } else {
                index[name] = plans.count
                metadataSeen[name] = row.plan
                var plan = row.plan
                plan.files = [path]
                plans.append(plan)
            }
        }
        for path in found where !used.contains(URL(fileURLWithPath: path).standardizedFileURL.path) && foundSet.contains(URL(fileURLWithPath: path).standardizedFileURL.path)
            && !(realPath(path).map { realOf[$0] != nil } ?? false) {
            let name = displayName(path)
            add(.notInManifest(path, manifest: manifestName, plan: name))
            var plan = Plan(municipality: name, files: [path])
            plan.unlisted = true
            plans.append(plan)
            files.append(path)
        }
        distinctNames(&plans).forEach(add)
        return planned()
    }

    /// Gives unlisted plans that share a name with another plan (bgr.html and bgr.xml) the file
    /// name in brackets ("bgr (bgr.html)"), so no two rows of the tables are named alike; returns
    /// a warning per name. Plans named by the manifest keep their names.
    public static func distinctNames(_ plans: inout [Plan]) -> [Notice] {
        var byName = [String: [Int]]()
        for (i, p) in plans.enumerated() { byName[p.municipality.lowercased(), default: []].append(i) }
        var notices = [Notice]()
        for (_, indices) in byName.sorted(by: { $0.value[0] < $1.value[0] }) where indices.count > 1 {
            let renamed = indices.filter { plans[$0].unlisted == true && plans[$0].files.count == 1 }
            guard !renamed.isEmpty else { continue }
            let name = plans[indices[0]].municipality
            for i in renamed { plans[i].municipality = "\(plans[i].municipality) (\(URL(fileURLWithPath: plans[i].files[0]).lastPathComponent))" }
            let files = indices.flatMap { plans[$0].files }.map { URL(fileURLWithPath: $0).lastPathComponent }
            notices.append(.sameName(files, plan: name, renamed: renamed.map { plans[$0].municipality }))
        }
        return notices
    }

    static func conflicts(_ a: Plan, _ b: Plan) -> Bool {
        (b.category != nil && a.category != b.category) || (b.region != nil && a.region != b.region)
            || (b.province != nil && a.province != b.province)
    }

    /// The plan name for a file without a manifest row: the file name without extension.
    public static func displayName(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    static func resolve(_ file: String, directory: String, manifestPath: String) -> String? {
        // Kept relative when the user's paths are relative, so outputs show "Corpus/plan.pdf".
        let candidates = file.hasPrefix("/") ? [file] : [
            (directory as NSString).appendingPathComponent(file),
            ((manifestPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(file),
        ]
        var st = stat()
        return candidates.first { lstat($0, &st) == 0 }
    }

    /// The canonical absolute path (links resolved), or nil when it cannot be resolved (missing,
    /// broken link, loop).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What walking the folder found.
    struct Walk {
        var files = [String]()
        /// Tables and settings files found (named in one warning).
        var skippedTables = [String]()
        var failures = [FileFailure]()
        var warnings = [String]()
        var notices = [Notice]()
        /// Adds a warning with its values.
        mutating func add(_ notice: Notice) { warnings.append(notice.message); notices.append(notice) }
    }

    /// Regular files below `directory` (recursive), sorted; hidden files and folders, READMEs, the
    /// manifest, metadata files and sturing's own output folders are skipped. Symbolic links are
    /// followed only with `followLinks` (a link loop is reported, never followed); broken links are
    /// kept so they are reported; folders that cannot be read are reported.
    static func listFiles(_ directory: String, skipping manifest: String?, followLinks: Bool,
                          excluding: [String]) throws(CorpusError) -> Walk {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) else {
            throw CorpusError(message: "\(directory): folder not found (give the folder with the plans)")
        }
        guard isDir.boolValue else {
            throw CorpusError(message: "\(directory): not a folder (use `sturing score FILE` for single files)")
        }
        guard opendir(directory).map({ closedir($0); return true }) ?? false else {
            throw CorpusError(message: "\(directory): cannot list the folder: \(String(cString: strerror(errno))) (check its permissions)")
        }
        let excluded = Set(excluding.compactMap(realPath))
        var walk = Walk()
        var visited = Set<String>()  // real paths of folders entered, to catch link loops
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory

        func visit(_ folder: String) {
            guard let real = realPath(folder) else { return }
            if excluded.contains(real) { return }
            if folder != base && RunMarker.isRunFolder(folder) { return }
            guard visited.insert(real).inserted else {
                walk.failures.append(FileFailure(file: folder, error: "symbolic link loop: this folder was already read through another path (remove the link, or run without --follow-links)"))
                return
            }
            guard let dir = opendir(folder) else {
                walk.failures.append(FileFailure(file: folder, error: "cannot read the folder: \(String(cString: strerror(errno))) (check its permissions; its plans are not scored)"))
                return
            }
            var names = [String]()
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." || name.hasPrefix(".") { continue }
                names.append(name)
            }
            closedir(dir)
            for name in names.sorted() {
                let path = folder + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                var mode = st.st_mode & S_IFMT
                if mode == S_IFLNK {
                    guard followLinks else {
                        walk.add(.linkNotFollowed(path))
                        continue
                    }
                    var target = stat()
                    if stat(path, &target) != 0 {
                        // Broken link or loop: listed, so reading it reports the problem.
                        walk.files.append(path)
                        continue
                    }
                    mode = target.st_mode & S_IFMT
                }
                if mode == S_IFDIR {
                    visit(path)
                    continue
                }
                if name.lowercased().hasPrefix("readme") { continue }
                if let manifest, URL(fileURLWithPath: path).standardizedFileURL.path == manifest { continue }
                let ext = (name as NSString).pathExtension.lowercased()
                if metadataExtensions.contains(ext) {
                    walk.skippedTables.append(path)
                    continue
                }
                if sniffedExtensions.contains(ext), let head = DocumentReader.head(path: path, count: 16_384),
                   let why = FileSniffer.notADocument(head) {
                    walk.warnings.append("\(path) is not read: \(why)")
                    continue
                }
                walk.files.append(path)
            }
        }
        visit(base)
        walk.files.sort()
        if !walk.skippedTables.isEmpty {
            let names = walk.skippedTables.sorted()
            walk.add(.notReadAsPlans(Array(names.prefix(5)), of: names.count))
        }
        return walk
    }
}

/// A corpus that cannot be analysed at all (exit code 2).
public struct CorpusError: UserError, Sendable {
    /// What is wrong and what to do.
    public var message: String
    public var description: String { message }
}
