import Foundation
import SturingCore

/// What a corpus run will do: the plans, the files to score (in a fixed order), and the problems
/// found before scoring (manifest rows without a file, malformed rows).
public struct CorpusPlan: Sendable {
    /// Plans in output order (manifest order, then files not in the manifest, by path).
    public var plans: [Plan]
    /// Every file to score, once, in a fixed order.
    public var files: [String]
    /// Problems found while planning; they are reported as errors.
    public var failures: [FileFailure]
    /// Remarks that do not stop anything (files not in the manifest, ignored columns).
    public var warnings: [String]

    /// File extensions that hold metadata, not plans, and are never scored when walking a folder.
    public static let metadataExtensions: Set<String> = ["csv", "json", "jsonl", "yaml", "yml", "md", "tsv", "xlsx", "xls", "ods"]

    /// Plans the run over `directory`, with an optional manifest.
    public static func make(directory: String, manifest: Manifest?) throws(CorpusError) -> CorpusPlan {
        let found = try listFiles(directory, skipping: manifest.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path })
        var plans = [Plan](), files = [String](), failures = [FileFailure](), warnings = [String]()
        guard let manifest else {
            for path in found {
                plans.append(Plan(municipality: displayName(path), files: [path]))
                files.append(path)
            }
            return CorpusPlan(plans: plans, files: files, failures: [], warnings: [])
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
        for row in manifest.rows {
            guard let path = resolve(row.file, directory: directory, manifestPath: manifest.path) else {
                failures.append(FileFailure(file: row.file, error: "listed in \(manifestName) (line \(row.line)) but not found in \(directory) (check the file name and folder)"))
                continue
            }
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            used.insert(key)
            files.append(path)
            let name = row.plan.municipality
            if let i = index[name] {
                plans[i].files.append(path)
                if let first = metadataSeen[name], conflicts(first, row.plan) {
                    warnings.append("\(manifestName) line \(row.line): \(name) has other category/region/province than on an earlier row; the first row is used")
                }
            } else {
                index[name] = plans.count
                metadataSeen[name] = row.plan
                var plan = row.plan
                plan.files = [path]
                plans.append(plan)
            }
        }
        for path in found where !used.contains(URL(fileURLWithPath: path).standardizedFileURL.path) && foundSet.contains(URL(fileURLWithPath: path).standardizedFileURL.path) {
            let name = displayName(path)
            warnings.append("\(path) is not in \(manifestName): scored as its own plan '\(name)' without category, region or province (add a row to the manifest)")
            plans.append(Plan(municipality: index[name] == nil ? name : "\(name) (\(URL(fileURLWithPath: path).lastPathComponent))", files: [path]))
            files.append(path)
        }
        return CorpusPlan(plans: plans, files: files, failures: failures, warnings: warnings)
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
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Regular files below `directory` (recursive), sorted; hidden files, READMEs, the manifest
    /// and metadata files are skipped. Broken links and loops are kept so they are reported.
    static func listFiles(_ directory: String, skipping manifest: String?) throws(CorpusError) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) else {
            throw CorpusError(message: "\(directory): folder not found (give the folder with the plans)")
        }
        guard isDir.boolValue else {
            throw CorpusError(message: "\(directory): not a folder (use `sturing score FILE` for single files)")
        }
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw CorpusError(message: "\(directory): cannot list the folder (check its permissions)")
        }
        var result = [String]()
        for case let url as URL in walker {
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                if url.lastPathComponent == "Output" || url.lastPathComponent.hasPrefix(".") { walker.skipDescendants() }
                continue
            }
            let name = url.lastPathComponent
            if name.lowercased().hasPrefix("readme") || metadataExtensions.contains(url.pathExtension.lowercased()) { continue }
            if let manifest, url.standardizedFileURL.path == manifest { continue }
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : name
            result.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
        }
        return result.sorted()
    }
}

/// A corpus that cannot be analysed at all (exit code 2).
public struct CorpusError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var message: String
    public var description: String { message }
}
