"""Offline time-to-revoke: from a revocation accepted by admin-service (its 202) to the moment a door holding its
signed allow-list has fetched, verified and applied the delta that removes the card (docs/decisions/0016). Provisions
a building, a door and --revocations people with cards through admin-service, fetches the door's full list and checks
each card is listed, then revokes the cards one at a time while the door asks for the changes since the version it
holds every --poll-ms (a door's fetch interval), verifying each document's signature with the public key (ECDSA P-256,
SHA-256) before applying it. Prints p50 / p99 / max, and the share spent before the command was APPLIED."""
import argparse
import base64
import hashlib
import json
import time
import urllib.request
import uuid

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import load_der_public_key

from bench_common import System, percentile
from bench_revoke import name_uuid, wait_applied


class Door:
    """A door's view of its list: the held version and card keys, changed only by documents that verify."""

    def __init__(self, system, door_id, key):
        self.system, self.door_id, self.key = system, door_id, key
        answer = self.get("/allow-list/public-key")
        self.public_key = load_der_public_key(base64.b64decode(json.loads(answer[0])["publicKey"]))
        self.version, self.keys, self.refused = None, set(), 0

    def get(self, tail):
        request = urllib.request.Request(f"{self.system.stream_url}/door-api/v1/doors/{self.door_id}{tail}",
                                         headers={"X-Door-Key": self.key})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read(), response.headers

    def refresh(self):
        body, headers = self.get("/allow-list" + ("" if self.version is None else f"?since={self.version}"))
        try:
            self.public_key.verify(base64.b64decode(headers["X-Allow-List-Signature"]), body,
                                   ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            self.refused += 1
            return
        document = json.loads(body)
        if document["kind"] == "FULL":
            self.keys = {entry["cardKey"] for entry in document["entries"]}
        elif document["since"] == self.version:
            self.keys -= set(document["removed"])
            self.keys |= {entry["cardKey"] for entry in document["entries"]}
        else:
            return self.refresh_full()
        self.version = document["version"]

    def refresh_full(self):
        self.version = None
        self.refresh()

    def card_key(self, card_number):
        return hashlib.sha256(f"{self.door_id}\n{card_number}".encode()).hexdigest()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--revocations", type=int, default=50)
    parser.add_argument("--poll-ms", type=int, default=100)
    parser.add_argument("--run-dir", default=".run")
    args = parser.parse_args()
    system = System(args.run_dir)
    run = uuid.uuid4().hex[:6].upper()
    building, door_id = f"BO{run}", f"BO{run}-door"
    wait_applied(system, system.call("POST", "/api/v1/buildings",
                                     {"buildingId": building, "name": "Bench offline revoke", "timeZone": "UTC"})["commandId"])
    registered = system.call("POST", f"/api/v1/buildings/{building}/doors",
                             {"name": "Bench door", "capability": "BOTH", "doorId": door_id})
    wait_applied(system, registered["commandId"])
    lines = ["employee number,given name,family name,email,building codes,card number"]
    cards = [f"O{run}-{i}" for i in range(1, args.revocations + 1)]
    lines += [f"O{run}-E{i},Bench,Offline{i},offline{i}@example.com,{building},{card}" for i, card in enumerate(cards, 1)]
    request = urllib.request.Request(f"{system.admin_url}/api/v1/imports", data=("\n".join(lines) + "\n").encode(),
                                     method="POST",
                                     headers={"Authorization": f"Bearer {system.bearer}", "Content-Type": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        import_id = json.loads(response.read())["importId"]
    while system.call("GET", f"/api/v1/imports/{import_id}")["status"] in ("PENDING", "RUNNING"):
        time.sleep(0.5)
    door = Door(system, door_id, registered["deviceKey"])
    deadline = time.monotonic() + 30
    while not all(door.card_key(card) in door.keys for card in cards):
        assert time.monotonic() < deadline, "the imported cards never all reached the door's list"
        door.refresh()
        time.sleep(args.poll_ms / 1000)
    to_revoke, to_applied, signed_bytes = [], [], []
    for row, card in enumerate(cards, 1):
        card_id = name_uuid(f"card:{import_id}:{row}")
        accepted = system.call("POST", f"/api/v1/cards/{card_id}/revoke", {})
        t0 = time.monotonic()
        applied_at = None
        while door.card_key(card) in door.keys:
            time.sleep(args.poll_ms / 1000)
            door.refresh()
            if applied_at is None and system.call("GET", f"/api/v1/commands/{accepted['commandId']}")["status"] != "PENDING":
                applied_at = time.monotonic()
        removed = time.monotonic()
        to_revoke.append((removed - t0) * 1000)
        to_applied.append(((applied_at or removed) - t0) * 1000)
    ordered = sorted(to_revoke)
    print(f"offline time-to-revoke over {len(ordered)} revocations (revoke accepted -> verified delta applied at the "
          f"door, fetching every {args.poll_ms} ms): p50 {percentile(ordered, 0.5):.0f} ms  "
          f"p99 {percentile(ordered, 0.99):.0f} ms  max {ordered[-1]:.0f} ms  (lists refused: {door.refused})")
    applied = sorted(to_applied)
    print(f"  of which accepted -> APPLIED (card-events): p50 {percentile(applied, 0.5):.0f} ms  "
          f"p99 {percentile(applied, 0.99):.0f} ms")


if __name__ == "__main__":
    main()
