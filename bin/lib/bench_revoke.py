"""Time-to-revoke: from a revocation accepted by admin-service (its 202) to the first entry the door API denies
with CARD_NOT_ACTIVE. Provisions a building, a door and --revocations people with cards through admin-service,
shows each card GRANTED first, then revokes the cards one at a time and asks the door every --poll-ms until it
denies. Prints p50 / p99 / max, and the share spent before the command was APPLIED."""
import argparse
import hashlib
import json
import time
import urllib.error
import urllib.request
import uuid

from bench_common import System, percentile


def name_uuid(text):
    """Java's UUID.nameUUIDFromBytes: an MD5 name-based (version 3) UUID of the bytes, no namespace."""
    digest = bytearray(hashlib.md5(text.encode()).digest())
    digest[6] = (digest[6] & 0x0F) | 0x30
    digest[8] = (digest[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(digest)))


def wait_applied(system, command_id):
    while True:
        status = system.call("GET", f"/api/v1/commands/{command_id}")["status"]
        if status != "PENDING":
            return status
        time.sleep(0.02)


def decide(system, door, key, card, direction):
    body = json.dumps({"eventId": str(uuid.uuid4()), "cardNumber": card, "direction": direction,
                       "occurredAt": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + "Z"}).encode()
    request = urllib.request.Request(f"{system.stream_url}/door-api/v1/doors/{door}/decisions", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-Door-Key": key})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--revocations", type=int, default=100)
    parser.add_argument("--poll-ms", type=int, default=20)
    parser.add_argument("--run-dir", default=".run")
    args = parser.parse_args()
    system = System(args.run_dir)
    run = uuid.uuid4().hex[:6].upper()
    building, door = f"BR{run}", f"BR{run}-door"
    wait_applied(system, system.call("POST", "/api/v1/buildings",
                                     {"buildingId": building, "name": "Bench revoke", "timeZone": "UTC"})["commandId"])
    registered = system.call("POST", f"/api/v1/buildings/{building}/doors",
                             {"name": "Bench door", "capability": "BOTH", "doorId": door})
    wait_applied(system, registered["commandId"])
    key = registered["deviceKey"]
    lines = ["employee number,given name,family name,email,building codes,card number"]
    cards = [f"R{run}-{i}" for i in range(1, args.revocations + 1)]
    lines += [f"R{run}-E{i},Bench,Revoke{i},revoke{i}@example.com,{building},{card}" for i, card in enumerate(cards, 1)]
    content = ("\n".join(lines) + "\n").encode()
    request = urllib.request.Request(f"{system.admin_url}/api/v1/imports", data=content, method="POST",
                                     headers={"Authorization": f"Bearer {system.bearer}", "Content-Type": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        import_id = json.loads(response.read())["importId"]
    while system.call("GET", f"/api/v1/imports/{import_id}")["status"] in ("PENDING", "RUNNING"):
        time.sleep(0.5)
    to_revoke, to_applied = [], []
    for row, card in enumerate(cards, 1):
        assert decide(system, door, key, card, "IN")["decision"] == "GRANTED", card
        decide(system, door, key, card, "OUT")
        card_id = name_uuid(f"card:{import_id}:{row}")
        accepted = system.call("POST", f"/api/v1/cards/{card_id}/revoke", {})
        t0 = time.monotonic()
        applied_at = None
        while True:
            answer = decide(system, door, key, card, "IN")
            if answer["reason"] == "CARD_NOT_ACTIVE":
                break
            if applied_at is None and system.call("GET", f"/api/v1/commands/{accepted['commandId']}")["status"] != "PENDING":
                applied_at = time.monotonic()
            time.sleep(args.poll_ms / 1000)
        denied = time.monotonic()
        to_revoke.append((denied - t0) * 1000)
        to_applied.append(((applied_at or denied) - t0) * 1000)
    ordered = sorted(to_revoke)
    print(f"time-to-revoke over {len(ordered)} revocations (revoke accepted -> door denies, polled every "
          f"{args.poll_ms} ms): p50 {percentile(ordered, 0.5):.0f} ms  p99 {percentile(ordered, 0.99):.0f} ms  "
          f"max {ordered[-1]:.0f} ms")
    applied = sorted(to_applied)
    print(f"  of which accepted -> APPLIED (card-events): p50 {percentile(applied, 0.5):.0f} ms  "
          f"p99 {percentile(applied, 0.99):.0f} ms")


if __name__ == "__main__":
    main()
