import Foundation
import Logging
import PerformaServer
import Synchronization
import Testing

/// The server's log handler writes what `StreamLogHandler` writes, with the metadata of the moment of the line.
@Suite("Log handler")
struct DeferredMetadataLogHandlerTests {
    final class Lines: TextOutputStream, Sendable {
        let text = Mutex("")
        func write(_ string: String) { text.withLock { $0 += string } }
    }

    @Test("a line carries the metadata set last; below the level nothing is written")
    func metadataAtTheLine() {
        let lines = Lines()
        var logger = Logger(label: "prova") { label in
            DeferredMetadataLogHandler(StreamLogHandler(label: label, stream: lines, metadataProvider: nil))
        }
        logger.logLevel = .info
        for n in 1...3 { logger[metadataKey: "hb.request.id"] = "\(n)" }
        logger.debug("non scritto")
        logger.info("scritto", metadata: ["percorso": "/livez"])
        let text = lines.text.withLock { $0 }
        #expect(!text.contains("non scritto"))
        #expect(text.contains("info prova: hb.request.id=3 percorso=/livez [") && text.hasSuffix("scritto\n"), "\(text)")
        #expect(logger[metadataKey: "hb.request.id"] == "3" && logger.logLevel == .info)
    }
}
