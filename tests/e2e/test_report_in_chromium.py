"""The HTML report of a simulated 30-minute session, opened in headless Chromium: the charts are
in the rendered page and no request leaves it (every request would have to go through a
recording proxy on loopback)."""
import os
import socket
import subprocess
import tempfile
import threading
import unittest
from pathlib import Path

import lcs_e2e


BROWSER_SERVICES = {"clients2.google.com", "update.googleapis.com", "accounts.google.com", "redirector.gvt1.com"}


def host_of(request_line):
    """Host of a proxied request line: 'GET http://h/p HTTP/1.1' or 'CONNECT h:443 HTTP/1.1'."""
    parts = request_line.split()
    if len(parts) < 2:
        return request_line
    target = parts[1]
    if "://" in target:
        target = target.split("://", 1)[1]
    return target.split("/", 1)[0].split(":", 1)[0]


class RecordingProxy:
    """Accepts connections on 127.0.0.1 and records the first line of each request."""

    def __init__(self):
        self.requests = []
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(1024).split(b"\r\n", 1)[0].decode(errors="replace"))
                except OSError:
                    self.requests.append("(connection)")

    def close(self):
        self.server.close()


class ReportInChromium(unittest.TestCase):
    def test_report_renders_charts_and_requests_nothing(self):
        work = Path(tempfile.mkdtemp(prefix="lcs-report-"))
        log = work / "session.jsonl"
        html = work / "report.html"
        pack = lcs_e2e.SOURCE_DIR / "scripts-library" / "packs" / "farm-origin" / "farm-origin.zh-CN.json"
        subprocess.run([str(lcs_e2e.LCS), "simulate", "--pack", str(pack), "--seed", "5", "--duration", "1800",
                        "--policy", "strong", "-o", str(log)], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([str(lcs_e2e.LCS), "report", str(log), "--format", "html", "-o", str(html)], check=True)

        proxy = RecordingProxy()
        self.addCleanup(proxy.close)
        chromium = "/usr/bin/chromium"
        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-pings",
                f"--user-data-dir={work / 'profile'}", f"--proxy-server=http://127.0.0.1:{proxy.port}",
                "--proxy-bypass-list=<-loopback>", "--virtual-time-budget=3000", "--dump-dom", html.as_uri()]
        dom = subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout
        self.assertIn("直播复盘报告", dom)
        self.assertGreaterEqual(dom.count('<svg class="chart"'), 4, "funnel and three charts")
        self.assertIn("<polyline", dom)
        self.assertIn('class="seg"', dom)
        self.assertIn('class="promo"', dom)
        # The 罗盘-style review: 五维四率 with its five steps and four rates, traffic, triage.
        self.assertIn("五维四率", dom)
        self.assertEqual(dom.count('<g class="step">'), 5)
        self.assertEqual(dom.count('class="rate"'), 4)
        self.assertIn('<h2 id="traffic">', dom)
        self.assertIn('<h2 id="triage">', dom)
        screenshot = work / "report.png"
        subprocess.run(args[:-2] + [f"--screenshot={screenshot}", "--window-size=1000,2000", html.as_uri()],
                       check=True, capture_output=True, timeout=120)
        self.assertGreater(screenshot.stat().st_size, 10000, "the page rendered nothing")
        # Chromium itself calls home (network time, component updates, accounts) whatever the page;
        # those hosts are learnt from a blank page with the same flags. The report may add none.
        blank = RecordingProxy()
        self.addCleanup(blank.close)
        blank_args = [a if not a.startswith("--proxy-server=") else f"--proxy-server=http://127.0.0.1:{blank.port}"
                      for a in args[:-1]] + ["about:blank"]
        subprocess.run(blank_args, check=True, capture_output=True, timeout=120)
        browser_hosts = {host_of(r) for r in blank.requests} | BROWSER_SERVICES
        from_page = [r for r in proxy.requests if host_of(r) not in browser_hosts]
        self.assertEqual(from_page, [], "the report page made requests")


if __name__ == "__main__":
    unittest.main(verbosity=2)
