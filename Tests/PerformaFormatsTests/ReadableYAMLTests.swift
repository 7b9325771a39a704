import Foundation
import Performa
import Testing
@testable import PerformaFormats

@Suite("Plan and results files written for people: plain numbers, accented letters as they are")
struct ReadableYAMLTests {
    @Test("the Brescia plan written back has weights as 50 and 12.5, accents unescaped, and reads back the same")
    func bresciaPlan() throws {
        let plan = try TestFiles.brescia()
        let text = try PlanFile.yaml(plan)
        #expect(!text.contains("e+"), "no scientific notation")
        #expect(!text.contains("\\x") && !text.contains("\\u"), "no escapes of accented letters")
        #expect(text.contains("weight: 50\n") || text.contains("weight: 50 "))
        #expect(text.contains("Attività") || text.contains("attività"))
        #expect(try PlanFile.read(text) == plan)
    }

    @Test("odd numbers keep their value: fractions, tiny and negative numbers", arguments: [12.5, 0.1, 1.0 / 3.0, 0.000001, -7.25, 33.333333333333336])
    func numbers(_ number: Double) throws {
        let text = ReadableYAML.decimal(number)
        #expect(Double(text) == number, "\(text)")
        #expect(!text.contains("e+"))
    }

    @Test("results written back read the same, accents and all")
    func results() throws {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let text = try ResultsFile.yaml(results)
        #expect(!text.contains("\\x") && !text.contains("e+"))
        #expect(try ResultsFile.read(text, plan: plan) == results)
    }
}
