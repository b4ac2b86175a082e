"""Measures the back-office command path on a running system (bin/run): POST /api/v1/employees until
GET /api/v1/commands/{id} says APPLIED, one command at a time, and prints min / median / p95 / max.

The time includes admin-service (JWT check, S3 put), S3 -> SNS -> SQS in the emulator, the local poller's
receive, card-events (S3 get, two DynamoDB conditional writes) and the status read, plus the polling step
(10 ms) of this client.
"""
import argparse
import json
import statistics
import time
import urllib.request
import uuid

import boto3

import pool_sign_in


def token(endpoint, outputs, username, password):
    cognito = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                           aws_access_key_id="test", aws_secret_access_key="test")
    return pool_sign_in.access_token(cognito, outputs, username, password)


def call(method, url, bearer, body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--run-dir", default=".run")
    parser.add_argument("--admin-url", default="http://127.0.0.1:8081")
    parser.add_argument("--endpoint", default="http://127.0.0.1:4566")
    parser.add_argument("--commands", type=int, default=50)
    parser.add_argument("--warm-up", type=int, default=5)
    args = parser.parse_args()
    outputs = json.load(open(f"{args.run_dir}/outputs.json"))
    users = {line.split("\t")[1]: line.split("\t")[2].strip() for line in open(f"{args.run_dir}/demo-users.tsv")}
    bearer = token(args.endpoint, outputs, "demo-admin", users["demo-admin"])
    seconds = []
    for i in range(args.warm_up + args.commands):
        started = time.perf_counter()
        accepted = call("POST", f"{args.admin_url}/api/v1/employees", bearer, {
            "employeeNumber": f"B-{uuid.uuid4().hex[:12]}", "givenName": "Bench", "familyName": "Mark",
            "email": f"bench-{uuid.uuid4().hex[:8]}@example.com"})
        while True:
            status = call("GET", f"{args.admin_url}/api/v1/commands/{accepted['commandId']}", bearer)["status"]
            if status != "PENDING":
                break
            time.sleep(0.01)
        if status != "APPLIED":
            raise SystemExit(f"command {accepted['commandId']} ended {status}")
        if i >= args.warm_up:
            seconds.append(time.perf_counter() - started)
    seconds.sort()
    p95 = seconds[max(0, int(round(0.95 * len(seconds))) - 1)]
    print(f"command path POST -> APPLIED, {len(seconds)} commands after {args.warm_up} warm-up: "
          f"min {seconds[0] * 1000:.0f} ms, median {statistics.median(seconds) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
