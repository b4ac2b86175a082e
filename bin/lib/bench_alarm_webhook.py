"""Door alarm -> subscribed webhook received: the time from a door event that raises an alarm (an unknown card
presented at a registered door, through the door API) to a signed webhook delivery arriving at a receiver on the
loopback (docs/examples/webhook-receiver/receiver.py, which verifies the signature). Subscribes the receiver through
admin-service (the local stage allows plain http to the loopback), raises --alarms alarms one at a time, waits for
each delivery, removes the subscription and stops the receiver. Prints p50 / p99 / max, and the part up to the
alarm's raisedAt (door API -> stream -> consumer) apart from raisedAt -> received (topic -> fan-out -> delivery)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

from bench_common import System, percentile

RECEIVER = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "examples", "webhook-receiver", "receiver.py")


def wait_applied(system, command_id):
    while system.call("GET", f"/api/v1/commands/{command_id}")["status"] == "PENDING":
        time.sleep(0.02)


def decide(system, door, key, event_id, card):
    body = json.dumps({"eventId": event_id, "cardNumber": card, "direction": "IN",
                       "occurredAt": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + "Z"}).encode()
    for _ in range(20):
        request = urllib.request.Request(f"{system.stream_url}/door-api/v1/doors/{door}/decisions", data=body,
                                         method="POST", headers={"Content-Type": "application/json", "X-Door-Key": key})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as refused:
            # as a door does: a 503 is asked again after its Retry-After, with the same event id
            if refused.code != 503:
                raise
            time.sleep(float(refused.headers.get("Retry-After", "1")))
    raise SystemExit(f"the door API kept answering 503 for event {event_id}")


def deliveries(log_path):
    try:
        with open(log_path) as log:
            return [json.loads(line) for line in log if line.strip()]
    except FileNotFoundError:
        return []


def epoch(instant):
    # 2026-12-07T21:00:00.123456Z -> seconds; fromisoformat takes the Z from Python 3.11 on
    from datetime import datetime
    return datetime.fromisoformat(instant.replace("Z", "+00:00")).timestamp()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--alarms", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for one delivery")
    parser.add_argument("--run-dir", default=os.environ.get("BADGEFLOW_RUN_DIR", ".run"))
    args = parser.parse_args()
    system = System(args.run_dir)
    work = tempfile.mkdtemp(prefix="bench-alarm-webhook-")
    secret_file, log_path = os.path.join(work, "secret.txt"), os.path.join(work, "deliveries.jsonl")
    open(secret_file, "w").close()
    receiver = subprocess.Popen([sys.executable, RECEIVER, "--port", "0", "--secret-file", secret_file,
                                 "--log", log_path], stdout=subprocess.PIPE, text=True)
    subscription_id = None
    try:
        url = receiver.stdout.readline().split("listening on ", 1)[1].strip() + "bench"
        created = system.call("POST", "/api/v1/alarm-subscriptions", {"protocol": "WEBHOOK", "endpoint": url})
        subscription_id = created["id"]
        with open(secret_file, "w") as f:
            f.write(created["secret"] + "\n")
        run = uuid.uuid4().hex[:6].upper()
        building, door = f"BA{run}", f"BA{run}-door"
        wait_applied(system, system.call("POST", "/api/v1/buildings",
                                         {"buildingId": building, "name": "Bench alarms", "timeZone": "UTC"})["commandId"])
        registered = system.call("POST", f"/api/v1/buildings/{building}/doors",
                                 {"name": "Bench door", "capability": "BOTH", "doorId": door})
        wait_applied(system, registered["commandId"])
        key = registered["deviceKey"]
        total, to_raised, to_received, unverified = [], [], [], 0
        for i in range(args.alarms):
            event_id = str(uuid.uuid4())
            t0 = time.time()
            answer = decide(system, door, key, event_id, f"UNKNOWN-{run}-{i}")
            assert answer["decision"] == "DENIED", answer
            deadline = t0 + args.timeout
            delivery = None
            while delivery is None and time.time() < deadline:
                delivery = next((d for d in deliveries(log_path)
                                 if d["alarm"] and d["alarm"].get("eventId") == event_id), None)
                if delivery is None:
                    time.sleep(0.01)
            if delivery is None:
                raise SystemExit(f"no webhook for alarm of event {event_id} within {args.timeout} s")
            unverified += 0 if delivery["verified"] else 1
            raised = epoch(delivery["alarm"]["raisedAt"])
            total.append((delivery["receivedAt"] - t0) * 1000)
            to_raised.append((raised - t0) * 1000)
            to_received.append((delivery["receivedAt"] - raised) * 1000)
        for name, values in (("door event -> webhook received", total),
                             ("  door event -> alarm raised (door API, stream, consumer)", to_raised),
                             ("  alarm raised -> webhook received (topic, fan-out, delivery)", to_received)):
            ordered = sorted(values)
            print(f"{name} over {len(ordered)} alarms: p50 {percentile(ordered, 0.5):.0f} ms  "
                  f"p99 {percentile(ordered, 0.99):.0f} ms  max {ordered[-1]:.0f} ms")
        print(f"signatures verified by the receiver: {len(total) - unverified} of {len(total)}")
    finally:
        if subscription_id:
            request = urllib.request.Request(f"{system.admin_url}/api/v1/alarm-subscriptions/{subscription_id}",
                                             method="DELETE", headers={"Authorization": f"Bearer {system.bearer}"})
            urllib.request.urlopen(request, timeout=10).close()
        receiver.terminate()
        receiver.wait(timeout=10)


if __name__ == "__main__":
    main()
