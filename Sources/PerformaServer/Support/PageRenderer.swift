import Foundation
import Hummingbird
import Mustache

/// The Mustache templates of the pages, loaded once at start-up from the module's resources. Views are plain
/// Sendable structs, flattened into dictionaries before rendering (`MustacheView`); Mustache escapes every
/// `{{value}}`.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// Sees every template rendered with its view: the template contract test (`TemplateContractTests`) checks with
    /// it that every name a template uses is a field of the views it is rendered with. Nil when serving.
    var observer: RenderObserver?

    /// Called with the template's name and the view, before rendering.
    typealias RenderObserver = @Sendable (_ template: String, _ view: Any) -> Void

    static func load(observer: RenderObserver? = nil) async throws -> PageRenderer {
        PageRenderer(library: try await MustacheLibrary(directory: templatesFolder.path), observer: observer)
    }

    /// `Templates/` inside the module's resource bundle; also holds the application's own static files.
    static var templatesFolder: URL {
        Bundle.module.url(forResource: "Templates", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Templates")
    }

    static var staticFolder: URL { templatesFolder.appendingPathComponent("static") }

    func render(_ template: String, _ view: Any) throws -> String {
        observer?(template, view)
        guard let html = library.render(MustacheView.flatten(view), withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "Modello di pagina «\(template)» mancante.")
        }
        return html
    }

    func page(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        Response.html(try render(template, view), status: status)
    }
}

extension Response {
    static func html(_ html: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        bytes(ByteBuffer(string: text), contentType: contentType, status: status, headers: headers)
    }

    static func bytes(_ bytes: ByteBuffer, contentType: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: bytes))
    }

    /// After a form: back to a page with GET (303), so that reloading does not submit again.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
