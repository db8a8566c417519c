#!/usr/bin/python3
"""Real servers on loopback for the script-library tests (issue 12). Standard library only; run by
/usr/bin/python3 (Debian's, which also has python3-botocore for sigv4_check.py).

From Python (context managers; each picks a free port, waits until it answers, cleans up):

    with NginxDav(root) as dav:          # nginx + dav_methods + dav-ext (PROPFIND/OPTIONS)
        dav.url                          # "http://127.0.0.1:PORT/" serving `root` (PUT/MKCOL/MOVE/...)
    with RcloneWebdav(root, "coach", "secret") as dav:   # rclone serve webdav with basic auth
        dav.url
    with S3rver(root) as s3:             # npm s3rver 3.7.1 behind a logging proxy
        s3.endpoint, s3.bucket, s3.url   # "http://127.0.0.1:PORT", "library", "s3://library/"
        s3.access_key, s3.secret_key, s3.region   # S3RVER / S3RVER / us-east-1 (s3rver checks the key,
                                                 # not SigV4 signatures: sigv4_check.py recomputes those)
        s3.requests()                    # every request as received: method, path, query, headers, body_sha256, status
    with FaultServer(root=None) as fault:   # a hostile/static web host whose answers the test configures
        fault.route("/index.json", status=200, body="...", length="chunked", stall_after=10)
        fault.requests()

FaultServer routes (keys of a route; everything JSON-able so a routes file works too):
    status (200), body (text) | body_hex | body_file (path), headers ({name: value}),
    length: "exact" (default) | "none" (no Content-Length, connection closed after the body)
            | "chunked" | an integer (a lie: that Content-Length, then the body, then close),
    redirect (URL: a 302 to it, unless status says otherwise), stall_after (bytes of body, then the
    connection hangs until the server stops), delay (seconds before the answer), drop (true: close
    without answering), methods (["GET"]: the route applies to those only), times (the route
    applies to the next N requests, then is removed; in-process routes only, not a --routes file).
    A path with no route is served from `root` (GET/HEAD, ETag + If-None-Match → 304), else 404.

From C++ (or a shell): the command line starts one server, prints its URL on the first line of
stdout and serves until SIGTERM/SIGINT (or until its parent dies: PR_SET_PDEATHSIG):

    lcs_servers.py nginx  --root DIR [--log FILE]                 # --log: nginx's access log there
    lcs_servers.py rclone --root DIR --user U --password P
    lcs_servers.py s3     --root DIR [--bucket B] [--log FILE]   # prints the endpoint; --log: JSONL requests
    lcs_servers.py fault  [--root DIR] [--routes FILE] [--log FILE]
        # --routes: a JSON object {path: route}, re-read on every request (a test may rewrite it)

No fixed ports; each server's config, pid, logs and temporary files are in its own temp folder.
Debian's nginx package runs a system nginx on port 80: these never touch it.
"""

import argparse
import contextlib
import ctypes
import hashlib
import http.client
import http.server
import os
import pwd
import grp
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from fault_server import FaultServer
from request_log import HttpServer, RequestLog

HERE = Path(__file__).resolve().parent
NGINX_DAV_EXT = "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent():
    """preexec_fn: the child gets SIGKILL when the process that started it dies."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def wait_for_port(port, process=None, timeout=30.0, log_path=None, what="server"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before listening:\n{_tail(log_path)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {timeout} s:\n{_tail(log_path)}")


def _tail(path, lines=30):
    if not path:
        return ""
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class _Managed:
    """A server with a temp folder and (usually) a child process."""

    def __init__(self, prefix):
        self.tmp = Path(tempfile.mkdtemp(prefix=prefix))
        self.process = None
        self._stopped = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def _spawn(self, argv, log_name, env=None, cwd=None):
        self.log_path = self.tmp / log_name
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                        env=env, cwd=cwd, preexec_fn=_die_with_parent)
        log.close()

    def stop(self):
        if self._stopped:
            return
        self._stopped = True
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


class NginxDav(_Managed):
    """nginx serving `root` with WebDAV (PUT DELETE MKCOL COPY MOVE; PROPFIND OPTIONS from dav-ext).
    Like a real nginx: PUT ignores If-* headers, MKCOL wants a trailing slash, no
    create_full_put_path (a PUT into a missing folder is 409: the client must MKCOL)."""

    def __init__(self, root, port=None, access_log=None):
        super().__init__("lcs-nginx-")
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.tmp / name).mkdir()
        user = ""
        if os.geteuid() == 0:  # workers would run as nobody: run them as us so they can write `root`
            user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
        load = f"load_module {NGINX_DAV_EXT};" if Path(NGINX_DAV_EXT).exists() else ""
        t = self.tmp
        self.access_log_path = Path(access_log).resolve() if access_log else t / "access.log"
        (t / "nginx.conf").write_text(f"""
{load}
{user}
daemon off;
worker_processes 1;
pid {t}/nginx.pid;
error_log {t}/error.log info;
events {{ worker_connections 512; }}
http {{
    log_format lcs '$remote_addr [$time_local] "$request" $status $body_bytes_sent conn=$connection';
    access_log {self.access_log_path} lcs;
    client_body_temp_path {t}/body;
    proxy_temp_path {t}/proxy;
    fastcgi_temp_path {t}/fastcgi;
    uwsgi_temp_path {t}/uwsgi;
    scgi_temp_path {t}/scgi;
    types {{ application/json json; text/plain txt minisig; }}
    default_type application/octet-stream;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{self.port};
        root {self.root};
        client_max_body_size 0;
        location / {{
            dav_methods PUT DELETE MKCOL COPY MOVE;
            {"dav_ext_methods PROPFIND OPTIONS;" if load else ""}
            dav_access user:rw group:rw all:r;
        }}
    }}
}}
""")
        self._spawn(["nginx", "-p", str(t), "-e", str(t / "error.log"), "-c", str(t / "nginx.conf")], "stdout.log")
        wait_for_port(self.port, self.process, log_path=t / "error.log", what="nginx")

    def access_log(self):
        """The access log's lines so far: '127.0.0.1 [time] "GET /index.json HTTP/1.1" 304 0 conn=7'
        (conn: nginx's connection serial number, to see keep-alive at work)."""
        return _tail(self.access_log_path, 1_000_000).splitlines()


class RcloneWebdav(_Managed):
    """rclone serve webdav over `root` with basic auth."""

    def __init__(self, root, user, password, port=None):
        super().__init__("lcs-rclone-")
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.user, self.password = user, password
        (self.tmp / "rclone.conf").write_text("")
        self._spawn(["rclone", "serve", "webdav", str(self.root), "--addr", f"127.0.0.1:{self.port}",
                     "--user", user, "--pass", password, "--config", str(self.tmp / "rclone.conf"),
                     "--cache-dir", str(self.tmp / "cache"), "--log-level", "INFO"], "rclone.log")
        wait_for_port(self.port, self.process, log_path=self.log_path, what="rclone")


def ensure_node_modules():
    """npm ci into tests/support/servers/node_modules (from package-lock.json) unless s3rver is there."""
    if (HERE / "node_modules" / "s3rver" / "bin" / "s3rver.js").exists():
        return
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True, stdout=sys.stderr)


_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade", "te", "trailer"}


def _proxy_handler(upstream_port, log):
    class Proxy(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            split = urllib.parse.urlsplit(self.path)
            entry = {"method": self.command, "path": split.path, "query": split.query,
                     "headers": [[k, v] for k, v in self.headers.items()],
                     "body_sha256": hashlib.sha256(body).hexdigest(), "body_size": len(body)}
            conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
            conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for k, v in self.headers.items():
                if k.lower() not in _HOP_BY_HOP and k.lower() != "expect":
                    conn.putheader(k, v)
            conn.endheaders(body if body else None)
            response = conn.getresponse()
            data = response.read()
            entry["status"] = response.status
            log.add(entry)
            self.send_response_only(response.status, response.reason)
            for k, v in response.getheaders():
                if k.lower() in _HOP_BY_HOP or k.lower() == "content-length":
                    continue
                self.send_header(k, v)
            if self.command == "HEAD" or response.status in (204, 304):
                declared = response.getheader("Content-Length")
                if declared is not None and self.command == "HEAD":
                    self.send_header("Content-Length", declared)
                self.end_headers()
            else:
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            conn.close()

        do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = _forward

    return Proxy


class S3rver(_Managed):
    """npm s3rver 3.7.1 (data in `root`, bucket created) behind a logging proxy that records every
    request exactly as the client sent it, so a test can recompute its SigV4 signature."""

    def __init__(self, root, bucket="library", log_file=None):
        super().__init__("lcs-s3rver-")
        ensure_node_modules()
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.bucket = bucket
        self.access_key = self.secret_key = "S3RVER"  # s3rver's built-in account (V4 signatures unchecked)
        self.region = "us-east-1"
        self.upstream_port = free_port()
        env = dict(os.environ)
        if int(subprocess.run(["node", "-p", "process.versions.node.split('.')[0]"], capture_output=True,
                              text=True).stdout.strip() or 0) >= 17:
            env["NODE_OPTIONS"] = (env.get("NODE_OPTIONS", "") + " --openssl-legacy-provider").strip()
        self._spawn(["node", str(HERE / "node_modules" / "s3rver" / "bin" / "s3rver.js"), "--directory",
                     str(self.root), "--address", "127.0.0.1", "--port", str(self.upstream_port),
                     "--configure-bucket", bucket], "s3rver.log", env=env)
        wait_for_port(self.upstream_port, self.process, log_path=self.log_path, what="s3rver")
        self._log = RequestLog(log_file)
        self._http = HttpServer(("127.0.0.1", 0), _proxy_handler(self.upstream_port, self._log))
        self.port = self._http.server_address[1]
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.url = f"s3://{bucket}/"
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    def requests(self):
        return self._log.all()

    def clear_requests(self):
        self._log.clear()

    def stop(self):
        if not self._stopped:
            self._http.shutdown()
            self._http.server_close()
        super().stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["nginx", "rclone", "s3", "fault"])
    parser.add_argument("--root")
    parser.add_argument("--user", default="coach")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--bucket", default="library")
    parser.add_argument("--routes")
    parser.add_argument("--log")
    args = parser.parse_args()
    _die_with_parent()  # a crashed test must not leave servers behind
    if args.kind != "fault" and not args.root:
        parser.error("--root is required")
    if args.kind == "nginx":
        server = NginxDav(args.root, access_log=args.log)
        url = server.url
    elif args.kind == "rclone":
        server = RcloneWebdav(args.root, args.user, args.password)
        url = server.url
    elif args.kind == "s3":
        server = S3rver(args.root, args.bucket, log_file=args.log)
        url = server.endpoint
    else:
        server = FaultServer(args.root, routes_file=args.routes, log_file=args.log)
        url = server.url
    done = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: done.set())
    print(url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        while not done.wait(0.5):
            if getattr(server, "process", None) is not None and server.process.poll() is not None:
                print(f"{args.kind} exited with {server.process.returncode}", file=sys.stderr)
                break
    server.stop()


if __name__ == "__main__":
    main()
