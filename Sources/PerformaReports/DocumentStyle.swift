/// The stylesheet every document carries inline: readable on screen, and on paper A4 with page numbers
/// and a running header (organization and plan) in the page margins. Chromium prints the margin boxes
/// (`@top-left`, `@bottom-right`) when called with `--no-pdf-header-footer`; the cover page has none.
enum DocumentStyle {
    /// - Parameters:
    ///   - runningHeader: printed at the top left of every page but the first.
    ///   - marker: printed at the top right of every page, the first included (e.g. "DATI ILLUSTRATIVI").
    static func css(runningHeader: String, marker: String?) -> String {
        """
        :root { --primary: #0066cc; --dark: #17324d; --muted: #5d7083; --line: #c5c7c9; --alert: #b71918; --ok: #008055; }
        * { box-sizing: border-box; }
        html { font-family: "Titillium Web", "DejaVu Sans", Arial, sans-serif; color: var(--dark); line-height: 1.45; }
        body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; font-size: 11pt; }
        h1, h2, h3, h4, h5 { color: var(--dark); line-height: 1.2; margin: 1.2em 0 0.5em; break-after: avoid; }
        h1 { font-size: 22pt; }
        h2 { font-size: 17pt; color: var(--primary); border-bottom: 2px solid var(--primary); padding-bottom: 0.15em; }
        h3 { font-size: 14pt; }
        h4 { font-size: 12pt; }
        h5 { font-size: 11pt; }
        p { margin: 0.4em 0; }
        a { color: var(--primary); }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 9pt; }
        caption { caption-side: top; text-align: left; font-weight: 700; padding: 0.3em 0; color: var(--dark); }
        th, td { border: 1px solid var(--line); padding: 3px 5px; vertical-align: top; text-align: left; }
        thead th { background: #e6ecf2; }
        tbody th[scope="row"] { background: #f5f7f9; font-weight: 600; }
        tfoot th, tfoot td { font-weight: 700; background: #e6ecf2; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        .num { text-align: right; }
        .key-value th[scope="row"] { width: 24%; }
        .group th { background: #d9e4ef; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        figure { margin: 0.8em 0; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: 9pt; color: var(--muted); margin-top: 0.3em; }
        nav.indice ol { list-style: none; padding-left: 1.2em; margin: 0.2em 0; }
        nav.indice > ol { padding-left: 0; }
        nav.indice li { margin: 0.15em 0; }
        .cover { text-align: center; padding: 30mm 0 10mm; }
        .cover .ente { font-size: 16pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; }
        .cover h1 { font-size: 28pt; margin-top: 18mm; }
        .cover .sub { font-size: 12pt; }
        .cover .atti { margin-top: 14mm; font-size: 11pt; }
        .illustrative { border: 3px solid var(--alert); color: var(--alert); padding: 0.6em 1em; font-weight: 700; margin: 1em 0; }
        .notice { border-left: 4px solid var(--primary); background: #eef4fa; padding: 0.5em 0.8em; margin: 0.8em 0; }
        .weight { font-size: 12pt; }
        .badge { display: inline-block; padding: 0 0.4em; border-radius: 3px; font-size: 8.5pt; font-weight: 700; white-space: nowrap; }
        .risk { background: #fbe3e3; color: var(--alert); }
        .on-track { background: #e1f2ea; color: var(--ok); }
        .neutral { background: #eceff2; color: var(--muted); }
        .corrected { background: #fff3d6; color: #7a4f00; }
        .sheet-title { font-size: 13pt; text-transform: uppercase; }
        .small { font-size: 9pt; color: var(--muted); }
        .programme td { text-align: center; }
        tr.total th, tr.total td { font-weight: 700; background: #e6ecf2; }
        tr.risk-row td, tr.risk-row th { background: #fdf0f0; }
        tr.corrected-row td, tr.corrected-row th { background: #fff8e6; }
        ul.organigramma { margin: 0.2em 0; padding-left: 1.2em; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          a { color: inherit; text-decoration: none; }
          .chapter, .sheet, .page { break-before: page; }
          .cover { break-after: page; }
          nav.indice { break-after: page; }
          figure { break-inside: avoid; }
          table.keep, section.together { break-inside: avoid; }
          /* The first sheet of an area (or agency) follows its heading on the same page. */
          .page > section.sheet:first-of-type { break-before: auto; }
          figure.tree { break-before: page; }
          figure.tree svg { max-height: 238mm; width: auto; margin: 0 auto; }
        }
        @page {
          size: A4;
          margin: 20mm 14mm 18mm 14mm;
          @top-left { content: \(CSSText.string(runningHeader)); font-size: 8pt; color: #5d7083; }
          @top-right { content: \(CSSText.string(marker ?? "")); font-size: 8pt; font-weight: 700; color: #b71918; }
          @bottom-right { content: "Pagina " counter(page) " di " counter(pages); font-size: 8pt; color: #5d7083; }
        }
        @page :first { @top-left { content: none; } }
        """
    }
}
