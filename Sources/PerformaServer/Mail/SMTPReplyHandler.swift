import NIOCore

/// A command to the SMTP server and the promise of its reply. A nil line sends nothing and waits for a reply the
/// server sends on its own (the greeting).
struct SMTPRequest: Sendable {
    var line: String?
    var reply: EventLoopPromise<SMTPReply>
}

/// Pairs each reply with the request that asked for it, in order. Lines come already framed
/// (LineBasedFrameDecoder); a reply is complete at its last line, the one whose fourth character is a space rather
/// than a dash. A reply that arrives before its request (the greeting, which the server sends as soon as the
/// connection opens) waits for it.
final class SMTPReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var early: [SMTPReply] = []
    private var lines: [String] = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if early.isEmpty {
            waiting.append(request.reply)
        } else {
            request.reply.succeed(early.removeFirst())
        }
        guard let line = request.line else {
            promise?.succeed()
            return
        }
        var buffer = context.channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeString("\r\n")
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let line = (buffer.readString(length: buffer.readableBytes) ?? "").trimmingSuffix("\r")
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
            fail(context: context, SMTPError(description: "risposta non valida del server di posta: «\(line.prefix(80))»"))
            return
        }
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard bytes.count < 4 || bytes[3] != UInt8(ascii: "-") else { return }
        let reply = SMTPReply(code: code, lines: lines)
        lines = []
        if waiting.isEmpty {
            early.append(reply)
        } else {
            waiting.removeFirst().succeed(reply)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context: context, error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let pending = waiting
        waiting = []
        pending.forEach { $0.fail(SMTPError(description: "il server di posta ha chiuso la connessione")) }
        context.fireChannelInactive()
    }

    private func fail(context: ChannelHandlerContext, _ error: any Error) {
        let pending = waiting
        waiting = []
        pending.forEach { $0.fail(error) }
        context.close(promise: nil)
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
