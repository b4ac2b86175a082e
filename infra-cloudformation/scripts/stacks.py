"""Deploys and deletes the Badgeflow CloudFormation stacks of one stage, in dependency order.

Run through the `deploy` and `delete` wrappers, which prepare the Python environment first.
Stack names are badgeflow-<stage>-<name>; cross-stack references are exports named
badgeflow-<stage>-<OutputKey>. For the local stage the stacks go to the emulator, and the
properties the emulator ignores are then applied by local_compensation.
"""

import argparse
import datetime
import glob
import hashlib
import json
import os
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfn_yaml import load_template  # noqa: E402
import local_compensation  # noqa: E402

INFRA_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(INFRA_DIR)
TEMPLATES_DIR = os.path.join(INFRA_DIR, "templates")

# Deploy order; delete runs it backwards. topics precede storage: bucket notifications need them.
STACKS = ["keys", "topics", "storage", "messaging", "stream", "identity", "compute", "monitoring"]
# Bootstrap stack of dev/prod: artifact bucket for the Lambda jar and ECR repositories for the images.
ARTIFACTS = "artifacts"

IN_PROGRESS = "_IN_PROGRESS"
NO_CHANGE = "No updates are to be performed"


class DeployFailed(Exception):
    pass


def log(message):
    print(message, flush=True)


class Target:
    """Where the stacks go: the emulator for local, an AWS account otherwise."""

    def __init__(self, stage, endpoint, region):
        self.stage = stage
        self.local = stage == "local"
        port = os.environ.get("BADGEFLOW_EMULATOR_PORT", "4566")
        self.endpoint = endpoint or (f"http://127.0.0.1:{port}" if self.local else None)
        if self.local:
            self.region = region or "us-east-1"
            self.session = boto3.session.Session(
                aws_access_key_id="test", aws_secret_access_key="test", region_name=self.region)
        else:
            self.session = boto3.session.Session(region_name=region)
            self.region = self.session.region_name
            if not self.region:
                raise DeployFailed("no region: pass --region or set AWS_REGION")
        self.config = Config(retries={"mode": "standard", "max_attempts": 5},
                             connect_timeout=5 if self.local else 20,
                             read_timeout=60 if self.local else 120)
        # polling interval and deadline for one stack operation
        self.poll_seconds = 0.5 if self.local else 5
        self.deadline_seconds = 300 if self.local else 3600

    def client(self, service):
        return self.session.client(service, endpoint_url=self.endpoint, config=self.config)

    def stack_name(self, name):
        return f"badgeflow-{self.stage}-{name}"


def describe(cfn, stack_name):
    try:
        return cfn.describe_stacks(StackName=stack_name)["Stacks"][0]
    except ClientError as error:
        if "does not exist" in str(error):
            return None
        raise


def wait_for_settled(target, cfn, stack_name):
    """Polls the stack until its status is no longer *_IN_PROGRESS; returns the stack (None if gone)."""
    deadline = time.monotonic() + target.deadline_seconds
    while True:
        stack = describe(cfn, stack_name)
        if stack is None or not stack["StackStatus"].endswith(IN_PROGRESS):
            return stack
        if time.monotonic() > deadline:
            raise DeployFailed(f"{stack_name}: still {stack['StackStatus']} after "
                               f"{target.deadline_seconds}s")
        time.sleep(target.poll_seconds)


def print_failed_events(cfn, stack_name, since):
    try:
        events = cfn.describe_stack_events(StackName=stack_name)["StackEvents"]
    except ClientError:
        return
    failed = [e for e in events if e["ResourceStatus"].endswith("FAILED")
              and e["Timestamp"] >= since]
    for event in reversed(failed or events[:5]):
        log(f"    {event['LogicalResourceId']} ({event.get('ResourceType')}): "
            f"{event['ResourceStatus']} {event.get('ResourceStatusReason', '')}")


def template_parameters(template, stage, overrides, existing):
    declared = template.get("Parameters", {})
    existing_keys = {p["ParameterKey"] for p in (existing or {}).get("Parameters", [])}
    parameters = []
    for key in declared:
        if key == "Stage":
            parameters.append({"ParameterKey": "Stage", "ParameterValue": stage})
        elif key in overrides:
            parameters.append({"ParameterKey": key, "ParameterValue": overrides[key]})
        elif key in existing_keys:
            parameters.append({"ParameterKey": key, "UsePreviousValue": True})
    return parameters


# CloudFormation takes at most 51,200 bytes as TemplateBody (more only through an S3 URL).
MAX_TEMPLATE_BODY = 51_200


def template_body(path, template):
    """The template as written, or, when that is over the TemplateBody limit, the same template as compact JSON
    (intrinsics in their long form), which CloudFormation reads alike and which is a fifth smaller."""
    with open(path, encoding="utf-8") as handle:
        body = handle.read()
    if len(body.encode("utf-8")) <= MAX_TEMPLATE_BODY:
        return body
    compact = json.dumps(template, separators=(",", ":"))
    if len(compact.encode("utf-8")) > MAX_TEMPLATE_BODY:
        raise DeployFailed(f"{path}: {len(compact)} bytes even as compact JSON; split the stack")
    return compact


def deploy_stack(target, name, overrides):
    cfn = target.client("cloudformation")
    stack_name = target.stack_name(name)
    path = os.path.join(TEMPLATES_DIR, f"{name}.yaml")
    template = load_template(path)
    body = template_body(path, template)
    started = time.monotonic()
    since = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=5)

    stack = wait_for_settled(target, cfn, stack_name)
    if stack is not None and stack["StackStatus"] in ("ROLLBACK_COMPLETE", "ROLLBACK_FAILED",
                                                      "REVIEW_IN_PROGRESS"):
        log(f"  {stack_name}: {stack['StackStatus']} from an earlier failed create; deleting it first")
        cfn.delete_stack(StackName=stack_name)
        stack = wait_for_settled(target, cfn, stack_name)
        if stack is not None and stack["StackStatus"] != "DELETE_COMPLETE":
            raise DeployFailed(f"{stack_name}: could not delete the failed stack ({stack['StackStatus']})")
        stack = None
    if stack is not None and stack["StackStatus"] == "DELETE_COMPLETE":
        stack = None

    common = {
        "StackName": stack_name,
        "TemplateBody": body,
        "Parameters": template_parameters(template, target.stage, overrides, stack),
        "Capabilities": ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
        "Tags": [{"Key": "Project", "Value": "badgeflow"}, {"Key": "Stage", "Value": target.stage}],
    }
    if stack is None:
        action = "create"
        cfn.create_stack(OnFailure="ROLLBACK", **common)
    else:
        action = "update"
        try:
            cfn.update_stack(**common)
        except ClientError as error:
            if NO_CHANGE in str(error):
                log(f"  {stack_name}: no change ({time.monotonic() - started:.1f}s)")
                return stack_name, template
            raise
    stack = wait_for_settled(target, cfn, stack_name)
    status = stack["StackStatus"] if stack else "GONE"
    if status not in ("CREATE_COMPLETE", "UPDATE_COMPLETE"):
        log(f"  {stack_name}: {action} FAILED, status {status}; failed events:")
        print_failed_events(cfn, stack_name, since)
        raise DeployFailed(f"{stack_name}: {action} ended in {status}")
    log(f"  {stack_name}: {action}d ({time.monotonic() - started:.1f}s)")
    return stack_name, template


def stack_outputs(target, names):
    cfn = target.client("cloudformation")
    outputs = {}
    for name in names:
        stack = describe(cfn, target.stack_name(name))
        for output in (stack or {}).get("Outputs", []):
            outputs[output["OutputKey"]] = output["OutputValue"]
    return outputs


def upload_artifacts(target, overrides):
    """dev/prod: bootstrap the artifacts stack, upload the card-events jar, pass its key to compute."""
    log(f"artifacts for {target.stage}:")
    deploy_stack(target, STACKS[0], overrides)  # the artifacts stack imports the key
    deploy_stack(target, ARTIFACTS, overrides)
    outputs = stack_outputs(target, [ARTIFACTS])
    jars = sorted(glob.glob(os.path.join(REPO_DIR, "card-events", "target", "card-events-*-aws.jar")))
    if not jars:
        raise DeployFailed("no card-events/target/card-events-*-aws.jar: build it first "
                           "(./mvnw -B -pl card-events -am package)")
    jar = jars[-1]
    with open(jar, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()[:16]
    key = f"card-events/card-events-{digest}-aws.jar"
    bucket = outputs["ArtifactBucketName"]
    target.client("s3").upload_file(jar, bucket, key)
    log(f"  uploaded {os.path.basename(jar)} to s3://{bucket}/{key}")
    overrides.setdefault("ArtifactBucket", bucket)
    overrides.setdefault("CardEventsJarKey", key)
    overrides.setdefault("AdminServiceImage", outputs["AdminServiceRepositoryUri"] + ":latest")
    overrides.setdefault("AccessStreamImage", outputs["AccessStreamRepositoryUri"] + ":latest")


def deploy(args):
    target = Target(args.stage, args.endpoint, args.region)
    overrides = dict(parse_parameter(p) for p in args.parameter)
    started = time.monotonic()
    where = target.endpoint or f"AWS {target.region}"
    if not target.local and args.artifacts:
        upload_artifacts(target, overrides)
    log(f"deploying stage {target.stage} to {where}:")
    deployed = [deploy_stack(target, name, overrides) for name in STACKS]
    if target.local and args.skip_local_compensation:
        log("NOT applying the properties the emulator ignores (--skip-local-compensation)")
    elif target.local:
        log("applying the properties the emulator ignores (local_compensation):")
        local_compensation.apply_properties_the_emulator_ignores(
            target.session, deployed, target.region, target.endpoint,
            report=lambda line: log(f"  {line}"))
    outputs = stack_outputs(target, ([ARTIFACTS] if not target.local else []) + STACKS)
    log("outputs:")
    for key in sorted(outputs):
        log(f"  {key} = {outputs[key]}")
    if args.outputs_file:
        os.makedirs(os.path.dirname(os.path.abspath(args.outputs_file)), exist_ok=True)
        with open(args.outputs_file, "w", encoding="utf-8") as handle:
            json.dump(outputs, handle, indent=2, sort_keys=True)
            handle.write("\n")
        log(f"outputs written to {args.outputs_file}")
    log(f"deployed stage {target.stage} in {time.monotonic() - started:.1f}s")


def empty_bucket(s3, bucket):
    removed = 0
    try:
        paginator = s3.get_paginator("list_object_versions")
        for page in paginator.paginate(Bucket=bucket):
            objects = [{"Key": v["Key"], "VersionId": v["VersionId"]}
                       for v in page.get("Versions", []) + page.get("DeleteMarkers", [])]
            for start in range(0, len(objects), 1000):
                s3.delete_objects(Bucket=bucket, Delete={"Objects": objects[start:start + 1000],
                                                         "Quiet": True})
                removed += len(objects[start:start + 1000])
    except ClientError as error:
        if "NoSuchBucket" in str(error):
            return 0
        raise
    return removed


def delete_stack(target, name):
    cfn = target.client("cloudformation")
    stack_name = target.stack_name(name)
    started = time.monotonic()
    since = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=5)
    stack = wait_for_settled(target, cfn, stack_name)
    if stack is None or stack["StackStatus"] == "DELETE_COMPLETE":
        log(f"  {stack_name}: absent")
        return
    s3 = target.client("s3")
    for page in cfn.get_paginator("list_stack_resources").paginate(StackName=stack_name):
        for resource in page["StackResourceSummaries"]:
            if resource["ResourceType"] == "AWS::S3::Bucket" and resource.get("PhysicalResourceId"):
                removed = empty_bucket(s3, resource["PhysicalResourceId"])
                if removed:
                    log(f"  emptied {resource['PhysicalResourceId']} ({removed} object versions)")
    cfn.delete_stack(StackName=stack_name)
    stack = wait_for_settled(target, cfn, stack_name)
    if stack is not None and stack["StackStatus"] != "DELETE_COMPLETE":
        log(f"  {stack_name}: delete FAILED, status {stack['StackStatus']}; failed events:")
        print_failed_events(cfn, stack_name, since)
        raise DeployFailed(f"{stack_name}: delete ended in {stack['StackStatus']}")
    log(f"  {stack_name}: deleted ({time.monotonic() - started:.1f}s)")


def delete(args):
    target = Target(args.stage, args.endpoint, args.region)
    started = time.monotonic()
    log(f"deleting stage {target.stage} from {target.endpoint or 'AWS ' + target.region}:")
    names = list(reversed(STACKS)) + ([ARTIFACTS] if args.artifacts else [])
    for name in names:
        delete_stack(target, name)
    log(f"deleted stage {target.stage} in {time.monotonic() - started:.1f}s")


def parse_parameter(text):
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"--parameter wants Key=Value, got {text!r}")
    return key, value


def main(argv=None):
    parser = argparse.ArgumentParser(prog="stacks.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for command in ("deploy", "delete"):
        p = sub.add_parser(command)
        p.add_argument("--stage", required=True, choices=["local", "dev", "prod"])
        p.add_argument("--endpoint", help="AWS endpoint (local default http://127.0.0.1:$BADGEFLOW_EMULATOR_PORT)")
        p.add_argument("--region", help="region (local default us-east-1)")
    deploy_parser = sub.choices["deploy"]
    deploy_parser.add_argument("--outputs-file", help="write all stack outputs as one flat JSON object")
    deploy_parser.add_argument("--parameter", action="append", default=[], metavar="Key=Value",
                               help="template parameter, given to every stack that declares it")
    deploy_parser.add_argument("--artifacts", action="store_true",
                               help="dev/prod: deploy the artifacts stack and upload the card-events jar first")
    deploy_parser.add_argument("--skip-local-compensation", action="store_true",
                               help="local: leave out local_compensation (to inspect what the emulator drops)")
    sub.choices["delete"].add_argument("--artifacts", action="store_true",
                                       help="also delete the artifacts bootstrap stack (dev/prod)")
    args = parser.parse_args(argv)
    try:
        deploy(args) if args.command == "deploy" else delete(args)
    except (DeployFailed, ClientError) as error:
        log(f"FAILED: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
