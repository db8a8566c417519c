#!/usr/bin/python3
"""The Python side of lcs_servers.py as the other tests use it (ctest: servers.python_api, label
net): each context manager starts a working server and cleans up; FaultServer's routes behave as
documented. Uses only the standard library and the curl command line."""

import http.client
import json
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lcs_servers import FaultServer, NginxDav, RcloneWebdav, S3rver  # noqa: E402


def request(url, method="GET", body=None, headers=None, timeout=10):
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    conn.request(method, u.path or "/", body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, dict(r.getheaders()), data


def port_open(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


class ServersTest(unittest.TestCase):
    def test_nginx_dav(self):
        with tempfile.TemporaryDirectory() as root:
            with NginxDav(root) as dav:
                self.assertEqual(request(dav.url + "a/", "MKCOL")[0], 201)
                self.assertEqual(request(dav.url + "a/", "MKCOL")[0], 405)
                self.assertEqual(request(dav.url + "a/x", "PUT", b"hello")[0], 201)
                dest = {"Destination": dav.url + "a/y", "Overwrite": "F"}
                self.assertIn(request(dav.url + "a/x", "MOVE", headers=dest)[0], (201, 204))
                request(dav.url + "a/x", "PUT", b"again")
                self.assertEqual(request(dav.url + "a/x", "MOVE", headers=dest)[0], 412)
                status, headers, body = request(dav.url + "a/y")
                self.assertEqual((status, body), (200, b"hello"))
                self.assertEqual(request(dav.url + "a/y", headers={"If-None-Match": headers["ETag"]})[0], 304)
                self.assertEqual(request(dav.url + "a/", "PROPFIND", headers={"Depth": "1"})[0], 207)
                self.assertEqual((Path(root) / "a" / "y").read_bytes(), b"hello")
                self.assertTrue(any('"GET /a/y HTTP/1.1" 304' in line for line in dav.access_log()))
                port, tmp = dav.port, dav.tmp
            self.assertFalse(port_open(port))
            self.assertFalse(tmp.exists())

    def test_rclone_webdav(self):
        with tempfile.TemporaryDirectory() as root, RcloneWebdav(root, "coach", "pw") as dav:
            self.assertEqual(request(dav.url)[0], 401)
            auth = {"Authorization": "Basic Y29hY2g6cHc="}
            self.assertEqual(request(dav.url + "b/", "MKCOL", headers=auth)[0], 201)
            self.assertEqual(request(dav.url + "b/x", "PUT", b"hi", headers=auth)[0], 201)
            self.assertEqual((Path(root) / "b" / "x").read_bytes(), b"hi")

    def test_s3rver_records_requests(self):
        with tempfile.TemporaryDirectory() as root, S3rver(root) as s3:
            self.assertEqual(s3.url, "s3://library/")
            status, _, _ = request(s3.endpoint + "/library/missing")
            self.assertIn(status, (403, 404))
            (entry,) = s3.requests()
            self.assertEqual((entry["method"], entry["path"], entry["status"]), ("GET", "/library/missing", status))
            self.assertIn(["Host", f"127.0.0.1:{s3.port}"], entry["headers"])

    def test_fault_routes(self):
        with tempfile.TemporaryDirectory() as root:
            Path(root, "static.json").write_text("{}")
            with FaultServer(root) as fault:
                fault.route("/chunked", body="x" * 50000, length="chunked")
                fault.route("/lie", body="short", length=100)
                fault.route("/once", status=503, times=1)
                fault.route("/away", redirect="file:///etc/passwd")
                status, headers, body = request(fault.url + "chunked")
                self.assertEqual((status, headers.get("Transfer-Encoding"), len(body)), (200, "chunked", 50000))
                with self.assertRaises(http.client.IncompleteRead):
                    request(fault.url + "lie")
                self.assertEqual(request(fault.url + "once")[0], 503)
                self.assertEqual(request(fault.url + "once")[0], 404)
                status, headers, _ = request(fault.url + "away")
                self.assertEqual((status, headers["Location"]), (302, "file:///etc/passwd"))
                status, headers, body = request(fault.url + "static.json")
                self.assertEqual((status, body), (200, b"{}"))
                self.assertEqual(request(fault.url + "static.json", headers={"If-None-Match": headers["ETag"]})[0], 304)
                self.assertEqual(request(fault.url + "../etc/passwd")[0], 404)
                self.assertEqual([r["path"] for r in fault.requests()][:2], ["/chunked", "/lie"])

    def test_fault_stall_ends_with_the_server(self):
        fault = FaultServer(routes={"/stall": {"body": "y" * 1000, "stall_after": 10}})
        started = time.monotonic()
        with self.assertRaises(socket.timeout):
            request(fault.url + "stall", timeout=1)
        fault.stop()
        self.assertLess(time.monotonic() - started, 20)

    def test_command_line(self):
        with tempfile.TemporaryDirectory() as root:
            routes = Path(root, "routes.json")
            routes.write_text(json.dumps({"/r": {"body": "from the file"}}))
            p = subprocess.Popen([sys.executable, str(Path(__file__).with_name("lcs_servers.py")), "fault",
                                  "--routes", str(routes)], stdout=subprocess.PIPE, text=True)
            try:
                url = p.stdout.readline().strip()
                self.assertEqual(request(url + "r")[2], b"from the file")
                routes.write_text(json.dumps({"/r": {"body": "changed"}}))
                self.assertEqual(request(url + "r")[2], b"changed")
            finally:
                p.terminate()
                self.assertEqual(p.wait(timeout=10), 0)
                p.stdout.close()


if __name__ == "__main__":
    unittest.main()
