"""Replays the archived door events of a time range through access-stream's consumer logic.

Starts the access-stream jar in its `replay` profile (no HTTP server, no KCL worker, no simulator) with the
stage's stack outputs in a file it imports, as bin/run gives them (the service binds the names it uses). The Java
process reads the archive bucket's hour partitions of [--from, --to), hands each event to the same handler the KCL
consumer uses, prints progress (objects read, events read, applied for the first time, already applied) and a
summary, and exits. Replaying is idempotent, so a range may be replayed again, also beside a running consumer.
"""

import argparse
import datetime
import os
import subprocess
import sys
import tempfile

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPOSITORY, "bin", "lib"))
from botocore.exceptions import BotoCoreError, ClientError  # noqa: E402
from outputs import write_properties  # noqa: E402
from stacks import STACKS, DeployFailed, Target, stack_outputs  # noqa: E402

DEFAULT_JAR = os.path.join(REPOSITORY, "access-stream", "target", "access-stream-0.1.0-SNAPSHOT.jar")


def instant(text):
    """An ISO-8601 instant with an offset (2026-12-06T07:00:00Z); the Java side parses it again."""
    try:
        value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO instant: {text} (e.g. 2026-12-06T07:00:00Z)") from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"an instant needs its offset, e.g. {text}Z")
    return value.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


def java_command(args, target, outputs_file):
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    profiles = "local,replay" if target.local else "replay"
    command = [java, "-Xms64m", "-Xmx512m", "-jar", args.jar, f"--spring.profiles.active={profiles}",
               f"--spring.config.import=file:{outputs_file}", f"--badgeflow.access-stream.stage={target.stage}"]
    if not target.local:
        command.append(f"--spring.cloud.aws.region.static={target.region}")
    command += [f"--from={args.start}", f"--to={args.end}"]
    return command


def main(argv=None):
    parser = argparse.ArgumentParser(prog="replay", description=__doc__.splitlines()[0])
    parser.add_argument("--stage", required=True, choices=["local", "dev", "prod"])
    parser.add_argument("--from", dest="start", required=True, type=instant, help="first instant (inclusive)")
    parser.add_argument("--to", dest="end", required=True, type=instant, help="end instant (exclusive)")
    parser.add_argument("--endpoint", help="AWS endpoint (local default http://127.0.0.1:$BADGEFLOW_EMULATOR_PORT)")
    parser.add_argument("--region", help="region (local default us-east-1)")
    parser.add_argument("--jar", default=DEFAULT_JAR, help="the access-stream jar (default: the one in target/)")
    args = parser.parse_args(argv)
    if args.start >= args.end:
        parser.error("--from must be before --to")
    if not os.path.isfile(args.jar):
        print(f"replay could not start: no jar at {args.jar}; build it with "
              "./mvnw -B -pl access-stream -am package -DskipTests", file=sys.stderr)
        return 2
    try:
        target = Target(args.stage, args.endpoint, args.region)
        outputs = stack_outputs(target, STACKS)
        if "ArchiveBucketName" not in outputs:
            raise LookupError("no stack output ArchiveBucketName: are the stacks deployed for this stage?")
    except (DeployFailed, LookupError, ClientError, BotoCoreError) as error:
        print(f"replay could not start: {error}", file=sys.stderr)
        return 2
    environment = dict(os.environ)
    if target.local:
        environment["BADGEFLOW_AWS_ENDPOINT"] = target.endpoint
    print(f"replay: stage {args.stage}, archive {outputs['ArchiveBucketName']}", flush=True)
    with tempfile.TemporaryDirectory(prefix="replay-") as directory:
        outputs_file = os.path.join(directory, "stack-outputs.properties")
        write_properties(outputs, outputs_file)
        return 1 if subprocess.call(java_command(args, target, outputs_file), env=environment) != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
