"""Shows and redrives the messages in the dead-letter queues, with the reason each one failed.

The operator's version of admin-service's /api/v1/dead-letters, with the same semantics:
- `list` peeks (receive with a short visibility timeout, then visible again at once; nothing is deleted)
  and prints each queue's depth and messages: what the S3 -> SNS envelope announced and the reason
  card-events recorded in the delivery-failures table (key: <source queue name>#<sha256 of the body>).
- `redrive` moves messages back to their source queue: send (same body and attributes) first, then
  delete from the DLQ. A failure in between leaves a duplicate, never a loss; the consumers are idempotent.
Queue URLs and the table name come from the messaging and storage stacks' outputs.
"""

import argparse
import datetime
import hashlib
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stacks import DeployFailed, Target, stack_outputs  # noqa: E402

QUEUES = {"commands": "Commands", "imports": "Imports", "alarm-fanout": "AlarmFanout", "alarm-webhooks": "AlarmWebhooks"}
BATCH = 10
PEEK_VISIBILITY_SECONDS = 10
REDRIVE_VISIBILITY_SECONDS = 60
MAX_PEEK = 100
MAX_REDRIVE = 1000
NO_REASON = "no reason recorded"


def queue_name(url):
    return url.rstrip("/").rsplit("/", 1)[-1]


def failure_key(source_queue, body):
    """Same key as io.badgeflow.aws.delivery.DeliveryFailureKey."""
    return source_queue + "#" + hashlib.sha256(body.encode("utf-8")).hexdigest()


def announced_keys(body):
    """The S3 object keys an SQS(SNS(S3 event)) body announces, or raises ValueError."""
    try:
        notification = json.loads(body)
        event = json.loads(notification["Message"])
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"not an SNS notification of an S3 event ({error})") from None
    if "Records" not in event:
        if event.get("Event") == "s3:TestEvent":
            return []
        raise ValueError("SNS message is not an S3 event notification (no Records)")
    return [urllib.parse.unquote_plus(record["s3"]["object"]["key"]) for record in event["Records"]
            if str(record.get("eventName", "")).startswith("ObjectCreated:")]


def depth(sqs, url):
    attributes = sqs.get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    return int(attributes.get("ApproximateNumberOfMessages", 0)) + \
        int(attributes.get("ApproximateNumberOfMessagesNotVisible", 0))


def receive(sqs, url, count, visibility):
    return sqs.receive_message(
        QueueUrl=url, MaxNumberOfMessages=count, WaitTimeSeconds=1, VisibilityTimeout=visibility,
        MessageAttributeNames=["All"], MessageSystemAttributeNames=["SentTimestamp", "ApproximateReceiveCount"],
    ).get("Messages", [])


def peek(sqs, url, limit):
    seen = {}
    while len(seen) < limit:
        fresh = False
        for message in receive(sqs, url, min(BATCH, limit - len(seen)), PEEK_VISIBILITY_SECONDS):
            fresh |= message["MessageId"] not in seen
            seen[message["MessageId"]] = message
        if not fresh:
            break
    entries = [{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 0}
               for i, m in enumerate(seen.values())]
    for start in range(0, len(entries), BATCH):
        sqs.change_message_visibility_batch(QueueUrl=url, Entries=entries[start:start + BATCH])
    return list(seen.values())


def redrive(sqs, dlq_url, queue_url, limit):
    moved = 0
    while moved < limit:
        batch = receive(sqs, dlq_url, min(BATCH, limit - moved), REDRIVE_VISIBILITY_SECONDS)
        if not batch:
            break
        for message in batch:
            send = {"QueueUrl": queue_url, "MessageBody": message["Body"]}
            if message.get("MessageAttributes"):
                send["MessageAttributes"] = message["MessageAttributes"]
            sqs.send_message(**send)
            sqs.delete_message(QueueUrl=dlq_url, ReceiptHandle=message["ReceiptHandle"])
            moved += 1
    return moved


def recorded_failure(dynamodb, table, source_queue, body):
    item = dynamodb.get_item(TableName=table, Key={"failureKey": {"S": failure_key(source_queue, body)}},
                             ConsistentRead=True).get("Item")
    if not item:
        return None
    expires = int(item.get("expiresAt", {}).get("N", "0") or 0)
    if expires and expires <= datetime.datetime.now(datetime.timezone.utc).timestamp():
        return None
    return {name: next(iter(value.values())) for name, value in item.items()}


def print_queue(sqs, dynamodb, table, name, queue_url, dlq_url, limit):
    source = queue_name(queue_url)
    print(f"{name}: {queue_name(dlq_url)} (source {source}), depth {depth(sqs, dlq_url)}")
    for message in peek(sqs, dlq_url, limit):
        attributes = message.get("Attributes", {})
        sent = attributes.get("SentTimestamp")
        sent = datetime.datetime.fromtimestamp(int(sent) / 1000, datetime.timezone.utc).isoformat() if sent else "?"
        print(f"  message {message['MessageId']}  sent {sent}  received {attributes.get('ApproximateReceiveCount', '?')}x")
        try:
            keys = announced_keys(message["Body"])
            print(f"    announces: {', '.join(keys) if keys else '(nothing: s3:TestEvent)'}")
        except ValueError as problem:
            print(f"    unreadable body: {problem}")
        failure = recorded_failure(dynamodb, table, source, message["Body"])
        if failure is None:
            print(f"    reason: {NO_REASON}")
        else:
            print(f"    reason: {failure.get('reason')}")
            print(f"    attempts: {failure.get('attempts')}  first {failure.get('firstFailedAt')}  "
                  f"last {failure.get('lastFailedAt')}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="dead-letters", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["list", "redrive"])
    parser.add_argument("--queue", choices=sorted(QUEUES), help="one queue pair (list: default all)")
    parser.add_argument("--limit", type=int, help=f"list: messages per queue (default 20, max {MAX_PEEK}); "
                                                  f"redrive: messages to move (default all, max {MAX_REDRIVE})")
    parser.add_argument("--stage", required=True, choices=["local", "dev", "prod"])
    parser.add_argument("--endpoint", help="AWS endpoint (the emulator for local; default http://127.0.0.1:4566)")
    parser.add_argument("--region")
    args = parser.parse_args(argv)
    if args.command == "redrive" and not args.queue:
        parser.error("redrive needs --queue")
    maximum = MAX_PEEK if args.command == "list" else MAX_REDRIVE
    limit = args.limit if args.limit is not None else (20 if args.command == "list" else MAX_REDRIVE)
    if not 1 <= limit <= maximum:
        parser.error(f"--limit must be between 1 and {maximum}")

    try:
        target = Target(args.stage, args.endpoint, args.region)
    except DeployFailed as error:
        print(f"dead-letters: {error}", file=sys.stderr)
        return 2
    outputs = stack_outputs(target, ["messaging", "storage"])
    missing = [key for key in ["DeliveryFailuresTableName"] + [f"{prefix}{kind}" for prefix in QUEUES.values()
                                                                 for kind in ("QueueUrl", "DlqUrl")]
               if key not in outputs]
    if missing:
        print(f"dead-letters: the stacks of stage {args.stage} lack outputs {', '.join(missing)}; deploy first",
              file=sys.stderr)
        return 2
    sqs = target.client("sqs")
    names = [args.queue] if args.queue else sorted(QUEUES)
    if args.command == "list":
        dynamodb = target.client("dynamodb")
        for name in names:
            prefix = QUEUES[name]
            print_queue(sqs, dynamodb, outputs["DeliveryFailuresTableName"], name, outputs[f"{prefix}QueueUrl"],
                        outputs[f"{prefix}DlqUrl"], limit)
        return 0
    prefix = QUEUES[args.queue]
    moved = redrive(sqs, outputs[f"{prefix}DlqUrl"], outputs[f"{prefix}QueueUrl"], limit)
    print(f"{args.queue}: moved {moved} message(s) from {queue_name(outputs[f'{prefix}DlqUrl'])} "
          f"back to {queue_name(outputs[f'{prefix}QueueUrl'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
