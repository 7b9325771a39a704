import Foundation
import Logging

/// Bootstrap Italia's CSS, JavaScript, fonts and icon sprite, fetched by `scripts/fetch-ui-assets.sh` into a
/// git-ignored folder and served under `/static/bootstrap-italia`. The application's own stylesheet (fonts and a
/// few rules for the SVG pictures) is in the module's resources, under `/static/performa`.
enum UIAssets {
    static let urlBase = "/static/bootstrap-italia"
    static let ownURLBase = "/static/performa"
    static let sprites = urlBase + "/svg/sprites.svg"
    static let requiredFiles = ["css/bootstrap-italia.min.css", "js/bootstrap-italia.bundle.min.js", "svg/sprites.svg", "fonts"]

    /// Paths of static files, which need neither a session nor a CSRF cookie.
    static func isStatic(_ path: String) -> Bool { path.hasPrefix("/static/") }

    /// The files missing from `folder`; empty when everything is there.
    static func missing(in folder: String) -> [String] {
        requiredFiles.filter { !FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent($0).path) }
    }

    /// Logs, in Italian, what is missing: the server still starts (pages are plain HTML and stay usable).
    static func check(folder: String, logger: Logger) {
        let missing = missing(in: folder)
        guard !missing.isEmpty else {
            logger.info("risorse grafiche Bootstrap Italia trovate", metadata: ["cartella": "\(folder)"])
            return
        }
        logger.warning(
            "Risorse grafiche di Bootstrap Italia mancanti: le pagine funzionano ma senza stile. Eseguire «bash scripts/fetch-ui-assets.sh» e riavviare.",
            metadata: ["cartella": "\(folder)", "mancanti": "\(missing.joined(separator: ", "))"])
    }
}
