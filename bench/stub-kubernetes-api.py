#!/usr/bin/env python3
"""A stand-in Kubernetes API for bench/startup.sh: /version answers, every list is empty.

The bot reads CanaryReleases at startup (the resync), so an API that answers matters: without
one, startup would be measured against connection timeouts instead of the app.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/version"):
            body = {"major": "1", "minor": "32", "gitVersion": "v1.32.0-stub"}
        else:
            body = {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": "1"}, "items": []}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    server.serve_forever()
