import ArgumentParser
import Performa
import PerformaFormats
import PerformaReports

struct TreeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree",
        abstract: "Mostra l'albero della performance come testo rientrato, o lo disegna in SVG."
    )

    @Argument(help: "Il file del piano (YAML o JSON).")
    var plan: String

    @Option(name: .long, help: "Scrive l'albero in SVG in questo file invece di stamparlo come testo.")
    var svg: String?

    @Option(name: .long, help: "Colorazione dell'SVG: aree (per area strategica) oppure dirigenti (obiettivi trasversali).")
    var colouring: Colouring = .aree

    enum Colouring: String, ExpressibleByArgument, CaseIterable { case aree, dirigenti }

    func run() async throws {
        let loaded = try CommandSupport.loadPlan(plan)
        if let svg {
            let picture = PerformanceTreeSVG(plan: loaded, colouring: colouring == .aree ? .byArea : .byManager).render()
            try CommandSupport.write(picture, to: svg)
        } else {
            print(TreeText.render(loaded), terminator: "")
        }
    }
}
