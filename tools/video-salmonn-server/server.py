#!/usr/bin/env python3
"""An OpenAI-compatible chat-completions server for video-SALMONN, the way Earmark asks.

    python3 server.py --model-path /models/video-SALMONN-2_plus_7B --served-model-name video-salmonn

Earmark (Preferences › Chat, or `earmark ask --endpoint http://HOST:8000/v1 --model
video-salmonn ...`) then sends each question with the video's frames (JPEG data URLs) and its
sound (a 16 kHz WAV) and gets the answer streamed back as server-sent events.

`--backend describe` answers without any model (what was received: frame count and size, the
length of the sound): for checking that Earmark reaches the server, on any machine.

Standard library HTTP (one thread per connection, one generation at a time on the GPU).
See README.md.
"""

import argparse
import hmac
import json
import logging
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from protocol import ChunkWriter, RequestError, error_body, http_chunk, parse_request, \
    whole_completion

log = logging.getLogger("video-salmonn-server")

MAX_BODY = 512 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "video-salmonn-server/1"

    # Set on the class by make_server().
    backend = None
    served_model = "video-salmonn"
    api_key = ""

    def log_message(self, fmt, *args):  # no request lines (and no headers) in the log
        log.debug("%s %s", self.address_string(), fmt % args)

    # --- replies ---
    def _send(self, status: int, body: bytes, content_type: str = "application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: int, message: str, error_type: str):
        self._send(status, error_body(message, error_type, status))

    def _authorized(self) -> bool:
        if not self.api_key:
            return True
        given = self.headers.get("Authorization", "")
        if hmac.compare_digest(given.encode(), f"Bearer {self.api_key}".encode()):
            return True
        self._error(401, "The API key is missing or wrong.", "AuthenticationError")
        return False

    # --- routes ---
    def do_GET(self):
        if not self._authorized():
            return
        if self.path.split("?")[0] in ("/v1/models", "/models"):
            body = json.dumps({"object": "list", "data": [
                {"id": self.served_model, "object": "model", "created": int(time.time()),
                 "owned_by": "video-salmonn-server"}]}).encode()
            self._send(200, body)
        elif self.path.split("?")[0] == "/health":
            self._send(200, b"{}")
        else:
            self._send(404, b'{"detail":"Not Found"}')

    def do_POST(self):
        if not self._authorized():
            return
        if self.path.split("?")[0] not in ("/v1/chat/completions", "/chat/completions"):
            self._send(404, b'{"detail":"Not Found"}')
            return
        if not self.headers.get("Content-Type", "").lower().startswith("application/json"):
            self._error(415, "The body must be application/json.", "BadRequestError")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._error(411, "Content-Length is required.", "BadRequestError")
            return
        if length > MAX_BODY:
            self._error(413, f"The request is larger than {MAX_BODY // (1024 * 1024)} MB.",
                        "BadRequestError")
            return
        body = self.rfile.read(length)
        try:
            conv = parse_request(body, self.served_model)
        except RequestError as e:
            self._error(e.status, str(e), e.error_type)
            return
        log.info("question with %d frames, %.1f s of sound, %d earlier turns", len(conv.frames),
                 conv.audio.seconds if conv.audio else 0.0, len(conv.history) // 2)
        if conv.stream:
            self._stream(conv)
        else:
            self._whole(conv)

    def _whole(self, conv):
        try:
            pieces, reason = _run(self.backend, conv, lambda: False)
        except Exception as e:  # the model failed: say so, keep serving
            log.exception("generation failed")
            self._error(500, f"generation failed: {e}", "InternalServerError")
            return
        self._send(200, whole_completion(conv.model, "".join(pieces), reason))

    def _stream(self, conv):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        writer = ChunkWriter(conv.model)
        gone = {"flag": False}

        def write(event: bytes) -> bool:
            if gone["flag"]:
                return False
            try:
                self.wfile.write(http_chunk(event))
                self.wfile.flush()
                return True
            except (BrokenPipeError, ConnectionResetError):
                gone["flag"] = True  # the person pressed Stop: stop generating
                return False

        write(writer.start())
        generator = self.backend.generate(conv, conv.max_tokens, lambda: gone["flag"])
        reason = "stop"
        try:
            while True:
                try:
                    piece = next(generator)
                except StopIteration as end:
                    reason = end.value or "stop"
                    break
                if not write(writer.piece(piece)):
                    generator.close()
                    return
        except Exception as e:
            log.exception("generation failed")
            write(ChunkWriter.error(f"generation failed: {e}"))
            write(b"")
            self.close_connection = True
            return
        write(writer.finish(reason))
        write(ChunkWriter.done())
        write(b"")  # the last, empty chunk


def _run(backend, conv, should_stop):
    from backends import drain
    return drain(backend.generate(conv, conv.max_tokens, should_stop))


def make_server(host: str, port: int, backend, served_model: str, api_key: str = ""):
    handler = type("BoundHandler", (Handler,), {
        "backend": backend, "served_model": served_model, "api_key": api_key})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (0.0.0.0: every interface)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--backend", choices=["video-salmonn-2-plus", "describe"],
                        default="video-salmonn-2-plus")
    parser.add_argument("--model-path", help="video-SALMONN 2+ checkpoint folder or hub name")
    parser.add_argument("--served-model-name", default="video-salmonn",
                        help="the model name clients ask for (Earmark's Preferences › Chat)")
    parser.add_argument("--frames-per-second", type=float, default=2.0,
                        help="the rate the client samples frames at (Earmark's default: 2)")
    parser.add_argument("--max-new-tokens", type=int, default=1024,
                        help="longest answer when the request sets no max_tokens")
    parser.add_argument("--api-key-env", default="VIDEO_SALMONN_API_KEY",
                        help="environment variable holding the key clients must send "
                             "(unset or empty: no key)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(name)s: %(message)s")

    import os
    api_key = os.environ.get(args.api_key_env, "")
    if args.backend == "describe":
        from backends import DescribeBackend
        backend = DescribeBackend()
    else:
        if not args.model_path:
            parser.error("--model-path is required for the video-SALMONN backend")
        from backends import VideoSalmonn2PlusBackend
        log.info("loading %s", args.model_path)
        backend = VideoSalmonn2PlusBackend(args.model_path, args.frames_per_second,
                                           args.max_new_tokens)
    server = make_server(args.host, args.port, backend, args.served_model_name, api_key)
    host, port = server.server_address[:2]
    log.info("serving %s at http://%s:%d/v1%s", args.served_model_name, host, port,
             " (API key required)" if api_key else "")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
