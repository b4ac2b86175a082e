"""Registers the local admin-service and access-stream processes as ip targets of the stack's target groups,
as ECS registers its tasks on AWS, so the load balancer routes to them by the template's listener rules.

    register_targets.py --endpoint URL --outputs-file FILE --admin-port N --access-stream-port N
"""

import argparse
import json

import boto3


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
        elbv2.register_targets(TargetGroupArn=outputs[output], Targets=[{"Id": "127.0.0.1", "Port": port}])
        print(f"registered 127.0.0.1:{port} in {outputs[output].rsplit('/', 2)[-2]}")


if __name__ == "__main__":
    main()
