import Hummingbird

/// 405 Method Not Allowed, with an `Allow` header, for a method the router has no handler for on a path it knows
/// (RFC 9110 §15.5.6); a path it does not know stays 404. Hummingbird answers both with 404 and does not expose its
/// route tree, so this keeps its own table of the router's routes.
///
/// It is installed after every route (`install(on:)`): a middleware added then wraps only the router's
/// not-found responder, so it runs for unmatched requests alone and never on a route's way.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    /// A route's path, as components, and the methods it answers.
    struct Route: Sendable {
        let components: [RouterPath.Element]
        var methods: Set<HTTPRequest.Method>
    }

    let routes: [Route]

    init(routes: [Router<Context>.RouteDescription]) {
        var byPath: [String: Route] = [:]
        for route in routes {
            byPath[route.path.description, default: Route(components: Array(route.path.components), methods: [])].methods.insert(route.method)
        }
        self.routes = Array(byPath.values)
    }

    /// Adds the middleware to a router whose routes are all in place.
    static func install(on router: Router<Context>) {
        router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let allowed = allowedMethods(path: request.uri.path), !allowed.contains(request.method) {
            let list = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            throw HTTPError(.methodNotAllowed, headers: [.allow: list],
                            message: "Metodo \(request.method.rawValue) non consentito su questo indirizzo (metodi ammessi: \(list)).")
        }
        return try await next(request, context)
    }

    /// The methods of the route the router would pick for this path, or nil when no route matches it. Among
    /// several matching routes the most specific wins, as in the router: a literal component before a partial
    /// capture, a partial capture before a whole one, and `**` last.
    func allowedMethods(path: String) -> Set<HTTPRequest.Method>? {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (rank: [Int], methods: Set<HTTPRequest.Method>)?
        for route in routes {
            guard let rank = Self.match(route.components, components) else { continue }
            if let current = best, !rank.lexicographicallyPrecedes(current.rank) {
                if rank == current.rank { best?.methods.formUnion(route.methods) }
                continue
            }
            best = (rank, route.methods)
        }
        return best?.methods
    }

    /// How specifically a route matches the path components (one rank per route component, lower is more
    /// specific), or nil when it does not match.
    static func match(_ route: [RouterPath.Element], _ components: [Substring]) -> [Int]? {
        var rank: [Int] = []
        for (index, element) in route.enumerated() {
            let description = element.description
            if description == "**" {
                return index < components.count ? rank + [3] : nil
            }
            guard index < components.count, element ~= components[index] else { return nil }
            let whole = description == "*" || (description.hasPrefix("{") && description.hasSuffix("}"))
            rank.append(element == components[index] ? 0 : whole ? 2 : 1)
        }
        return route.count == components.count ? rank : nil
    }
}
