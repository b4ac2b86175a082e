"""Decision latency at a sustained rate: the door simulator provisions a building, its doors and people through
admin-service, then asks the decision API at --rate per second for --seconds (people come and go at random,
so entries, exits and the odd anti-passback denial mix as on a normal day). Latency is measured from each
request's due time (open loop). Prints p50 / p99 / p99.9 / max, the rate achieved, the answers by reason, and
the CPU each process used per wall-clock second (2 cores = 2.0), which shows where the time went."""
import argparse
import json
import uuid

from bench_common import System
from bench_simulator import run_simulator


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=1000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--doors", type=int, default=8)
    parser.add_argument("--profile", default="normal-day")
    parser.add_argument("--warm-up", type=int, default=15, help="seconds played first and left out of the figures")
    parser.add_argument("--run-dir", default=".run")
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java", required=True)
    args = parser.parse_args()
    system = System(args.run_dir)
    summary, cpu = run_simulator(args.run_dir, args.jar, system, args.java, {
        "profile": args.profile, "rate-per-second": args.rate, "duration": f"{args.seconds}s",
        "warm-up": f"{args.warm_up}s", "people": args.people, "doors": args.doors,
        # A building of its own: the simulator starts with everyone outside, as presence then agrees.
        "building-id": f"BENCH-D{uuid.uuid4().hex[:6].upper()}"},
        f"{args.run_dir}/bench-decisions.log")
    print(f"decisions at {args.rate:g}/s for {args.seconds}s after {args.warm_up}s warm-up ({args.profile}, "
          f"{args.people} people, "
          f"{args.doors} doors): answered {summary['answered']} ({summary['ratePerSecond']}/s), "
          f"failed {summary['failed']}")
    print(f"  latency ms: p50 {summary['p50Ms']}  p99 {summary['p99Ms']}  p99.9 {summary['p999Ms']}  "
          f"max {summary['maxMs']}")
    print(f"  answers: {json.dumps(summary['reasons'])}")
    print(f"  CPU per second (of 2 cores): {json.dumps(cpu)}")


if __name__ == "__main__":
    main()
