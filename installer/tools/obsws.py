#!/usr/bin/python3
"""A small obs-websocket 5.x client (Debian's python3-websocket) for scripts and end-to-end tests.

As a module:  client = ObsWebSocket(port); client.call("GetVersion"); client.vendor(...)
As a command: obsws.py [--port N] [--timeout S] wait-ready
              obsws.py [--port N] call RequestType ['{"json": "data"}']
"""
import argparse
import base64
import json
import sys
import time
import uuid

import websocket

OP_HELLO, OP_IDENTIFY, OP_IDENTIFIED, OP_EVENT, OP_REQUEST, OP_RESPONSE = 0, 1, 2, 5, 6, 7
EVENT_SUBSCRIPTION_ALL = (1 << 11) - 1  # every non-high-volume category
EVENT_SUBSCRIPTION_VENDORS = 1 << 9


class ObsError(RuntimeError):
    def __init__(self, request_type, status):
        super().__init__(f"{request_type} failed: code {status.get('code')} {status.get('comment', '')}")
        self.status = status


class ObsWebSocket:
    def __init__(self, port=4455, host="127.0.0.1", timeout=10.0, subscriptions=EVENT_SUBSCRIPTION_ALL):
        self.events = []
        self._ws = websocket.create_connection(f"ws://{host}:{port}", timeout=timeout)
        try:
            self._identify(subscriptions)
        except BaseException:
            self._ws.close()
            raise

    def _identify(self, subscriptions):
        hello = json.loads(self._ws.recv())
        if hello.get("op") != OP_HELLO:
            raise RuntimeError(f"expected Hello, got {hello}")
        if hello["d"].get("authentication"):
            raise RuntimeError("obs-websocket asks for a password; these tools expect AuthRequired=false")
        self._ws.send(json.dumps({"op": OP_IDENTIFY, "d": {"rpcVersion": 1, "eventSubscriptions": subscriptions}}))
        identified = json.loads(self._ws.recv())
        if identified.get("op") != OP_IDENTIFIED:
            raise RuntimeError(f"expected Identified, got {identified}")

    def close(self):
        self._ws.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _receive(self, deadline):
        self._ws.settimeout(max(0.05, deadline - time.monotonic()))
        message = json.loads(self._ws.recv())
        if message.get("op") == OP_EVENT:
            self.events.append(message["d"])
        return message

    def request(self, request_type, data=None, timeout=15.0):
        """Sends a request; returns the whole response payload (requestStatus, responseData)."""
        request_id = str(uuid.uuid4())
        payload = {"requestType": request_type, "requestId": request_id}
        if data is not None:
            payload["requestData"] = data
        self._ws.send(json.dumps({"op": OP_REQUEST, "d": payload}))
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(deadline)
            if message.get("op") == OP_RESPONSE and message["d"].get("requestId") == request_id:
                return message["d"]

    def call(self, request_type, data=None, timeout=15.0):
        """Sends a request and returns its responseData; raises ObsError when it failed."""
        response = self.request(request_type, data, timeout)
        if not response["requestStatus"].get("result"):
            raise ObsError(request_type, response["requestStatus"])
        return response.get("responseData", {})

    def vendor(self, vendor, request_type, data=None, timeout=15.0):
        """CallVendorRequest; omits requestData when data is None (obs-websocket 5.1.0 rejects {})."""
        payload = {"vendorName": vendor, "requestType": request_type}
        if data is not None:
            payload["requestData"] = data
        return self.call("CallVendorRequest", payload, timeout)["responseData"]

    def wait_event(self, predicate, timeout=15.0):
        """Returns the first event (already received or arriving) for which predicate(event) holds."""
        for event in self.events:
            if predicate(event):
                self.events.remove(event)
                return event
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self._receive(deadline)
            except websocket.WebSocketTimeoutException:
                break
            if message.get("op") == OP_EVENT and predicate(message["d"]):
                self.events.remove(message["d"])
                return message["d"]
        raise TimeoutError("event not received")

    def screenshot(self, source_name, path, width=None, height=None):
        """Saves GetSourceScreenshot of a source or scene as PNG."""
        data = {"sourceName": source_name, "imageFormat": "png"}
        if width:
            data["imageWidth"] = width
        if height:
            data["imageHeight"] = height
        image = self.call("GetSourceScreenshot", data)["imageData"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(image.split(",", 1)[1]))


def wait_ready(port, timeout):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with ObsWebSocket(port, timeout=5) as client:
                client.call("GetVersion")
                return True
        except Exception as error:  # not up yet
            last = error
            time.sleep(0.5)
    print(f"obs-websocket not ready on port {port}: {last}", file=sys.stderr)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=4455)
    parser.add_argument("--timeout", type=float, default=60)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("wait-ready")
    call = sub.add_parser("call")
    call.add_argument("request_type")
    call.add_argument("data", nargs="?")
    shot = sub.add_parser("screenshot")
    shot.add_argument("source")
    shot.add_argument("path")
    args = parser.parse_args()

    if args.command == "wait-ready":
        return 0 if wait_ready(args.port, args.timeout) else 3
    with ObsWebSocket(args.port, timeout=args.timeout) as client:
        if args.command == "call":
            data = json.loads(args.data) if args.data else None
            print(json.dumps(client.call(args.request_type, data, args.timeout), ensure_ascii=False))
        elif args.command == "screenshot":
            client.screenshot(args.source, args.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
