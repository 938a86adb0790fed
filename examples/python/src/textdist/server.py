"""HTTP front end: /healthz and /api/distance?a=...&b=... (standard library only)."""

import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from textdist import distance


class Handler(BaseHTTPRequestHandler):
    server_version = "textdist/1.0"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/healthz":
            self._send(200, "text/plain; charset=utf-8", b"ok")
        elif url.path == "/api/distance":
            query = parse_qs(url.query, keep_blank_values=True)
            if "a" not in query or "b" not in query:
                self._json(400, {"error": "query parameters 'a' and 'b' are required"})
                return
            a, b = query["a"][0], query["b"][0]
            self._json(200, {"a": a, "b": b, "distance": distance(a, b)})
        else:
            self._json(404, {"error": "not found"})

    def _json(self, status: int, payload: dict) -> None:
        self._send(status, "application/json", json.dumps(payload).encode("utf-8"))

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from the base class
        sys.stderr.write("%s %s\n" % (self.address_string(), format % args))


def main() -> None:
    port = int(os.environ.get("PORT", "8080"))
    httpd = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    # As PID 1 the interpreter would ignore SIGTERM; turn it into a clean exit for `docker stop`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"listening on :{port}", flush=True)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()


if __name__ == "__main__":
    main()
