"""Command latency under a steady load: RegisterEmployee commands POSTed at a fixed rate (open loop, each on
its own schedule, not waiting for the previous one), then the time from each 202 Accepted to the moment the
command was APPLIED (the command record's finishedAt, written by card-events on this same machine's clock).
Prints the achieved rate and p50 / p90 / p99 / max.
"""
import argparse
import concurrent.futures
import time
import uuid
from datetime import datetime

from bench_common import System, percentile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=20.0, help="commands per second")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--run-dir", default=".run")
    args = parser.parse_args()
    system = System(args.run_dir)
    total = int(args.rate * args.seconds)
    run = uuid.uuid4().hex[:8]

    def submit(i, due):
        delay = due - time.time()
        if delay > 0:
            time.sleep(delay)
        accepted = system.call("POST", "/api/v1/employees", {
            "employeeNumber": f"R{run}-{i}", "givenName": "Rate", "familyName": f"Bench{i}",
            "email": f"rate-{run}-{i}@example.com"})
        return accepted["commandId"], time.time()

    start = time.time() + 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        futures = [pool.submit(submit, i, start + i / args.rate) for i in range(total)]
        accepted = [f.result() for f in futures]
    sent_for = max(t for _, t in accepted) - start
    deadline = time.time() + 180
    latencies = {}
    pending = dict(accepted)
    while pending and time.time() < deadline:
        for command_id, accepted_at in list(pending.items()):
            view = system.call("GET", f"/api/v1/commands/{command_id}")
            if view["status"] == "PENDING":
                continue
            if view["status"] != "APPLIED":
                raise SystemExit(f"command {command_id} ended {view['status']}: {view.get('reason')}")
            finished = datetime.fromisoformat(view["finishedAt"].replace("Z", "+00:00")).timestamp()
            latencies[command_id] = finished - accepted_at
            del pending[command_id]
        if pending:
            time.sleep(0.5)
    if pending:
        raise SystemExit(f"{len(pending)} commands still PENDING after 180 s")
    values = sorted(latencies.values())
    print(f"command latency 202 -> APPLIED at {args.rate:g} commands/s for {args.seconds} s: {total} commands "
          f"accepted in {sent_for:.1f} s ({total / sent_for:.1f}/s); p50 {percentile(values, 0.50) * 1000:.0f} ms, "
          f"p90 {percentile(values, 0.90) * 1000:.0f} ms, p99 {percentile(values, 0.99) * 1000:.0f} ms, "
          f"max {values[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
