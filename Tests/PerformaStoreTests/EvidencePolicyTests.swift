import Foundation
import Testing
@testable import PerformaStore

@Suite("Evidence policy")
struct EvidencePolicyTests {
    let policy = EvidencePolicy(maximumBytes: 1_000)

    @Test("accepted kinds are recognised by name and content; the MIME type stored is the canonical one")
    func accepts() throws {
        let cases: [(String, String, [UInt8], String)] = [
            ("verbale.pdf", "application/pdf", Array("%PDF-1.4".utf8), "application/pdf"),
            ("foto.JPG", "image/pjpeg", [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"),
            ("grafico.png", "application/octet-stream", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
            ("tabella.xlsx", "", [0x50, 0x4B, 0x03, 0x04, 0x14], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("vecchio.doc", "application/msword", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "application/msword"),
            ("dati.csv", "text/plain; charset=utf-8", Array("anno;valore\n2021;1.489\n".utf8), "text/csv"),
            ("determina.pdf.p7m", "application/pkcs7-mime", [0x30, 0x80, 0x06, 0x09], "application/pkcs7-mime"),
        ]
        for (name, declared, bytes, stored) in cases {
            let checked = try policy.check(EvidenceUpload(fileName: name, contentType: declared, data: Data(bytes)))
            #expect(checked.contentType == stored && checked.fileName == name)
        }
        // Only the last path component of a file name is kept.
        #expect(try policy.check(EvidenceUpload(fileName: "../../segreti/relazione.pdf", contentType: "application/pdf", data: Data("%PDF-".utf8))).fileName == "relazione.pdf")
    }

    @Test("empty, too large, unknown, mislabelled and disguised files are refused in Italian")
    func refuses() {
        func message(_ name: String, _ declared: String, _ bytes: [UInt8]) -> String? {
            do {
                _ = try policy.check(EvidenceUpload(fileName: name, contentType: declared, data: Data(bytes)))
                return nil
            } catch {
                return error.description
            }
        }
        #expect(message("vuoto.pdf", "application/pdf", []) == "Il documento «vuoto.pdf» è vuoto.")
        #expect(message("grande.pdf", "application/pdf", Array(repeating: 0x25, count: 2_000)) == "Il documento «grande.pdf» pesa 1,96 kB e supera il limite di 1.000 byte.")
        #expect(message("script.sh", "text/plain", Array("#!/bin/sh".utf8))?.hasPrefix("Tipo di documento non ammesso: «script.sh». Sono ammessi PDF") == true)
        #expect(message("falso.pdf", "application/pdf", [0x4D, 0x5A, 0x90, 0x00]) == "Il contenuto di «falso.pdf» non è del tipo indicato dal nome (PDF).")
        #expect(message("foto.png", "application/pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
                == "Il documento «foto.png» è dichiarato come «application/pdf», ma il nome indica un altro tipo (immagine PNG).")
        #expect(message("binario.csv", "text/csv", [0x61, 0x00, 0x62]) == "Il contenuto di «binario.csv» non è del tipo indicato dal nome (CSV).")
        #expect(message("  ", "application/pdf", Array("%PDF-".utf8)) == "Il documento non ha un nome di file.")
        #expect(EvidencePolicy.size(10 * 1_048_576 + 1) == "10,01 MB" && EvidencePolicy.size(10 * 1_048_576) == "10 MB")
    }
}
