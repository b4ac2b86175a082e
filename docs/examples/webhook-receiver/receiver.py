#!/usr/bin/env python3
"""A Badgeflow alarm webhook receiver, Python standard library only (docs/alarm-webhooks.md).

It verifies each POST before it trusts it:
  1. Badgeflow-Signature is "t=<unix seconds>,v1=<hex>[,v1=<hex>]"; t must be within the tolerance (5 minutes)
     of this machine's clock, so a captured request cannot be replayed later;
  2. one v1 must equal HMAC-SHA256(secret, t + "." + raw body) in lowercase hex, compared in constant time
     (two v1 values arrive for a day after a secret rotation: the new one and the old one);
  3. Badgeflow-Delivery-Id is the same on every retry and redrive of one alarm to this endpoint: a delivery
     id seen before is answered 200 and not acted on again.
Answer 2xx quickly (within 10 s) and do the work afterwards: anything else is retried with backoff.

    receiver.py --port 9000 --secret-file secret.txt [--log deliveries.jsonl] [--host 127.0.0.1]

The secret file holds the whsec_... secret(s) the Alarm subscriptions page showed, one per line; it is read again
for every request, so a rotation needs no restart. Every request is appended to --log as one JSON line
(receivedAt, deliveryId, verified, duplicate, alarm), which the browser test and bin/bench alarm-webhook read.
"""
import argparse
import hashlib
import hmac
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 300


def verify(header, body, secret, now=None, tolerance=TOLERANCE_SECONDS):
    """True when the Badgeflow-Signature header signs body (bytes) with secret (str) within the tolerance."""
    if not header or len(header) > 1000:
        return False
    timestamp, candidates = None, []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            return False
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                return False
        elif key == "v1":
            candidates.append(value.strip())
    now = time.time() if now is None else now
    if timestamp is None or not candidates or abs(now - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(expected, candidate)
    return matched


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000, help="0: any free port (printed on start)")
    parser.add_argument("--secret-file", required=True)
    parser.add_argument("--log", help="append one JSON line per request here")
    args = parser.parse_args()
    seen, lock = set(), threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received_at = time.time()
            body = self.rfile.read(min(int(self.headers.get("Content-Length", "0")), 1024 * 1024))
            try:
                secrets = [line.strip() for line in open(args.secret_file) if line.strip()]
            except FileNotFoundError:
                secrets = []
            header = self.headers.get("Badgeflow-Signature")
            verified = any(verify(header, body, secret, received_at) for secret in secrets)
            delivery_id = self.headers.get("Badgeflow-Delivery-Id")
            with lock:
                duplicate = verified and delivery_id in seen
                if verified:
                    seen.add(delivery_id)
            try:
                alarm = json.loads(body)
            except ValueError:
                alarm = None
            if args.log:
                with lock, open(args.log, "a") as log:
                    log.write(json.dumps({"receivedAt": received_at, "deliveryId": delivery_id,
                                          "attempt": self.headers.get("Badgeflow-Delivery-Attempt"),
                                          "verified": verified, "duplicate": duplicate, "alarm": alarm}) + "\n")
            # 401 for a request that does not verify: Badgeflow retries it, and its DLQ shows the reason.
            self.send_response(200 if verified else 401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, fmt, *values):
            pass

    server = ThreadingHTTPServer((args.host, args.port), Handler)
    print(f"listening on http://{args.host}:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
