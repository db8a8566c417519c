"""The fault server of lcs_servers.py: a hostile or static web host whose answers the test
configures per path (routes: see lcs_servers.py's module doc)."""

import http.server
import json
import threading
import urllib.parse
from pathlib import Path

from request_log import HttpServer, RequestLog


def _fault_handler(server):
    class Fault(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            split = urllib.parse.urlsplit(self.path)
            server.log.add({"method": self.command, "path": split.path, "query": split.query,
                            "headers": [[k, v] for k, v in self.headers.items()]})
            route = server.take_route(split.path, self.command)
            if route is None:
                return self._static(urllib.parse.unquote(split.path))
            if route.get("delay"):
                server.stopping.wait(float(route["delay"]))
            if route.get("drop"):
                self.close_connection = True
                return
            if "body_file" in route:
                body = Path(route["body_file"]).read_bytes()
            elif "body_hex" in route:
                body = bytes.fromhex(route["body_hex"])
            else:
                body = str(route.get("body", "")).encode()
            status = int(route.get("status", 302 if route.get("redirect") else 200))
            self.send_response(status)
            if route.get("redirect"):
                self.send_header("Location", route["redirect"])
            for k, v in route.get("headers", {}).items():
                self.send_header(k, str(v))
            mode = route.get("length", "exact")
            if self.command == "HEAD" or status in (204, 304):
                if status not in (204, 304):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return
            if mode == "chunked":
                self.send_header("Transfer-Encoding", "chunked")
            elif mode == "none":
                self.send_header("Connection", "close")
                self.close_connection = True
            elif mode == "exact":
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Content-Length", str(int(mode)))
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            stall = route.get("stall_after")
            if stall is not None:
                self._send(body[: int(stall)], mode == "chunked")
                self.wfile.flush()
                server.stopping.wait()
                self.close_connection = True
                return
            self._send(body, mode == "chunked")
            if mode == "chunked":
                self.wfile.write(b"0\r\n\r\n")

        def _send(self, data, chunked):
            step = 16 * 1024
            for i in range(0, len(data), step):
                part = data[i:i + step]
                if chunked:
                    self.wfile.write(b"%x\r\n" % len(part) + part + b"\r\n")
                else:
                    self.wfile.write(part)

        def _static(self, path):
            file = None
            if server.root is not None and self.command in ("GET", "HEAD"):
                candidate = (server.root / path.lstrip("/")).resolve()
                if candidate.is_file() and server.root in candidate.parents:
                    file = candidate
            if file is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            st = file.stat()
            etag = '"%x-%x"' % (st.st_mtime_ns, st.st_size)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            body = file.read_bytes()
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)

        do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = do_MKCOL = do_MOVE = do_PROPFIND = _answer

    return Fault


class FaultServer:
    """A small HTTP/1.1 server whose answers the test configures per path (see the module doc)."""

    def __init__(self, root=None, routes=None, routes_file=None, log_file=None):
        self.root = Path(root).resolve() if root else None
        self._routes = dict(routes or {})
        self._routes_file = Path(routes_file) if routes_file else None
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.log = RequestLog(log_file)
        self._http = HttpServer(("127.0.0.1", 0), _fault_handler(self))
        self.port = self._http.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def route(self, path, **behaviour):
        with self._lock:
            self._routes[path] = behaviour

    def clear_routes(self):
        with self._lock:
            self._routes.clear()

    def take_route(self, path, method):
        with self._lock:
            routes = self._routes
            if self._routes_file is not None:
                try:
                    routes = json.loads(self._routes_file.read_text() or "{}")
                except (OSError, ValueError):
                    routes = {}
            route = routes.get(path)
            if route is None or (route.get("methods") and method not in route["methods"]):
                return None
            if "times" in route and self._routes_file is None:
                route["times"] -= 1
                if route["times"] <= 0:
                    del self._routes[path]
            return dict(route)

    def requests(self):
        return self.log.all()

    def clear_requests(self):
        self.log.clear()

    def stop(self):
        if not self.stopping.is_set():
            self.stopping.set()
            self._http.shutdown()
            self._http.server_close()
