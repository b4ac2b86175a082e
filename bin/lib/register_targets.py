"""Registers the local admin-service and access-stream processes as ip targets of the stack's target groups,
as ECS registers its tasks on AWS, so the load balancer routes to them by the template's listener rules.
The emulator's load balancer never asks a target's health check, so this does it once before registering, as
the target group would (its HealthCheckPath, on the traffic port): a path the service does not answer there,
such as an actuator endpoint moved off the service port, fails bin/run here rather than an ECS deployment.

    register_targets.py --endpoint URL --outputs-file FILE --admin-port N --access-stream-port N
"""

import argparse
import json
import time
import urllib.error
import urllib.request

import boto3


def healthy(port, path, timeout_seconds=60):
    """Polls http://127.0.0.1:<port><path> until it answers 200 (what the target groups expect)."""
    deadline = time.time() + timeout_seconds
    last = None
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
                if response.status == 200:
                    return
                last = response.status
        except urllib.error.HTTPError as error:
            last = error.code
        except OSError as error:
            last = error
        time.sleep(0.5)
    raise SystemExit(f"127.0.0.1:{port}{path}, the target group's health check, did not answer 200 (last: {last})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--outputs-file", required=True)
    parser.add_argument("--admin-port", type=int, required=True)
    parser.add_argument("--access-stream-port", type=int, required=True)
    args = parser.parse_args()
    with open(args.outputs_file, encoding="utf-8") as handle:
        outputs = json.load(handle)
    elbv2 = boto3.client("elbv2", endpoint_url=args.endpoint, region_name="us-east-1",
                         aws_access_key_id="test", aws_secret_access_key="test")
    for output, port in (("AdminServiceTargetGroupArn", args.admin_port),
                         ("AccessStreamTargetGroupArn", args.access_stream_port)):
        group = elbv2.describe_target_groups(TargetGroupArns=[outputs[output]])["TargetGroups"][0]
        healthy(port, group["HealthCheckPath"])
        elbv2.register_targets(TargetGroupArn=outputs[output], Targets=[{"Id": "127.0.0.1", "Port": port}])
        print(f"registered 127.0.0.1:{port} in {outputs[output].rsplit('/', 2)[-2]} "
              f"(health check {group['HealthCheckPath']}: 200)")


if __name__ == "__main__":
    main()
