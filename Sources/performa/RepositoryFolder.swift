import Foundation

/// Where `performa serve` finds the demo files and Bootstrap Italia's assets when no option names them: the relative
/// path under the working directory or under any folder above it, else under any folder above the executable (a
/// build's `.build/debug/performa` lives inside the repository). So `--demo` works from wherever it is started.
enum RepositoryFolder {
    /// The first `relative` folder that holds `marker`, looking up from the working directory, then from the
    /// executable; nil when there is none.
    static func locate(_ relative: String, marker: String) -> URL? {
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                      URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent(relative)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
