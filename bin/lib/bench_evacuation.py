"""Evacuation surge: the simulator brings --people into one building through the decision API, then lets all of
them out within --window seconds. Afterwards: how far the stream consumer lagged (its
badgeflow.stream.lag timer: record arrival on the stream -> applied, p99 and max over the run), and whether
occupancy (the presence table's inside-by-building index) is back to 0 once the consumer has caught up."""
import argparse
import json
import uuid
import time
import urllib.request

from bench_common import System
from bench_simulator import run_simulator


def metric(system, name, tag=None):
    url = f"{system.stream_management_url}/actuator/metrics/{name}" + (f"?tag={tag}" if tag else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        return {m["statistic"]: m["value"] for m in json.loads(response.read())["measurements"]}


def occupancy(system, building):
    dynamodb = system.client("dynamodb")
    total = 0
    for page in dynamodb.get_paginator("query").paginate(
            TableName=system.outputs["PresenceTableName"], IndexName="insideByBuilding", Select="COUNT",
            KeyConditionExpression="insideBuildingId = :b", ExpressionAttributeValues={":b": {"S": building}}):
        total += page["Count"]
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--window", type=int, default=300)
    parser.add_argument("--enter-rate", type=float, default=500)
    parser.add_argument("--doors", type=int, default=8)
    parser.add_argument("--run-dir", default=".run")
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java", required=True)
    args = parser.parse_args()
    system = System(args.run_dir)
    building = f"BENCH-E{uuid.uuid4().hex[:6].upper()}"
    summary, cpu = run_simulator(args.run_dir, args.jar, system, args.java, {
        "profile": "evacuation", "rate-per-second": args.enter_rate, "people": args.people, "doors": args.doors,
        "evacuation-window": f"{args.window}s", "building-id": building},
        f"{args.run_dir}/bench-evacuation.log")
    deadline = time.time() + 120
    inside = occupancy(system, building)
    while inside and time.time() < deadline:
        time.sleep(1)
        inside = occupancy(system, building)
    lag = metric(system, "badgeflow.stream.lag")
    p99 = metric(system, "badgeflow.stream.lag.percentile", "phi:0.99")
    print(f"evacuation of {args.people} people over {args.window}s through {args.doors} doors: "
          f"{summary['answered']} decisions answered ({summary['reasons']}), failed {summary['failed']}, "
          f"{summary['seconds']}s")
    print(f"  decision latency ms: p50 {summary['p50Ms']}  p99 {summary['p99Ms']}  max {summary['maxMs']}")
    print(f"  consumer lag (put -> applied): p99 {p99.get('VALUE', 0) * 1000:.0f} ms (the last 2 minutes), "
          f"max {lag.get('MAX', 0) * 1000:.0f} ms (recent), mean "
          f"{lag.get('TOTAL_TIME', 0) / max(1, lag.get('COUNT', 1)) * 1000:.0f} ms over {lag.get('COUNT', 0):.0f} records "
          f"(the whole run)")
    print(f"  occupancy of {building} afterwards: {inside}")
    print(f"  CPU per second (of 2 cores): {json.dumps(cpu)}")


if __name__ == "__main__":
    main()
