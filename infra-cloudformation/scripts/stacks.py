"""Deploys and deletes the Badgeflow CloudFormation stacks of one stage, in dependency order.

Run through the `deploy` and `delete` wrappers, which prepare the Python environment first.
Stack names are badgeflow-<stage>-<name>; cross-stack references are exports named
badgeflow-<stage>-<OutputKey>. For the local stage the stacks go to the emulator, and the
properties the emulator ignores are then applied by local_compensation.
"""

import argparse
import base64
import datetime
import glob
import hashlib
import json
import os
import subprocess
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

# Deploy order; delete runs it backwards. topics precede artifacts and storage: their buckets' notifications need
# them (and they import the key, so they are deleted before keys). stream precedes storage: the presence and door
# decisions tables put their changes on the swipe stream. compute needs the function package uploaded to artifacts.
STACKS = ["keys", "topics", "artifacts", "stream", "storage", "messaging", "identity", "compute", "monitoring"]
ARTIFACTS = "artifacts"
COMPUTE = "compute"
# The card-events function package (card-events/src/assembly/lambda.xml): one zip for every stage.
FUNCTION_PACKAGE_GLOB = os.path.join(REPO_DIR, "card-events", "target", "card-events-*-lambda.zip")
# The services whose images deploy --artifacts builds with Jib and pushes: module -> compute parameter.
SERVICE_IMAGES = {"admin-service": ("AdminServiceRepositoryUri", "AdminServiceImage"),
                  "access-stream": ("AccessStreamRepositoryUri", "AccessStreamImage")}

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


def storage_output(target, key):
    """An output of the stage's storage stack (a table's name), for the operators' scripts that take --table."""
    stack_name = target.stack_name("storage")
    stack = describe(target.client("cloudformation"), stack_name)
    for output in (stack or {}).get("Outputs", []):
        if output["OutputKey"] == key:
            return output["OutputValue"]
    raise LookupError(f"stack {stack_name} has no output {key}; pass --table")


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


# CloudFormation takes at most 51,200 bytes as TemplateBody; a larger template goes by TemplateURL (up to 1 MB).
MAX_TEMPLATE_BODY = 51_200


def template_source(target, path, template):
    """The template as CreateStack/UpdateStack take it: inline as written when it fits; else as compact JSON
    (intrinsics in their long form, which CloudFormation reads alike and the emulator's YAML reader needs for
    some short forms), inline when that fits, otherwise uploaded to the artifacts bucket under its content hash
    and named by a path-style URL, which CloudFormation and the emulator both read."""
    with open(path, "rb") as handle:
        body = handle.read()
    if len(body) <= MAX_TEMPLATE_BODY:
        return {"TemplateBody": body.decode("utf-8")}
    compact = json.dumps(template, separators=(",", ":")).encode("utf-8")
    if len(compact) <= MAX_TEMPLATE_BODY:
        return {"TemplateBody": compact.decode("utf-8")}
    bucket = stack_outputs(target, [ARTIFACTS]).get("ArtifactBucketName")
    if not bucket:
        raise DeployFailed(f"{path}: {len(compact)} bytes as compact JSON, over the {MAX_TEMPLATE_BODY}-byte "
                           f"TemplateBody limit, and no artifacts stack to upload it to: deploy {ARTIFACTS} first")
    key = f"templates/{os.path.basename(path)[:-len('.yaml')]}-{hashlib.sha256(compact).hexdigest()}.json"
    upload_once(target.client("s3"), bucket, key, lambda s3: s3.put_object(Bucket=bucket, Key=key, Body=compact))
    return {"TemplateURL": f"https://s3.{target.region}.amazonaws.com/{bucket}/{key}"}


def deploy_stack(target, name, overrides):
    cfn = target.client("cloudformation")
    stack_name = target.stack_name(name)
    path = os.path.join(TEMPLATES_DIR, f"{name}.yaml")
    template = load_template(path)
    source = template_source(target, path, template)
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
        **source,
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


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def upload_once(s3, bucket, key, upload):
    """Uploads a content-named object unless it is there already (the same key is the same bytes)."""
    try:
        s3.head_object(Bucket=bucket, Key=key)
        return False
    except ClientError:
        upload(s3)
        return True


def upload_function_package(target, outputs, overrides):
    """Uploads the card-events function package, named by its content, and hands its key to compute. The same
    bytes give the same key, so a second deploy changes nothing and a changed jar rolls the functions."""
    packages = sorted(glob.glob(FUNCTION_PACKAGE_GLOB))
    if not packages:
        raise DeployFailed("no card-events/target/card-events-*-lambda.zip: build it first "
                           "(./mvnw -B -pl card-events -am package -DskipTests)")
    package = packages[-1]
    key = f"card-events/{sha256_of(package)}-lambda.zip"
    bucket = outputs["ArtifactBucketName"]
    if upload_once(target.client("s3"), bucket, key, lambda s3: s3.upload_file(package, bucket, key)):
        log(f"  uploaded {os.path.basename(package)} to s3://{bucket}/{key}")
    else:
        log(f"  function package s3://{bucket}/{key} already there")
    overrides.setdefault("ArtifactBucket", bucket)
    overrides.setdefault("CardEventsPackageKey", key)


def push_images(target, outputs, overrides):
    """deploy --artifacts: builds each service image with Jib (no Docker) and pushes it under a tag derived from
    its jar's content; compute then names the image by its digest, so a new image always rolls out and the
    repositories' tags stay immutable. A tag already in the repository is the same content: it is reused, not
    pushed again. Locally the images go to the emulator's registry, built on an empty base image (no base
    image can be pulled here, and nothing runs them: the local stage has no ECS services)."""
    ecr = target.client("ecr")
    token = ecr.get_authorization_token()["authorizationData"][0]
    user, password = base64.b64decode(token["authorizationToken"]).decode().split(":", 1)
    for module, (uri_output, parameter) in SERVICE_IMAGES.items():
        if parameter in overrides:
            log(f"  {parameter} given: {overrides[parameter]}")
            continue
        jars = [j for j in glob.glob(os.path.join(REPO_DIR, module, "target", f"{module}-*.jar"))
                if not j.endswith(("-sources.jar", "-javadoc.jar", "-tests.jar"))]
        if not jars:
            raise DeployFailed(f"no {module}/target/{module}-*.jar: build first (./mvnw -B package -DskipTests)")
        tag = sha256_of(sorted(jars)[-1])[:32]
        repository_uri = outputs[uri_output]
        repository_name = repository_uri.split("/", 1)[1]
        existing = image_digest(ecr, repository_name, tag)
        if existing:
            log(f"  {module}: {repository_uri}:{tag} already pushed")
        else:
            existing = jib_build(target, module, repository_uri, tag, user, password)
        overrides[parameter] = f"{repository_uri}@{existing}"
        log(f"  {parameter} = {overrides[parameter]}")


def image_digest(ecr, repository_name, tag):
    try:
        images = ecr.describe_images(repositoryName=repository_name, imageIds=[{"imageTag": tag}])["imageDetails"]
    except ClientError as error:
        if "ImageNotFound" in str(error):
            return None
        raise
    return images[0]["imageDigest"] if images else None


def jib_build(target, module, repository_uri, tag, user, password):
    image = f"{repository_uri}:{tag}"
    # -am: the module's own dependencies come from this build, not from a local repository; the web UI already
    # built by ./mvnw package is kept (web.skip).
    command = [os.path.join(REPO_DIR, "mvnw"), "-B", "-q", "-pl", module, "-am", "package", "jib:build",
               "-DskipTests", "-Dweb.skip=true"]
    # The credentials go in the environment (the parent pom's registry-credentials-from-environment profile).
    env = dict(os.environ, BADGEFLOW_REGISTRY_USER=user, BADGEFLOW_REGISTRY_PASSWORD=password)
    if target.local:
        registry = target.endpoint.split("://", 1)[1].rstrip("/")
        image = f"{registry}/{repository_uri.split('/', 1)[1]}:{tag}"
        command += ["-Djib.allowInsecureRegistries=true", "-Djib.from.image=scratch"]
    command.append(f"-Djib.to.image={image}")
    log(f"  building and pushing {module} to {image} (Jib)")
    result = subprocess.run(command, cwd=REPO_DIR, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise DeployFailed(f"jib:build of {module} failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")
    with open(os.path.join(REPO_DIR, module, "target", "jib-image.digest"), encoding="utf-8") as handle:
        return handle.read().strip()


def deploy(args):
    target = Target(args.stage, args.endpoint, args.region)
    overrides = dict(parse_parameter(p) for p in args.parameter)
    names = selected_stacks(args.stacks)
    started = time.monotonic()
    where = target.endpoint or f"AWS {target.region}"
    log(f"deploying stage {target.stage} to {where}: {', '.join(names)}")
    deployed = []
    for name in names:
        if name == COMPUTE:
            outputs = stack_outputs(target, [ARTIFACTS])
            upload_function_package(target, outputs, overrides)
            if args.artifacts:
                push_images(target, outputs, overrides)
        deployed.append(deploy_stack(target, name, overrides))
    if target.local and args.skip_local_compensation:
        log("NOT applying the properties the emulator ignores (--skip-local-compensation)")
    elif target.local:
        log("applying the properties the emulator ignores (local_compensation):")
        local_compensation.apply_properties_the_emulator_ignores(
            target.session, deployed, target.region, target.endpoint,
            report=lambda line: log(f"  {line}"))
    outputs = stack_outputs(target, names)
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


def selected_stacks(stacks):
    """The stacks to deploy, in deploy order: all of them, or those a caller names (tests of the stores alone
    need no function package)."""
    if not stacks:
        return list(STACKS)
    wanted = [name.strip() for name in stacks.split(",") if name.strip()]
    unknown = sorted(set(wanted) - set(STACKS))
    if unknown:
        raise DeployFailed(f"unknown stacks {unknown}; the stacks are {STACKS}")
    return [name for name in STACKS if name in wanted]


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
    for name in reversed(STACKS):
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
                               help="build the service images with Jib and push them to the artifacts stack's "
                                    "repositories; compute then runs them (by digest)")
    deploy_parser.add_argument("--stacks", help="comma-separated stacks to deploy (default: all, in order)")
    deploy_parser.add_argument("--skip-local-compensation", action="store_true",
                               help="local: leave out local_compensation (to inspect what the emulator drops)")
    args = parser.parse_args(argv)
    try:
        deploy(args) if args.command == "deploy" else delete(args)
    except (DeployFailed, ClientError) as error:
        log(f"FAILED: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
