"""obs-websocket load on the real OBS: 1 000 vendor requests a second for 30 s against a running
session (mostly GetStatus, some GetLibraries, and the commands a real client sends: NextCue,
PreviousCue, InjectComment), pipelined from one thread, answered on another. Every request must
succeed, the achieved rate must be ≥ 1 000/s, and OBS must not grow in threads, descriptors or
memory. Prints p50/p99/max latency."""
import json
import os
import threading
import time
import unittest

import websocket

import lcs_e2e

VENDOR = "live-commerce-studio"
RATE = 1000  # requests a second, the figure
SECONDS = float(os.environ.get("LCS_LOAD_SECONDS", "30"))
# Out of every 100: what a dashboard polls and what a Stream Deck / chat bridge sends.
MIX = ["GetStatus"] * 88 + ["GetLibraries"] * 4 + ["NextCue"] * 3 + ["PreviousCue"] * 3 + ["InjectComment"] * 2


def process_figures(pid):
    status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status").read().splitlines() if ":" in line)
    return {"rss_kb": int(status["VmRSS"].split()[0]), "threads": int(status["Threads"]),
            "fds": len(os.listdir(f"/proc/{pid}/fd"))}


def connect(port):
    ws = websocket.create_connection(f"ws://127.0.0.1:{port}", timeout=10)
    assert json.loads(ws.recv())["op"] == 0  # Hello
    ws.send(json.dumps({"op": 1, "d": {"rpcVersion": 1, "eventSubscriptions": 0}}))
    assert json.loads(ws.recv())["op"] == 2  # Identified
    return ws


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p))]


class Pipeline:
    """Sends paced requests from the caller's thread, matches responses by requestId on its own."""

    def __init__(self, ws):
        self.ws = ws
        self.sent = {}  # requestId → send time
        self.latencies = []
        self.failures = []
        self.last_answer = 0.0
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        self.ws.settimeout(None)
        while True:
            try:
                message = json.loads(self.ws.recv())
            except (websocket.WebSocketConnectionClosedException, OSError, ValueError):
                return
            now = time.perf_counter()
            if message.get("op") != 7:
                continue
            d = message["d"]
            with self.lock:
                started = self.sent.pop(d["requestId"], None)
                self.last_answer = now
                if started is None:
                    self.failures.append(f"unknown requestId {d['requestId']}")
                    continue
                self.latencies.append(now - started)
                answer = d.get("responseData", {}).get("responseData", {})
                if not d["requestStatus"].get("result") or not answer.get("ok"):
                    self.failures.append(f"{d['requestId']}: {d['requestStatus']} {answer}")

    def run(self, rate, seconds):
        count = int(rate * seconds)
        frames = []
        for i in range(count):
            request = MIX[i % len(MIX)]
            frames.append((f"r{i}", json.dumps({"op": 6, "d": {"requestType": "CallVendorRequest", "requestId": f"r{i}",
                                                               "requestData": {"vendorName": VENDOR, "requestType": request}}})))
        start = time.perf_counter()
        for i, (request_id, frame) in enumerate(frames):
            due = start + i / rate
            ahead = due - time.perf_counter()
            if ahead > 0.002:
                time.sleep(ahead - 0.001)
            while time.perf_counter() < due:
                pass
            with self.lock:
                self.sent[request_id] = time.perf_counter()
            self.ws.send(frame)
        end = time.perf_counter()
        return count, start, end

    def reset(self):
        with self.lock:
            self.latencies, self.failures = [], []

    def wait_answers(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if not self.sent:
                    return True
            time.sleep(0.05)
        return False


class WebsocketLoad(unittest.TestCase):
    def test_a_thousand_vendor_requests_a_second_for_30_s(self):
        obs = lcs_e2e.start_obs(language="zh-CN")
        self.addCleanup(obs.cleanup)
        pid = obs.process.pid
        with obs.client() as client:
            self.assertTrue(client.vendor(VENDOR, "StartSession")["ok"])
            ws = connect(obs.port)
            load = Pipeline(ws)
            load.run(RATE, 2.0)  # a short warm-up: allocator pools, the websocket's thread pool
            self.assertTrue(load.wait_answers(10))
            self.assertEqual(load.failures, [])
            load.reset()
            time.sleep(1.0)
            before = process_figures(pid)

            count, start, end = load.run(RATE, SECONDS)
            self.assertTrue(load.wait_answers(15), f"{len(load.sent)} requests never answered")
            sent_rate = (count - 1) / (end - start)
            answered_rate = count / (load.last_answer - start)
            time.sleep(2.0)
            after = process_figures(pid)
            ws.close()
            status = client.vendor(VENDOR, "GetStatus")
            self.assertTrue(status["sessionRunning"])
            # Hundreds of injected questions nobody answered: GetStatus lists the 50 oldest, counts all.
            self.assertGreaterEqual(status["openQuestionCount"], count // 100 * MIX.count("InjectComment"))
            self.assertEqual(len(status["openQuestions"]), 50)
            self.assertTrue(client.vendor(VENDOR, "StopSession")["ok"])
        self.assertEqual(obs.stop(), 0)

        latencies = sorted(load.latencies)
        print(f"websocket load: {count} vendor requests in {end - start:.2f} s: sent {sent_rate:.0f}/s, "
              f"answered {answered_rate:.0f}/s; latency p50 {percentile(latencies, 0.50) * 1000:.2f} ms, "
              f"p99 {percentile(latencies, 0.99) * 1000:.2f} ms, max {latencies[-1] * 1000:.2f} ms")
        print(f"OBS before → after: RSS {before['rss_kb'] / 1024:.1f} → {after['rss_kb'] / 1024:.1f} MB, "
              f"threads {before['threads']} → {after['threads']}, fds {before['fds']} → {after['fds']}")
        self.assertEqual(load.failures, [], f"{len(load.failures)} failed, first: {load.failures[:3]}")
        self.assertEqual(len(latencies), count)
        self.assertGreaterEqual(sent_rate, RATE * 0.995,
                                "this machine could not send 1 000 requests a second from one Python thread")
        self.assertGreaterEqual(answered_rate, RATE * 0.98, "OBS did not keep up with 1 000 requests a second")
        self.assertLessEqual(after["threads"], before["threads"])
        self.assertLessEqual(after["fds"], before["fds"])
        # 30 000 answers through obs_data and the websocket's buffers: a leak of even 1 KB each
        # would be 30 MB; the allocator keeping a few pages is not one.
        self.assertLess(after["rss_kb"] - before["rss_kb"], 8 * 1024)


if __name__ == "__main__":
    unittest.main(verbosity=2)
