"""The card-events function's cold start on the local stage: starts an emulator of its own on a free port (and
always stops it), deploys the stacks with the deploy script (the function package from card-events/target), then
--runs times creates a fresh copy of the stack's apply-command function (same package, handler, runtime and
environment) and invokes it twice with an SQS batch carrying S3's test event (which the function acknowledges
without work): the first invoke is the cold start (a new JVM, AWS's runtime interface client, the Spring
context), the second a warm one. The function's own log gives the Spring context's share."""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import uuid

import boto3
from botocore.config import Config

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPTS = os.path.join(REPO, "infra-cloudformation", "scripts")
TEST_EVENT = os.path.join(REPO, "card-events", "src", "test", "resources", "events", "sns-s3-test-event.json")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sqs_batch(queue_arn):
    with open(TEST_EVENT, encoding="utf-8") as handle:
        body = handle.read().strip()
    return {"Records": [{"messageId": str(uuid.uuid4()), "receiptHandle": str(uuid.uuid4()), "body": body,
                         "attributes": {"ApproximateReceiveCount": "1"}, "messageAttributes": {},
                         "md5OfBody": "", "eventSource": "aws:sqs", "eventSourceARN": queue_arn,
                         "awsRegion": "us-east-1"}]}


def invoke(lam, name, payload):
    started = time.perf_counter()
    response = lam.invoke(FunctionName=name, Payload=json.dumps(payload).encode())
    seconds = time.perf_counter() - started
    answer = json.loads(response["Payload"].read() or b"null")
    if response.get("FunctionError") or answer != {"batchItemFailures": []}:
        raise SystemExit(f"{name} answered {answer} ({response.get('FunctionError')})")
    return seconds


def startup_seconds(log_file):
    """(Spring context, process until the context was up) of the newest function start, from the emulator's
    log: 'Started CardEventsApplication in X seconds (process running for Y)'."""
    with open(log_file, encoding="utf-8", errors="replace") as handle:
        found = re.findall(r"Started CardEventsApplication in ([0-9.]+) seconds \(process running for ([0-9.]+)\)",
                           handle.read())
    return (float(found[-1][0]), float(found[-1][1])) if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable added to the copies (to compare a setting)")
    args = parser.parse_args()
    port = free_port()
    run_dir = tempfile.mkdtemp(prefix="bench-cold-start-")
    env = dict(os.environ, BADGEFLOW_EMULATOR_PORT=str(port), BADGEFLOW_RUN_DIR=run_dir)
    endpoint = f"http://127.0.0.1:{port}"
    subprocess.run([os.path.join(SCRIPTS, "emulator"), "start"], env=env, check=True, stdout=subprocess.DEVNULL)
    try:
        outputs_file = os.path.join(run_dir, "outputs.json")
        subprocess.run([os.path.join(SCRIPTS, "deploy"), "--stage", "local", "--endpoint", endpoint,
                        "--outputs-file", outputs_file], env=env, check=True, stdout=subprocess.DEVNULL)
        outputs = json.load(open(outputs_file))
        lam = boto3.client("lambda", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test",
                           aws_secret_access_key="test", config=Config(read_timeout=120, retries={"max_attempts": 0}))
        template = lam.get_function_configuration(FunctionName=outputs["ApplyCommandFunctionName"])
        payload = sqs_batch(outputs["CommandsQueueArn"])
        cold, warm, spring = [], [], []
        for run in range(args.runs):
            name = f"cold-start-{run}-{uuid.uuid4().hex[:6]}"
            lam.create_function(FunctionName=name, Runtime=template["Runtime"], Handler=template["Handler"],
                                Role=template["Role"], MemorySize=template["MemorySize"], Timeout=template["Timeout"],
                                Environment={"Variables": {**template["Environment"]["Variables"],
                                                           **dict(e.split("=", 1) for e in args.env)}},
                                Code={"S3Bucket": outputs["ArtifactBucketName"],
                                      "S3Key": outputs["CardEventsPackageKey"]})
            try:
                cold.append(invoke(lam, name, payload))
                warm.append(invoke(lam, name, payload))
                spring.append(startup_seconds(os.path.join(run_dir, "ministack.log")))
            finally:
                lam.delete_function(FunctionName=name)
        print(f"card-events cold start on the local stage ({template['Runtime']}, {template['MemorySize']} MB, "
              f"{os.cpu_count()} cores), {args.runs} fresh functions:")
        for label, values in (("first invoke (cold)", cold), ("second invoke (warm)", warm)):
            print(f"  {label}: min {min(values) * 1000:.0f} ms, median {statistics.median(values) * 1000:.0f} ms, "
                  f"max {max(values) * 1000:.0f} ms")
        known = [s for s in spring if s is not None]
        if known:
            context = statistics.median(s[0] for s in known)
            process = statistics.median(s[1] for s in known)
            print(f"  of which, from the function's own log: JVM and runtime client up to Spring's start "
                  f"{(process - context) * 1000:.0f} ms, the Spring context {context * 1000:.0f} ms; the rest is the "
                  f"first event's handling and the emulator's Runtime API")
        print(f"  target <= 2000 ms: median cold start is {statistics.median(cold) / 2.0:.2f} of the limit")
    finally:
        subprocess.run([os.path.join(SCRIPTS, "emulator"), "stop"], env=env, check=False, stdout=subprocess.DEVNULL)
        shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
