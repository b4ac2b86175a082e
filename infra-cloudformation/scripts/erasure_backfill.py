"""Gives offboarded employees written before the erasure feature their place in the retention sweep's index.

Rows with status OFFBOARDED and no offboardedKey were offboarded before the employees table kept offboardedAt, so
the sweep (the byOffboarded index) does not see them. This sets offboardedKey = OFFBOARDED and offboardedAt = now
(fixed-width, as SortableInstantConverter writes it) on each, with a condition that the row is still such a row,
so retention counts from the backfill, never earlier, and a second run changes nothing.

Exit codes: 0 done (prints how many rows were filed), 2 could not run.
"""

import argparse
import os
import sys
from datetime import datetime, timezone

from botocore.exceptions import BotoCoreError, ClientError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stacks import DeployFailed, Target, storage_output  # noqa: E402

NAMES = {"#status": "status", "#key": "offboardedKey", "#at": "offboardedAt"}
UNFILED = "#status = :offboarded AND attribute_not_exists(#key)"


def fixed_width(instant):
    return instant.strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond * 1000:09d}Z"


def unfiled(dynamodb, table):
    paginator = dynamodb.get_paginator("scan")
    for page in paginator.paginate(TableName=table, ConsistentRead=True, FilterExpression=UNFILED,
                                   ExpressionAttributeNames={"#status": "status", "#key": "offboardedKey"},
                                   ExpressionAttributeValues={":offboarded": {"S": "OFFBOARDED"}},
                                   ProjectionExpression="employeeId"):
        for item in page.get("Items", []):
            yield item["employeeId"]["S"]


def file_row(dynamodb, table, employee_id, at):
    try:
        dynamodb.update_item(
            TableName=table,
            Key={"employeeId": {"S": employee_id}},
            UpdateExpression="SET #key = :offboarded, #at = :at",
            ConditionExpression=UNFILED,
            ExpressionAttributeNames=NAMES,
            ExpressionAttributeValues={":offboarded": {"S": "OFFBOARDED"}, ":at": {"S": at}})
        return True
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
            return False  # changed since the scan: filed, erased or rewritten by a command meanwhile
        raise



def main(argv=None):
    parser = argparse.ArgumentParser(prog="erasure-backfill", description=__doc__.splitlines()[0])
    parser.add_argument("--stage", required=True, choices=["local", "dev", "prod"])
    parser.add_argument("--endpoint", help="AWS endpoint (local default http://127.0.0.1:$BADGEFLOW_EMULATOR_PORT)")
    parser.add_argument("--region", help="region (local default us-east-1)")
    parser.add_argument("--table", help="table name (default: the storage stack's EmployeesTableName output)")
    parser.add_argument("--dry-run", action="store_true", help="count the rows, change nothing")
    args = parser.parse_args(argv)
    try:
        target = Target(args.stage, args.endpoint, args.region)
        dynamodb = target.client("dynamodb")
        table = args.table or storage_output(target, "EmployeesTableName")
        at = fixed_width(datetime.now(timezone.utc))
        found = filed = 0
        for employee_id in unfiled(dynamodb, table):
            found += 1
            if not args.dry_run and file_row(dynamodb, table, employee_id, at):
                filed += 1
    except (ClientError, BotoCoreError, DeployFailed, LookupError) as error:
        print(f"erasure backfill could not run: {error}", file=sys.stderr, flush=True)
        return 2
    if args.dry_run:
        print(f"erasure backfill (dry run): {found} offboarded rows without offboardedAt", flush=True)
    else:
        print(f"erasure backfill: {filed} of {found} offboarded rows filed with offboardedAt {at}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
