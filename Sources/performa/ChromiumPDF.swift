import Foundation

/// Prints an HTML document to PDF with headless Chromium, when it is installed (Debian `chromium`).
/// The document is written to a private temporary folder, printed there, and the PDF moved into place
/// only when Chromium produced one: a failed print never leaves a half-written file behind.
enum ChromiumPDF {
    /// Commands tried, in order, on the `PATH`.
    static let candidates = ["chromium", "chromium-browser", "google-chrome"]

    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(status: Int32, detail: String)
        case timedOut(seconds: Int)
        case io(String)

        var description: String {
            switch self {
            case .notInstalled:
                return "per creare il PDF serve Chromium (comando chromium, chromium-browser o google-chrome), che non è installato "
                    + "o non è nel PATH. Installarlo (su Debian: apt-get install chromium, oppure bash .ci/install-chromium.sh) "
                    + "o usare --format html e stampare la pagina dal browser."
            case .failed(let status, let detail):
                return "Chromium non ha prodotto il PDF (stato di uscita \(status))." + (detail.isEmpty ? "" : " Dettagli: \(detail)")
            case .timedOut(let seconds):
                return "Chromium non ha terminato la stampa entro \(seconds) secondi."
            case .io(let message):
                return message
            }
        }
    }

    /// The first browser found on the `PATH`, as an absolute path.
    static func browser(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        let folders = (path ?? "").split(separator: ":").map(String.init)
        for name in candidates {
            for folder in folders where !folder.isEmpty {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    static func print(html: String, to output: URL, timeoutSeconds: Int = 300) throws(Failure) {
        guard let browser = browser() else { throw .notInstalled }
        let fileManager = FileManager.default
        let work = fileManager.temporaryDirectory.appendingPathComponent("performa-pdf-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: work) }
        let page = work.appendingPathComponent("documento.html")
        let pdf = work.appendingPathComponent("documento.pdf")
        let log = work.appendingPathComponent("chromium.log")
        do {
            try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
            _ = fileManager.createFile(atPath: log.path, contents: nil)
        } catch {
            throw .io("impossibile preparare la cartella temporanea per il PDF (\(error.localizedDescription))")
        }

        let process = Process()
        process.executableURL = browser
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            // A private profile per run: concurrent prints never share (or lock) one.
            "--user-data-dir=\(work.appendingPathComponent("profilo").path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        process.standardInput = FileHandle.nullDevice
        let logHandle: FileHandle
        do {
            logHandle = try FileHandle(forWritingTo: log)
        } catch {
            throw .io("impossibile aprire il registro di Chromium (\(error.localizedDescription))")
        }
        defer { try? logHandle.close() }
        process.standardOutput = logHandle
        process.standardError = logHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .io("impossibile avviare Chromium (\(browser.path)): \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + .seconds(5))
            throw .timedOut(seconds: timeoutSeconds)
        }
        let produced = (try? Data(contentsOf: pdf, options: .mappedIfSafe)).map { $0.starts(with: Array("%PDF".utf8)) } ?? false
        guard process.terminationStatus == 0, produced else {
            let detail = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let lines = detail.split(separator: "\n").filter { !$0.contains("dbus") }.suffix(5).joined(separator: " | ")
            throw .failed(status: process.terminationStatus, detail: lines)
        }
        do {
            if fileManager.fileExists(atPath: output.path) { try fileManager.removeItem(at: output) }
            try fileManager.moveItem(at: pdf, to: output)
        } catch {
            // A move across file systems fails; copy instead.
            do {
                try fileManager.copyItem(at: pdf, to: output)
            } catch {
                throw .io("impossibile scrivere «\(output.path)» (\(error.localizedDescription))")
            }
        }
    }
}
