import Hummingbird
import Logging
import NIOCore
import PerformaStore

/// Turns every error into a page in Italian (or, under `/api`, a JSON object `{"errore": …}`) with the right
/// status: the store's refusals keep their message, a missing session leads to the login form, and anything
/// unexpected is logged and shown as an internal error without details. `RequestPipeline` applies it twice: around
/// the routes, with the user and the CSRF token in the context (so the header shows who is signed in and the logout
/// works from a 403 or a 404), and around everything, for what fails before a session is known.
struct ErrorPages: Sendable {
    let pages: PageRenderer

    func response(for error: any Error, to request: Request, context: WebRequestContext) throws -> Response {
        if error is SignInRequired {
            if Self.isAPI(request) {
                return APIError.response(.unauthorized, "Accesso richiesto: inviare il token di sessione (Authorization: Bearer …).")
            }
            let target = request.method == .get ? request.uri.description : Paths.home
            return .seeOther(Paths.login + "?da=" + Paths.encode(target))
        }
        let (status, message) = Self.describe(error)
        if status == .internalServerError {
            context.logger.error("errore interno", metadata: ["errore": "\(String(reflecting: error))", "percorso": "\(request.uri.path)"])
        } else {
            context.logger.info("richiesta rifiutata", metadata: ["stato": "\(status.code)", "motivo": "\(message)"])
        }
        var response: Response
        if Self.isAPI(request) {
            response = APIError.response(status, message)
        } else {
            let view = ErrorView(page: PageChrome(title: status.italianTitle, organization: "Performa", context: context),
                                 status: String(status.code), title: status.italianTitle, message: message)
            response = Response.html(try pages.render("errore", view), status: status)
        }
        // The headers an HTTPError carries (the Allow of a 405) go out with the page or the JSON.
        if let error = error as? HTTPError { response.headers.append(contentsOf: error.headers) }
        return response
    }

    static func isAPI(_ request: Request) -> Bool { request.uri.path.hasPrefix("/api/") }

    /// The status and the Italian message of an error.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as HTTPError:
            return (error.status, error.body ?? error.status.italianTitle)
        case is NIOTooManyBytesError:
            // A body over what a handler reads (`collect(upTo:)`): the client's fault, not an internal error.
            return (.contentTooLarge, "La richiesta supera la dimensione massima accettata: nulla è stato salvato.")
        case let error as StoreError:
            switch error {
            case .notFound: return (.notFound, error.description)
            case .alreadyExists, .staleWrite: return (.conflict, error.description)
            case .forbidden: return (.forbidden, error.description)
            case .invalid, .adoptedPlan, .closedCampaign, .evidenceRejected: return (.unprocessableContent, error.description)
            case .schemaTooNew, .database: return (.serviceUnavailable, error.description)
            default: return (.unprocessableContent, error.description)
            }
        default:
            return (.internalServerError, "Si è verificato un errore interno: l'operazione non è stata completata. Riprovare; se l'errore si ripete, avvisare l'amministratore.")
        }
    }
}

struct ErrorView: Sendable {
    let page: PageChrome
    let status: String
    let title: String
    let message: String
}

extension HTTPResponse.Status {
    var italianTitle: String {
        switch code {
        case 400: return "Richiesta non valida"
        case 401: return "Accesso richiesto"
        case 403: return "Operazione non consentita"
        case 404: return "Pagina non trovata"
        case 409: return "Modifica in conflitto"
        case 413: return "File troppo grande"
        case 422: return "Dati non accettati"
        case 429: return "Troppi tentativi"
        case 503: return "Servizio non disponibile"
        default: return code >= 500 ? "Errore interno" : "Richiesta non completata"
        }
    }
}
