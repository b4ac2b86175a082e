"""Bulk HR onboarding at scale: registers two buildings, writes an N-row CSV (every row with a card and both
buildings) into the imports bucket, and times from the upload to the import's COMPLETED summary. Then it
checks the outcome in the tables themselves: N employees ACTIVE with a current card, N ACTIVE cards, 2 x N
grants. Prints the time, rows per second and the checks.
"""
import argparse
import hashlib
import time
import uuid

from bench_common import System


def wait_applied(system, command_id):
    while system.call("GET", f"/api/v1/commands/{command_id}")["status"] == "PENDING":
        time.sleep(0.1)


def count(dynamodb, **scan):
    total = 0
    for page in dynamodb.get_paginator(scan.pop("operation", "scan")).paginate(**scan):
        total += page["Count"]
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--run-dir", default=".run")
    args = parser.parse_args()
    system = System(args.run_dir)
    run = uuid.uuid4().hex[:6].upper()
    buildings = [f"BA{run}", f"BB{run}"]
    for building in buildings:
        accepted = system.call("POST", "/api/v1/buildings",
                               {"buildingId": building, "name": "Bench site", "timeZone": "Europe/London"})
        wait_applied(system, accepted["commandId"])
    lines = ["employee number,given name,family name,email,department,building codes,card number,valid until"]
    for i in range(args.rows):
        lines.append(f"N{run}-{i},Bench,Person{i},bench{i}@example.com,Bench,{';'.join(buildings)},"
                     f"K{run}-{i},2030-12-31")
    content = ("\n".join(lines) + "\n").encode()
    import_id = hashlib.sha256(content).hexdigest()[:32]
    s3 = system.client("s3")
    dynamodb = system.client("dynamodb")
    started = time.time()
    s3.put_object(Bucket=system.outputs["ImportsBucketName"], Key=f"imports/bench-{run}.csv", Body=content)
    summary = None
    while time.time() - started < 1800:
        item = dynamodb.get_item(TableName=system.outputs["ImportsTableName"], ConsistentRead=True,
                                 Key={"importId": {"S": import_id}, "part": {"S": "summary"}}).get("Item")
        if item and item["status"]["S"] != "RUNNING":
            summary = item
            break
        time.sleep(0.2)
    elapsed = time.time() - started
    if summary is None or summary["status"]["S"] != "COMPLETED":
        raise SystemExit(f"import {import_id} did not complete: {summary}")
    employees = count(dynamodb, TableName=system.outputs["EmployeesTableName"],
                      FilterExpression="begins_with(employeeNumber, :n) AND #s = :active "
                                       "AND attribute_exists(currentCardId)",
                      ExpressionAttributeNames={"#s": "status"},
                      ExpressionAttributeValues={":n": {"S": f"N{run}-"}, ":active": {"S": "ACTIVE"}})
    cards = count(dynamodb, TableName=system.outputs["CardsTableName"],
                  FilterExpression="begins_with(cardNumber, :k) AND #s = :active",
                  ExpressionAttributeNames={"#s": "status"},
                  ExpressionAttributeValues={":k": {"S": f"K{run}-"}, ":active": {"S": "ACTIVE"}})
    grants = sum(count(dynamodb, operation="query", TableName=system.outputs["GrantsTableName"],
                       IndexName="byBuilding", KeyConditionExpression="buildingId = :b",
                       ExpressionAttributeValues={":b": {"S": building}}) for building in buildings)
    ok = employees == args.rows and cards == args.rows and grants == 2 * args.rows
    print(f"import of {args.rows} rows (card + 2 buildings each): COMPLETED in {elapsed:.1f} s "
          f"({args.rows / elapsed:.0f} rows/s); in the tables: {employees} employees ACTIVE with a card, "
          f"{cards} cards ACTIVE, {grants} grants -> {'OK' if ok else 'MISMATCH'}")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
