"""The decision path as a ratio to its limit, from one run (issue 15, target >= 0.6). First the emulator's own
ceiling for a decision's one write: a conditional PutItem on a table that streams its changes to Kinesis
(decision 0015), timed on a fresh emulator of its own as in `bin/bench emulator`; the emulator serves from one
core, so 1 / its CPU per write is the most decisions per second it could take. Then the running system's
sustainable decision rate, after an untimed warm-up run: the highest of a series of rates at which the door simulator's requests were
all answered, at the rate offered, with p99 <= --p99-ms. Prints every step, the emulator's share of a core at each,
and the ratio sustainable / ceiling."""
import argparse
import os
import uuid

from bench_common import System
from bench_emulator import decision_write, started_emulator
from bench_simulator import run_simulator


def ceiling(calls):
    endpoint, pid, stop = started_emulator()
    try:
        print("| call | items per call | emulator CPU per item (ms) | wall per call (ms) | most items/s on one core |")
        print("|---|---|---|---|---|")
        return 1 / decision_write(endpoint, pid, calls)
    finally:
        stop()


def step(args, system, rate):
    summary, cpu = run_simulator(args.run_dir, args.jar, system, args.java, {
        "profile": "normal-day", "rate-per-second": rate, "duration": f"{args.seconds}s",
        "warm-up": f"{args.warm_up}s", "people": args.people, "doors": args.doors,
        "building-id": f"BENCH-L{uuid.uuid4().hex[:6].upper()}"}, f"{args.run_dir}/bench-limit.log")
    answered_rate = summary["ratePerSecond"]
    ok = summary["failed"] == 0 and summary["p99Ms"] <= args.p99_ms and answered_rate >= 0.95 * rate
    print(f"| {rate:g} | {answered_rate} | {summary['failed']} | {summary['p50Ms']} | {summary['p99Ms']} | "
          f"{summary['p999Ms']} | {cpu.get('emulator')} | {cpu.get('access-stream')} | {cpu.get('simulator')} | "
          f"{'yes' if ok else 'no'} |", flush=True)
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rates", default="25,50,100,150,200,300,400,600,800")
    parser.add_argument("--p99-ms", type=float, default=15)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--warm-up", type=int, default=10)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--doors", type=int, default=8)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--warm-rate", type=float, default=50, help="the untimed warm-up run's rate")
    parser.add_argument("--warm-seconds", type=int, default=60)
    parser.add_argument("--run-dir", default=".run")
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java", required=True)
    args = parser.parse_args()
    system = System(args.run_dir)
    print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    limit = ceiling(args.calls)
    print(f"\nceiling: {limit:,.0f} decisions/s (the emulator's core, one streamed conditional write each)\n")
    print("| offered/s | answered/s | failed | p50 ms | p99 ms | p99.9 ms | emulator CPU/s | access-stream CPU/s "
          "| simulator CPU/s | sustained |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    # A fresh service's first thousands of requests run in the interpreter and C1: one untimed run warms it.
    run_simulator(args.run_dir, args.jar, system, args.java, {
        "profile": "normal-day", "rate-per-second": args.warm_rate, "duration": f"{args.warm_seconds}s",
        "warm-up": "0s", "people": args.people, "doors": args.doors,
        "building-id": f"BENCH-W{uuid.uuid4().hex[:6].upper()}"}, f"{args.run_dir}/bench-limit-warm-up.log")
    sustainable = 0
    for rate in (float(r) for r in args.rates.split(",")):
        if step(args, system, rate):
            sustainable = max(sustainable, rate)
    print(f"\nsustainable: {sustainable:g} decisions/s with p99 <= {args.p99_ms:g} ms; ceiling {limit:,.0f}/s; "
          f"ratio {sustainable / limit:.2f} (target >= 0.6); load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
