import Foundation
import Performa
import SQLKit

extension SQLStore {
    public func attachEvidence(_ context: AccessContext, planID: String, indicator: IndicatorKey, at: Day, _ upload: EvidenceUpload) async throws -> EvidenceFile {
        let (fileName, contentType) = try evidencePolicy.check(upload)
        return try await write(context) { scope in
            let rules = try await scope.recordingRules(planID, only: indicator)
            _ = try rules.checkSlot(indicator, at: at)
            let file = EvidenceFile(id: SortableID.make(), planID: planID, indicator: indicator, at: at, fileName: fileName, contentType: contentType,
                                    size: upload.data.count, sha256: Digest.sha256(upload.data), uploadedBy: scope.context.user, uploadedAt: scope.now)
            try await scope.db.raw("""
                INSERT INTO evidence_files (organization_id, evidence_id, plan_id, indicator_key, checkpoint, file_name, content_type, size_bytes,
                                            sha256, content, uploaded_by, uploaded_at, row_version)
                VALUES (\(bind: scope.organization), \(bind: file.id), \(bind: planID), \(bind: indicator.description), \(bind: at.description), \
                \(bind: fileName), \(bind: contentType), \(bind: file.size), \(bind: file.sha256), \(bind: upload.data), \(bind: file.uploadedBy), \
                \(bind: scope.nowText), 1)
                """).run()
            try await scope.audit("create", "evidence", file.id, before: nil, after: file)
            return file
        }
    }

    public func evidenceFiles(_ context: AccessContext, planID: String, indicator: IndicatorKey?, at: Day?) async throws -> [EvidenceFile] {
        try await read(context) { scope in
            let indicatorFilter: SQLQueryString = indicator.map { "AND indicator_key = \(bind: $0.description)" } ?? ""
            let dayFilter: SQLQueryString = at.map { "AND checkpoint = \(bind: $0.description)" } ?? ""
            return try await scope.db.raw("""
                SELECT \(unsafeRaw: Self.evidenceColumns) FROM evidence_files
                WHERE organization_id = \(bind: scope.organization) AND plan_id = \(bind: planID) AND removed_at IS NULL \(indicatorFilter) \(dayFilter)
                ORDER BY evidence_id
                """).all().map(Self.evidence)
        }
    }

    public func evidenceContent(_ context: AccessContext, id: String) async throws -> (file: EvidenceFile, data: Data) {
        try await read(context) { scope in
            guard let row = try await scope.db.raw("""
                SELECT \(unsafeRaw: Self.evidenceColumns), content FROM evidence_files
                WHERE organization_id = \(bind: scope.organization) AND evidence_id = \(bind: id) AND removed_at IS NULL
                """).first() else { throw StoreError.notFound(subject: "il documento «\(id)»") }
            let file = try Self.evidence(row)
            let data = try row.decode(column: "content", as: Data.self)
            guard Digest.sha256(data) == file.sha256 else {
                throw StoreError.database("il contenuto del documento «\(file.fileName)» non corrisponde alla sua impronta SHA-256")
            }
            return (file, data)
        }
    }

    /// Hides a document from every listing. Its content stays in the database: evidence the OIV may have seen is
    /// never destroyed, and the audit log says who removed it.
    public func removeEvidence(_ context: AccessContext, id: String) async throws {
        try await write(context) { scope in
            guard let row = try await scope.db.raw("""
                SELECT \(unsafeRaw: Self.evidenceColumns) FROM evidence_files
                WHERE organization_id = \(bind: scope.organization) AND evidence_id = \(bind: id) AND removed_at IS NULL
                """).first() else { throw StoreError.notFound(subject: "il documento «\(id)»") }
            let file = try Self.evidence(row)
            let rules = try await scope.recordingRules(file.planID, only: file.indicator)
            _ = try rules.checkSlot(file.indicator, at: file.at)
            guard try await scope.db.raw("""
                UPDATE evidence_files SET removed_by = \(bind: scope.context.user), removed_at = \(bind: scope.nowText), row_version = row_version + 1
                WHERE organization_id = \(bind: scope.organization) AND evidence_id = \(bind: id) AND removed_at IS NULL
                RETURNING evidence_id
                """).first() != nil else { throw StoreError.concurrentWrite }
            try await scope.audit("delete", "evidence", id, before: file, after: nil)
        }
    }

    static let evidenceColumns = "evidence_id, plan_id, indicator_key, checkpoint, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at"

    static func evidence(_ row: any SQLRow) throws -> EvidenceFile {
        EvidenceFile(id: try row.text("evidence_id"), planID: try row.text("plan_id"), indicator: try row.indicatorKey("indicator_key"),
                     at: try row.day("checkpoint"), fileName: try row.text("file_name"), contentType: try row.text("content_type"),
                     size: try row.integer("size_bytes"), sha256: try row.text("sha256"), uploadedBy: try row.text("uploaded_by"),
                     uploadedAt: try row.time("uploaded_at"))
    }
}
