// The floor of scripts/bench/http_bench.py: a bare Hummingbird 2 server (the version Performa resolves) answering
// "ok" to `GET /`, with no middleware, no logging per request and no database. Performa's routes are reported as a
// share of its throughput, measured in the same run on the same machine.
//
//     bare-server --port 8080
import Hummingbird

let arguments = CommandLine.arguments
let port = arguments.firstIndex(of: "--port").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 8080

let router = Router()
router.get("/") { _, _ in "ok" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "bare-server"))
try await app.runService()
