"""What the loopback servers of lcs_servers.py share: the request log and the HTTP server."""

import http.server
import json
import threading


class RequestLog:
    """Every request a server received, in order (and as JSON lines in `path` when given)."""

    def __init__(self, path=None):
        self._lock = threading.Lock()
        self._entries = []
        self._path = path

    def add(self, entry):
        with self._lock:
            self._entries.append(entry)
            if self._path:
                with open(self._path, "a") as f:
                    f.write(json.dumps(entry) + "\n")

    def all(self):
        with self._lock:
            return [dict(e) for e in self._entries]

    def clear(self):
        with self._lock:
            self._entries.clear()


class HttpServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server whose threads never keep the process alive."""

    daemon_threads = True
    allow_reuse_address = True
