"""The local emulator's own cost per call: starts a fresh emulator of its own on a free port (and always stops it),
then times the calls the door path makes, each --calls times after a warm-up, from one client thread. For each it
prints the emulator's CPU per item (from /proc, so the client's own work is left out) and what that allows at most:
the emulator serves from one core (one Python process), so 1 / CPU-per-item is the most items per second it can
take of that call alone. This is the floor under every door-path figure of docs/benchmarks.md."""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid

import boto3
from botocore.config import Config

from bench_simulator import cpu_seconds

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EMULATOR = os.path.join(REPO, "infra-cloudformation", "scripts", "emulator")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def swipe_item(key, i):
    return {"doorId": {"S": key}, "occurredAtEventId": {"S": f"2026-12-06T10:00:00.000Z#{key}-{i}"},
            "eventId": {"S": f"{key}-{i}"}, "type": {"S": "EntryDecided"}, "buildingId": {"S": "HQ"},
            "buildingDay": {"S": "HQ#2026-12-06"}, "employeeId": {"S": f"emp-{i}"}, "cardNumber": {"S": f"C{i}"},
            "decision": {"S": "GRANTED"}, "reason": {"S": "GRANTED"}, "rule": {"S": "all-rules-passed"},
            "occurredAt": {"S": "2026-12-06T10:00:00Z"}, "expiresAt": {"N": "1999999999"}}


def measure(name, pid, items_per_call, calls, call):
    for i in range(max(1, calls // 10)):
        call(-1 - i)
    cpu, wall = cpu_seconds(pid), time.perf_counter()
    for i in range(calls):
        call(i)
    wall = time.perf_counter() - wall
    cpu = cpu_seconds(pid) - cpu
    items = calls * items_per_call
    per_item_ms = cpu * 1000 / items
    print(f"| {name} | {items_per_call} | {per_item_ms:.3f} | {wall * 1000 / calls:.2f} | "
          f"{items / cpu if cpu else float('inf'):,.0f} |", flush=True)
    return cpu / items


def clients_for(endpoint):
    config = Config(retries={"max_attempts": 0}, max_pool_connections=4)
    clients = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="bench",
                   aws_secret_access_key="bench", config=config)
    return boto3.client("dynamodb", **clients), boto3.client("kinesis", **clients)


def await_stream(kinesis, name):
    for _ in range(100):
        if kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"] == "ACTIVE":
            return
        time.sleep(0.1)


def decision_write(endpoint, pid, calls):
    """A decision's one write (decision 0015): a presence item, conditional on the version read, carrying its
    event, on a table whose changes stream to Kinesis, as the presence table's do. Returns the emulator's CPU
    seconds per write."""
    dynamodb, kinesis = clients_for(endpoint)
    dynamodb.create_table(TableName="bench-presence", BillingMode="PAY_PER_REQUEST",
                          AttributeDefinitions=[{"AttributeName": "employeeId", "AttributeType": "S"},
                                                {"AttributeName": "buildingId", "AttributeType": "S"}],
                          KeySchema=[{"AttributeName": "employeeId", "KeyType": "HASH"},
                                     {"AttributeName": "buildingId", "KeyType": "RANGE"}])
    kinesis.create_stream(StreamName="bench-decisions", ShardCount=1)
    await_stream(kinesis, "bench-decisions")
    arn = kinesis.describe_stream_summary(StreamName="bench-decisions")["StreamDescriptionSummary"]["StreamARN"]
    dynamodb.enable_kinesis_streaming_destination(TableName="bench-presence", StreamArn=arn)
    event = '{"type":"EntryDecided","eventId":"%s","doorId":"door-1","buildingId":"HQ","cardNumber":"C1",' \
            '"direction":"IN","cardId":"card-1","cardStatus":"ACTIVE","employeeId":"emp-1","decision":"GRANTED",' \
            '"reason":"GRANTED","rule":"all-rules-passed","policyVersion":"v1","alarms":[],' \
            '"occurredAt":"2026-12-07T10:00:00Z","decidedAt":"2026-12-07T10:00:00.004Z"}'

    def write(i):
        run_key = f"emp-{uuid.uuid4().hex[:8]}"
        dynamodb.put_item(TableName="bench-presence", ConditionExpression="attribute_not_exists(employeeId)", Item={
            "employeeId": {"S": run_key}, "buildingId": {"S": "HQ"}, "inside": {"BOOL": True},
            "insideBuildingId": {"S": "HQ"}, "lastDoorId": {"S": "door-1"}, "since": {"S": "2026-12-07T10:00:00Z"},
            "lastEventId": {"S": f"evt-{i}"}, "version": {"N": "1"}, "decisionEvent": {"S": event % f"evt-{i}"}})
    return measure("PutItem with a condition, streamed to Kinesis (a decision's one write)", pid, 1, calls, write)


def started_emulator():
    """(endpoint, pid, stop) of a fresh emulator on a free port."""
    port = free_port()
    run_dir = tempfile.mkdtemp(prefix="bench-emulator-")
    env = dict(os.environ, BADGEFLOW_EMULATOR_PORT=str(port), BADGEFLOW_RUN_DIR=run_dir)
    subprocess.run([EMULATOR, "start"], env=env, check=True, stdout=subprocess.DEVNULL)

    def stop():
        subprocess.run([EMULATOR, "stop"], env=env, check=False, stdout=subprocess.DEVNULL)
    try:
        pid = int("".join(ch for ch in open(f"{run_dir}/ministack.pid").read() if ch.isdigit()))
    except Exception:
        stop()
        raise
    return f"http://127.0.0.1:{port}", pid, stop


def run(endpoint, pid, calls, iterators):
    dynamodb, kinesis = clients_for(endpoint)
    keys = [{"AttributeName": "doorId", "AttributeType": "S"},
            {"AttributeName": "occurredAtEventId", "AttributeType": "S"}]
    dynamodb.create_table(TableName="bench-swipes", AttributeDefinitions=keys, BillingMode="PAY_PER_REQUEST",
                          KeySchema=[{"AttributeName": "doorId", "KeyType": "HASH"},
                                     {"AttributeName": "occurredAtEventId", "KeyType": "RANGE"}])
    kinesis.create_stream(StreamName="bench-stream", ShardCount=4)
    await_stream(kinesis, "bench-stream")

    print("| call | items per call | emulator CPU per item (ms) | wall per call (ms) | most items/s on one core |")
    print("|---|---|---|---|---|")

    def conditional_put(i):
        run_key = f"put-{uuid.uuid4().hex[:8]}"
        dynamodb.put_item(TableName="bench-swipes", Item=swipe_item(run_key, i),
                          ConditionExpression="attribute_not_exists(doorId)")
    measure("PutItem with a condition", pid, 1, calls, conditional_put)
    decision_write(endpoint, pid, calls)

    def consistent_get(i):
        dynamodb.get_item(TableName="bench-swipes", ConsistentRead=True,
                          Key={"doorId": {"S": "none"}, "occurredAtEventId": {"S": str(i)}})
    measure("GetItem, consistent", pid, 1, calls, consistent_get)

    def batch_write(i):
        run_key = f"bw-{uuid.uuid4().hex[:8]}"
        dynamodb.batch_write_item(RequestItems={"bench-swipes": [
            {"PutRequest": {"Item": swipe_item(run_key, j)}} for j in range(25)]})
    measure("BatchWriteItem", pid, 25, max(1, calls // 25), batch_write)

    def batch_get(i):
        dynamodb.batch_get_item(RequestItems={"bench-swipes": {"ConsistentRead": True, "Keys": [
            {"doorId": {"S": f"none-{i}"}, "occurredAtEventId": {"S": str(j)}} for j in range(100)]}})
    measure("BatchGetItem, consistent", pid, 100, max(1, calls // 100), batch_get)

    def put_record(i):
        kinesis.put_record(StreamName="bench-stream", PartitionKey=f"employee:e{i}", Data=b'{"type":"x"}' * 30)
    measure("Kinesis PutRecord", pid, 1, calls, put_record)

    def put_records(i):
        kinesis.put_records(StreamName="bench-stream", Records=[
            {"PartitionKey": f"employee:e{j}", "Data": b'{"type":"x"}' * 30} for j in range(500)])
    measure("Kinesis PutRecords", pid, 500, max(1, calls // 100), put_records)

    # Every Kinesis call first scans every shard iterator issued in the last 5 minutes, and each GetRecords issues
    # one: KCL polling 4 shards every 200 ms leaves 6,000 alive.
    shard = kinesis.list_shards(StreamName="bench-stream")["Shards"][0]["ShardId"]
    for _ in range(iterators):
        kinesis.get_shard_iterator(StreamName="bench-stream", ShardId=shard, ShardIteratorType="LATEST")
    measure(f"Kinesis PutRecord, {iterators:,} iterators alive", pid, 1, max(1, calls // 4), put_record)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--iterators", type=int, default=6000)
    args = parser.parse_args()
    endpoint, pid, stop = started_emulator()
    try:
        print(f"emulator on {endpoint} (PID {pid}), {args.calls} calls each, {os.cpu_count()} cores")
        run(endpoint, pid, args.calls, args.iterators)
    finally:
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
