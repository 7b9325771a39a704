import Foundation
import Performa
import PerformaFormats
import PerformaReports

struct DocumentsView: Sendable {
    struct Link: Sendable {
        var title: String
        var href: String
        var detail: String?
    }

    let page: PageChrome
    let documents: [Link]
    let data: [Link]
    let openData: [Link]
}
