import Foundation
import Testing
import Performa
@testable import PerformaFormats

@Suite("Results file")
struct ResultsFileTests {
    @Test("the illustrative 2021 results read and are marked illustrative")
    func readsIllustrative() throws {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        #expect(results.illustrative == true)
        // Every indicator with a 31/12 2021 target is measured or neutralised.
        let measured = Set(results.measurements.filter { $0.at == .yearEnd(2021) }.map(\.indicator))
        let neutralised = Set((results.neutralisations ?? []).map(\.indicator))
        for (key, indicator, _) in PlanIndex(plan).indicators {
            guard let entry = indicator.target(at: .yearEnd(2021)), entry.target.kind.isApplicable else { continue }
            #expect(measured.contains(key) || neutralised.contains(key), "\(key) has no 31/12 value")
        }
    }

    func results(_ body: String) -> String {
        "format: performa-results/1\nplan: cciaa-brescia-2021-2023\nmeasurements:\n" + body
    }

    @Test("a value unsuited to its indicator is refused with its line and an Italian message")
    func unsuitedValue() throws {
        let plan = try TestFiles.brescia()
        let text = results("""
          - indicator: "1.1.2/1"
            at: 2021-12-31
            value: "1.489"
          - indicator: "3.1.1/1"
            at: 2021-12-31
            value: "12"
        """)
        #expect {
            _ = try ResultsFile.read(text, plan: plan, fileName: "r.yaml")
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.line == 9 && error.field == "measurements[2].value" && error.message.contains("SI oppure NO")
        }
    }

    @Test("an unknown indicator or a checkpoint without target is refused")
    func unknownIndicator() throws {
        let plan = try TestFiles.brescia()
        #expect(throws: FileError.self) {
            _ = try ResultsFile.read(results("  - {indicator: \"9.9.9/1\", at: 2021-12-31, value: \"1\"}\n"), plan: plan)
        }
        #expect {
            _ = try ResultsFile.read(results("  - {indicator: \"1.1/1\", at: 2021-06-30, value: \"SI\"}\n"), plan: plan)
        } throws: { error in
            (error as? FileError)?.message.contains("non ha un target al 30/06/2021") == true
        }
        #expect {
            _ = try ResultsFile.read(results("  - {indicator: \"1.1/1\", at: 2021-12-31, value: \"forse\"}\n"), plan: plan)
        } throws: { error in
            (error as? FileError)?.message.contains("Valore non leggibile") == true
        }
    }

    @Test("a correction appends: the last value counts and the history keeps both")
    func corrections() throws {
        let plan = try TestFiles.brescia()
        let text = results("""
          - {indicator: "1.2.1/4", at: 2021-12-31, value: "8", author: "ziletti"}
          - {indicator: "1.2.1/4", at: 2021-12-31, value: "10", author: "ziletti", note: "Corretto: conteggiato il focus di dicembre"}
        """)
        let read = try ResultsFile.read(text, plan: plan)
        let key = IndicatorKey(objective: "1.2.1", number: 4)
        #expect(read.current(key, at: .yearEnd(2021))?.text == "10")
        #expect(read.history(key, at: .yearEnd(2021)).map(\.text) == ["8", "10"])
        let card = Scorer(plan: plan).scorecard(results: read, at: .yearEnd(2021))
        #expect(card.indicator(key)?.score.final == 1)
    }
}
