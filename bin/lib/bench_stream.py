"""Stream throughput end to end: puts --events door events on the Kinesis stream (PutRecords, 500 per call, from
--threads threads) as fast as the stream takes them, and times until the KCL consumer has applied them all (its
badgeflow.stream.events.applied + .repeated counters). Half are granted entries of --people synthetic employees
(a swipes row and a presence write each), half door states (a swipes row each), spread over every shard by their
partition keys. Start the system with BADGEFLOW_STREAM_SHARDS=4 for the benchmark's 4 shards. Prints the put
rate, the applied rate and the CPU each process used per wall-clock second, and the ratio to the limit from the
same run: the emulator serves from one core, so its CPU seconds per event (for this run's call mix: the puts,
KCL's reads, the archive, the batched swipe and presence writes) give the most events per second it could take,
and the end-to-end rate divided by that is the share of its core the run kept busy (issue 15: >= 0.8)."""
import argparse
import json
import threading
import time
import urllib.request
import uuid
from datetime import datetime, timezone

from bench_common import System
from bench_simulator import cpu_seconds, pid_of


def applied(system):
    total = 0
    for name in ("badgeflow.stream.events.applied", "badgeflow.stream.events.repeated"):
        with urllib.request.urlopen(f"{system.stream_management_url}/actuator/metrics/{name}", timeout=10) as response:
            total += json.loads(response.read())["measurements"][0]["value"]
    return total


def event(i, run, people):
    now = datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")
    door = f"BS{run}-door-{i % 16}"
    if i % 2:
        body = {"type": "DoorStateChanged", "eventId": f"{run}-{i}", "doorId": door, "buildingId": f"BS{run}",
                "state": "OPENED" if i % 4 == 1 else "CLOSED", "occurredAt": now}
        return f"door:{door}", body
    employee = f"BS{run}-e{i % people}"
    body = {"type": "EntryDecided", "eventId": f"{run}-{i}", "doorId": door, "buildingId": f"BS{run}",
            "cardNumber": f"BS{run}-c{i % people}", "direction": "IN", "cardId": f"BS{run}-card{i % people}",
            "cardStatus": "ACTIVE", "employeeId": employee, "decision": "GRANTED", "reason": "GRANTED",
            "rule": "all-rules-passed", "policyVersion": "bench", "alarms": [], "occurredAt": now, "decidedAt": now}
    return f"employee:{employee}", body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--run-dir", default=".run")
    args = parser.parse_args()
    system = System(args.run_dir)
    kinesis = system.client("kinesis")
    stream = system.outputs["SwipeStreamName"]
    shards = len(kinesis.list_shards(StreamName=stream)["Shards"])
    run = uuid.uuid4().hex[:6].upper()
    records = [event(i, run, args.people) for i in range(args.events)]
    batches = [records[i:i + 500] for i in range(0, len(records), 500)]
    before = applied(system)
    processes = {"emulator": pid_of(args.run_dir, "emulator"), "access-stream": pid_of(args.run_dir, "access-stream")}
    cpu_before = {name: cpu_seconds(pid) for name, pid in processes.items()}
    started = time.time()
    lock = threading.Lock()

    def put_some():
        client = system.client("kinesis")
        while True:
            with lock:
                if not batches:
                    return
                batch = batches.pop()
            entries = [{"PartitionKey": key, "Data": json.dumps(body).encode()} for key, body in batch]
            while entries:
                result = client.put_records(StreamName=stream, Records=entries)
                entries = [entry for entry, outcome in zip(entries, result["Records"]) if "ErrorCode" in outcome]

    threads = [threading.Thread(target=put_some) for _ in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    put_seconds = time.time() - started
    while applied(system) - before < args.events:
        if time.time() - started > 1800:
            raise SystemExit(f"only {applied(system) - before:.0f} of {args.events} applied after 30 minutes")
        time.sleep(0.5)
    seconds = time.time() - started
    used = {name: cpu_seconds(pid) - cpu_before[name] for name, pid in processes.items()
            if pid is not None and cpu_before[name] is not None}
    cpu = {name: round(value / seconds, 2) for name, value in used.items()}
    print(f"stream: {args.events} events on {shards} shards: put in {put_seconds:.1f}s "
          f"({args.events / put_seconds:.0f}/s), all applied after {seconds:.1f}s ({args.events / seconds:.0f}/s end to end)")
    print(f"  CPU per second (of 2 cores): {json.dumps(cpu)}")
    if used.get("emulator"):
        ceiling = args.events / used["emulator"]
        print(f"  emulator ceiling for this call mix: {ceiling:,.0f} events/s ({used['emulator'] * 1000 / args.events:.3f} "
              f"ms of its CPU per event); end to end / ceiling = {args.events / seconds / ceiling:.2f} (target >= 0.8, "
              f"or >= 5,000 events/s)")


if __name__ == "__main__":
    main()
