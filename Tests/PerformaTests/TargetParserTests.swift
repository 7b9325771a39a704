import Testing
@testable import Performa

/// Every distinct target and baseline text of the seed plan (CCIAA Brescia, Piano della Performance
/// 2021–2023, `seed/000_577f61ae6b7c0645.txt`), with the kind it must parse to (DESIGN.md §3).
///
/// Collected from: the summary tables (strategic 2021/2022/2023 columns and operational 31/12
/// column), the 30/6 and 31/12 columns of every operational sheet, the per-year columns of every
/// strategic sheet, the three Pro Brixia sheets, and every "Target storico riferimento" (baseline)
/// cell. Cells that wrap over lines in the text are joined with one space. Weights (`Peso %`) are
/// not targets and are left out. Spelling, case and typos are the seed's own (`camerale`/`camerali`,
/// `coinvolgono o altre`, `start-up neo costituite` / `start up neocostituite`).
let seedTargetTable: [(String, TargetKind)] = [
    // MARK: not applicable — no target (or no baseline) for that period
    ("-", .notApplicable),
    ("--", .notApplicable),                      // Pro Brixia 1, indicator 2, 30/6
    ("NA", .notApplicable),                      // summary, strategic 2.2 indicator 2, 2021
    ("Non applicabile", .notApplicable),         // strategic 2.3 indicator 3, 2023 (cell wraps: "Non" / "applicabile")
    ("//", .notApplicable),                      // strategic 2.3 indicator 3, weight 2023
    // A baseline: the activity is new, so there is no history to compare with. Same meaning as a
    // baseline "-", hence not applicable rather than a milestone "reached" in the past.
    ("Nuova attività", .notApplicable),

    // MARK: yes / no
    ("SI", .yesNo(true)),
    ("si", .yesNo(true)),                        // summary, 3.2.2
    ("SI (avvio prototipo a seguito esito studio)", .yesNo(true)),
    ("SI (avvio a regime)", .yesNo(true)),

    // MARK: at least a count (unit = the words after the number)
    ("1489", .atLeast(1489, unit: nil)),
    ("1171", .atLeast(1171, unit: nil)),
    ("789", .atLeast(789, unit: nil)),
    ("1050", .atLeast(1050, unit: nil)),
    ("1000", .atLeast(1000, unit: nil)),
    // The parenthesis says over which period the count runs; it is not a unit.
    ("1800 (totali nell'anno)", .atLeast(1800, unit: nil)),
    ("1832 (totali nell'anno)", .atLeast(1832, unit: nil)),
    ("n. 70", .atLeast(70, unit: nil)),
    ("n. 80", .atLeast(80, unit: nil)),
    ("70", .atLeast(70, unit: nil)),
    ("80", .atLeast(80, unit: nil)),
    ("800", .atLeast(800, unit: nil)),
    ("110", .atLeast(110, unit: nil)),
    ("90", .atLeast(90, unit: nil)),
    ("40", .atLeast(40, unit: nil)),
    ("18", .atLeast(18, unit: nil)),             // baseline
    ("183", .atLeast(183, unit: nil)),           // baseline
    ("10", .atLeast(10, unit: nil)),
    ("6", .atLeast(6, unit: nil)),
    ("5", .atLeast(5, unit: nil)),
    ("4", .atLeast(4, unit: nil)),               // target 30/6 and baseline
    ("3", .atLeast(3, unit: nil)),
    ("2", .atLeast(2, unit: nil)),               // baseline
    ("1", .atLeast(1, unit: nil)),               // baseline
    ("0", .atLeast(0, unit: nil)),               // baseline
    ("Almeno 100", .atLeast(100, unit: nil)),
    ("Almeno 4", .atLeast(4, unit: nil)),
    ("Almeno 1 servizio innovativo", .atLeast(1, unit: "servizio innovativo")),
    ("Almeno 2 iniziative", .atLeast(2, unit: "iniziative")),
    ("1 servizio innovativo (TACI)", .atLeast(1, unit: "servizio innovativo")), // baseline; the parenthesis names it
    ("2 iniziative", .atLeast(2, unit: "iniziative")),
    ("2 regolamenti", .atLeast(2, unit: "regolamenti")),
    ("2 eventi", .atLeast(2, unit: "eventi")),   // baseline
    ("5 eventi", .atLeast(5, unit: "eventi")),
    ("40 controlli", .atLeast(40, unit: "controlli")),
    ("500 posizioni", .atLeast(500, unit: "posizioni")),
    ("1500 posizioni", .atLeast(1500, unit: "posizioni")),
    ("1.490 posizioni", .atLeast(1490, unit: "posizioni")), // baseline
    // Baseline with a footnote after `*`: the footnote explains the figure, it is not its unit.
    ("2698* si tratta della adesione ad eventi multisetoriali e non esclusivamente dedicati alla digitalizzazione, promossi direttamente dalla Camera o da altri attori convenzionati",
     .atLeast(2698, unit: nil)),
    ("miglioramento della qualità dell'informazione relativo ad almeno 3.000 imprese", .atLeast(3000, unit: "imprese")),
    ("miglioramento della qualità dell'informazione relativo ad almeno 3.500 imprese", .atLeast(3500, unit: "imprese")),
    // Baseline of the two texts above: the count that was reached, after `di`.
    ("miglioramento della qualità dell'informazione relativo di 13.375 imprese", .atLeast(13375, unit: "imprese")),
    ("esame di un campione di almeno 8.000 istanze di test sul Quality Check", .atLeast(8000, unit: "istanze di test sul Quality Check")),
    ("esame di un campione di almeno 4.000 istanze di test sul Quality Check", .atLeast(4000, unit: "istanze di test sul Quality Check")),
    // Baseline of the two texts above (cell wraps: "Esame di" / "un campione di 7.839 …").
    ("Esame di un campione di 7.839 istanze di test sul Quality Check", .atLeast(7839, unit: "istanze di test sul Quality Check")),

    // MARK: percentages to reach
    ("100%", .percentAtLeast(100)),
    ("100,00%", .percentAtLeast(100)),
    ("100,00 %", .percentAtLeast(100)),
    ("90%", .percentAtLeast(90)),
    ("80,00%", .percentAtLeast(80)),
    ("70%", .percentAtLeast(70)),
    ("60,00%", .percentAtLeast(60)),
    ("50%", .percentAtLeast(50)),
    ("50,00%", .percentAtLeast(50)),
    ("40,00%", .percentAtLeast(40)),
    ("35,00%", .percentAtLeast(35)),
    ("30,00%", .percentAtLeast(30)),
    // 30/6 target of 3.1.7 indicator 1: nothing is due by mid-year, but the seed states a level (0),
    // so it stays an applicable percentage; a zero target is handled explicitly by scoring.
    ("0,00%", .percentAtLeast(0)),
    ("Almeno il 70% dei voti oltre la media", .percentAtLeast(70)),
    ("Evasione tramite il \"pulsante evadi\" di almeno il 5% delle istanze pervenute", .percentAtLeast(5)),
    ("Mantenimento e incremento adesioni con start-up neo costituite (almeno il 30%)", .percentAtLeast(30)),
    ("Mantenimento e incremento adesioni con start up neocostituite (almeno il 30%)", .percentAtLeast(30)),
    ("20% sulle neocostituite", .percentAtLeast(20)),
    // Baselines: the percentage is the comparable figure; "corrispondente a N su M" only explains it.
    ("97,40% corrispondente a 2.922 su 3.000", .percentAtLeast(97.4)),
    ("80,77% corrispondente a 840 su 1.040", .percentAtLeast(80.77)),

    // MARK: reductions (lower is better)
    ("-5,00%", .change(-5)),
    ("-10,00%", .change(-10)),
    ("-6,25%", .change(-6.25)),                  // baseline

    // MARK: rate
    ("Minimo uno al giorno lavorativo per ciascuno dei tre social media camerali", .rate(1, per: "giorno lavorativo", channels: 3)),
    ("Minimo uno al giorno lavorativo per ciascuno dei tre social media camerale", .rate(1, per: "giorno lavorativo", channels: 3)),
    ("minimo uno al giorno lavorativo per ciascuno dei tre social media camerale", .rate(1, per: "giorno lavorativo", channels: 3)),

    // MARK: compound — every part must hold
    // The count in parentheses counts the thing named before the parenthesis: the joint visits.
    ("100% visite ispettive (almeno 20) che coinvolgono o altre autorità effettuate in modo congiunto",
     .compound([.percentAtLeast(100), .atLeast(20, unit: "visite ispettive")])),
    ("100% visite ispettive (almeno 30) che coinvolgono o altre autorità effettuate in modo congiunto",
     .compound([.percentAtLeast(100), .atLeast(30, unit: "visite ispettive")])),
    ("100% visite ispettive (almeno 20) che coinvolgono altre autorità effettuate in modo congiunto",
     .compound([.percentAtLeast(100), .atLeast(20, unit: "visite ispettive")])),
    ("100% visite ispettive (almeno 30) che coinvolgono altre autorità effettuate in modo congiunto",
     .compound([.percentAtLeast(100), .atLeast(30, unit: "visite ispettive")])),
    // "+20%" here is not a growth of 20% over something: it is a second share, 20% of the start-ups
    // constituted outside the Camera, beside 100% of those constituted in it. The operational sheet
    // of 2.1.2 states the same 31/12 target as "20% sulle neocostituite". So inside a compound of
    // percentages a "+N%" reads as percentAtLeast(N); a standalone "+20%" stays a change (tested below).
    ("100,00% in CCIAA +20% neo costituite extra Camera", .compound([.percentAtLeast(100), .percentAtLeast(20)])),

    // MARK: milestones — a stage to reach, no measurable quantity
    ("Avvio con azioni specifiche", .milestone("Avvio con azioni specifiche")),
    ("Completamento del percorso", .milestone("Completamento del percorso")),
    ("Studio ed avvio con azioni specifiche", .milestone("Studio ed avvio con azioni specifiche")),
    ("Indagine su alcuni servizi", .milestone("Indagine su alcuni servizi")),
    ("Indagine su altri servizi", .milestone("Indagine su altri servizi")),
    ("Predisposizione strutturata del circuito", .milestone("Predisposizione strutturata del circuito")),
    ("Predisposizione struttura del circuito", .milestone("Predisposizione struttura del circuito")),
    ("Studio di fattibilità, prototipo", .milestone("Studio di fattibilità, prototipo")),
    ("Avvio gruppi di lavoro", .milestone("Avvio gruppi di lavoro")),
    ("Formazione interna", .milestone("Formazione interna")),
    ("Nuova indagine", .milestone("Nuova indagine")),
    ("indagini", .milestone("indagini")),
    ("Bozza nuovi articoli", .milestone("Bozza nuovi articoli")),
    ("Definizione nuove prove", .milestone("Definizione nuove prove")),
    ("Avvio prima parte studio fattibilità", .milestone("Avvio prima parte studio fattibilità")), // baseline
    ("Analisi nell'anno ...", .milestone("Analisi nell'anno ...")),                             // baseline
]

/// The seed texts that state no measurable quantity: the only ones allowed to read as milestones.
let seedMilestoneTexts: Set<String> = [
    "Avvio con azioni specifiche", "Completamento del percorso", "Studio ed avvio con azioni specifiche",
    "Indagine su alcuni servizi", "Indagine su altri servizi", "Predisposizione strutturata del circuito",
    "Predisposizione struttura del circuito", "Studio di fattibilità, prototipo", "Avvio gruppi di lavoro",
    "Formazione interna", "Nuova indagine", "indagini", "Bozza nuovi articoli", "Definizione nuove prove",
    "Avvio prima parte studio fattibilità", "Analisi nell'anno ...",
]

/// The seed texts that mean "nothing for that period": the only ones allowed to read as not applicable.
let seedNotApplicableTexts: Set<String> = ["-", "--", "NA", "Non applicabile", "//", "Nuova attività"]

struct TargetParserTests {
    // MARK: the seed

    @Test("Every seed target text parses to its kind", arguments: seedTargetTable)
    func seedText(text: String, expected: TargetKind) {
        #expect(TargetParser.parse(text) == expected, "\(text)")
    }

    @Test func seedTableHasEveryTextOnce() {
        let texts = seedTargetTable.map(\.0)
        #expect(Set(texts).count == texts.count)
        #expect(texts.count == 102)
    }

    @Test func seedTextsAreApplicableAndMeasurableUnlessListed() {
        for (text, _) in seedTargetTable {
            let kind = TargetParser.parse(text)
            #expect(kind.isApplicable != seedNotApplicableTexts.contains(text), "\(text) → \(kind)")
            if case .milestone = kind {
                #expect(seedMilestoneTexts.contains(text), "\(text) read as a milestone")
            } else {
                #expect(!seedMilestoneTexts.contains(text), "\(text) should be a milestone, got \(kind)")
            }
        }
    }

    @Test func wrappedCellsReadLikeJoinedOnes() {
        #expect(TargetParser.parse("Minimo uno al giorno lavorativo per ciascuno dei tre social\n\n\tmedia camerali")
                == .rate(1, per: "giorno lavorativo", channels: 3))
        #expect(TargetParser.parse("Non\napplicabile") == .notApplicable)
        #expect(TargetParser.parse("  100,00%  ") == .percentAtLeast(100))
    }

    @Test func baselineExplanationsAddNoParts() {
        #expect(TargetParser.parse("97,40% corrispondente a 2.922 su 3.000").level == 97.4)
        #expect(TargetParser.parse("50% corrispondente a 10 su 20") == .percentAtLeast(50))
    }

    // MARK: signed percentages

    @Test func standalonePlusPercentIsAChange() {
        #expect(TargetParser.parse("+20%") == .change(20))
        #expect(TargetParser.parse("+20,00 %") == .change(20))
        #expect(TargetParser.parse("-5%") == .change(-5))
    }

    @Test func plusPercentBesideAnotherPercentageIsAShare() {
        #expect(TargetParser.parse("100% in sede +20% fuori sede") == .compound([.percentAtLeast(100), .percentAtLeast(20)]))
        // Two changes stay changes: there is no share to add to.
        #expect(TargetParser.parse("-5% costi +10% ricavi") == .compound([.change(-5), .change(10)]))
    }

    // MARK: shapes common in other plans

    @Test(arguments: [
        ("entro il 31.12.2021", Day(2021, 12, 31)),
        ("entro il 31/12/2021", Day(2021, 12, 31)),
        ("entro il 31 dicembre 2021", Day(2021, 12, 31)),
        ("Messa in rete entro il 31 dicembre 2021", Day(2021, 12, 31)),
        ("entro il 30.6.21", Day(2021, 6, 30)),
        ("lancio campagna entro il 31/12", Day(0, 12, 31)),
    ])
    func deadline(text: String, day: Day) {
        #expect(TargetParser.parse(text) == .deadline(day))
    }

    @Test func deadlineWithoutYearTakesThePlanYear() {
        let target = Target(parsing: "lancio campagna entro il 31/12").resolvingYear(2021)
        #expect(target.kind == .deadline(Day(2021, 12, 31)))
        #expect(target.text == "lancio campagna entro il 31/12")
    }

    @Test func ratio() {
        #expect(TargetParser.parse("n. pratiche evase / n. pratiche pervenute ≥ 95%")
                == .ratio(numerator: "n. pratiche evase", denominator: "n. pratiche pervenute", atLeastPercent: 95))
        #expect(TargetParser.parse("pratiche evase/pratiche pervenute >= 97,5%")
                == .ratio(numerator: "pratiche evase", denominator: "pratiche pervenute", atLeastPercent: 97.5))
    }

    @Test func upperBounds() {
        #expect(TargetParser.parse("massimo 5 giorni") == .atMost(5, unit: "giorni"))
        #expect(TargetParser.parse("non oltre 10") == .atMost(10, unit: nil))
        #expect(TargetParser.parse("non oltre il 10%") == .percentAtMost(10))
        #expect(TargetParser.parse("massimo il 5%") == .percentAtMost(5))
    }

    @Test func yesNo() {
        #expect(TargetParser.parse("NO") == .yesNo(false))
        #expect(TargetParser.parse("no") == .yesNo(false))
        #expect(TargetParser.parse("Sì") == .yesNo(true))
    }

    @Test func unknownTextIsAMilestoneWithItsNormalisedText() {
        #expect(TargetParser.parse("  Bozza   nuovi\narticoli ") == .milestone("Bozza nuovi articoli"))
    }

    // MARK: Italian numbers

    @Test(arguments: [
        ("1.489", 1489.0), ("2.922", 2922), ("97,40", 97.4), ("4.785,63", 4785.63), ("0.5", 0.5), ("1489", 1489),
        ("13.375", 13375), ("1.234.567", 1_234_567), ("-5,00", -5), ("+20", 20), ("0,00", 0),
    ])
    func italianNumberParses(text: String, value: Double) {
        #expect(ItalianNumber.parse(text) == value)
    }

    @Test(arguments: ["", "abc", "1,2,3", "12.34.5", "%"])
    func italianNumberRejects(text: String) {
        #expect(ItalianNumber.parse(text) == nil)
    }

    @Test func italianNumberFormats() {
        #expect(ItalianNumber.format(1489) == "1.489")
        #expect(ItalianNumber.format(1_234_567) == "1.234.567")
        #expect(ItalianNumber.format(12.5, fractionDigits: 2, minimumFractionDigits: 0) == "12,5")
        #expect(ItalianNumber.format(12.5, fractionDigits: 2) == "12,50")
        #expect(ItalianNumber.format(97.4, fractionDigits: 2, minimumFractionDigits: 2) == "97,40")
        #expect(ItalianNumber.percent(0.3) == "30,00%")
        #expect(ItalianNumber.percentValue(97.4) == "97,40%")
        #expect(ItalianNumber.euro(cents: 737737652) == "€ 7.377.376,52")
        #expect(ItalianNumber.euro(cents: 5) == "€ 0,05")
    }
}
