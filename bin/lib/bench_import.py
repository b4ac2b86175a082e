"""HR sync at scale, in two parts.

1. Setup: registers two buildings and brings N new people in through imports of at most --setup-chunk (20,000)
   rows (every row with a card and both buildings): dry run, then apply, one file after the other. Timed as before (upload -> COMPLETED) and checked in the tables.
2. Reconcile: a full export of everyone the back office holds (the N people plus whoever was there before, as
   they are stored, so nobody else is touched), in which 1 % of the N change their email, 0.5 % are new and 0.5 %
   are missing (offboarded; within the 10 % safety limit). Timed from the drop to PLANNED (the dry run: the file
   read, every person read by three consistent Scans and compared), and from the confirmation to COMPLETED (the
   plan checked again against fresh reads, then applied). Checks the plan's counts and, in the tables, the
   changed emails, the offboarded people and the new ones.

For both steps it prints the time, rows per second and the emulator's share: the CPU seconds the emulator's own
process (MiniStack, one Python process) and its child processes (the card-events function's JVM) used per
wall-clock second of the step (1.0 = one core busy; the machine has os.cpu_count() cores).
"""
import argparse
import os
import subprocess
import time
import uuid

from bench_common import System
from bench_simulator import cpu_seconds, pid_of


def wait_applied(system, command_id):
    while system.call("GET", f"/api/v1/commands/{command_id}")["status"] == "PENDING":
        time.sleep(0.1)


def count(dynamodb, **scan):
    total = 0
    for page in dynamodb.get_paginator(scan.pop("operation", "scan")).paginate(**scan):
        total += page["Count"]
    return total


def process_cpu(pid):
    """CPU seconds of a process alone (utime + stime), or 0 when it is gone."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


class Meter:
    """CPU of the emulator's process and of its children (the function's JVM stays up between invocations)."""

    def __init__(self, run_dir):
        self.pid = pid_of(run_dir, "emulator")

    def sample(self):
        if self.pid is None:
            return None
        kids = {}
        for child in children(self.pid):
            kids[child] = process_cpu(child) + sum(process_cpu(g) for g in children(child))
        return process_cpu(self.pid), kids

    @staticmethod
    def share(before, after, wall):
        if before is None or after is None:
            return "emulator CPU not measured (no emulator pid)"
        own = (after[0] - before[0]) / wall
        kids = sum(cpu - before[1].get(pid, 0.0) for pid, cpu in after[1].items()) / wall
        return f"emulator {own:.2f} CPU-s/s, function JVM {kids:.2f} CPU-s/s (of {os.cpu_count()} cores)"


def summary_item(system, dynamodb, import_id):
    return dynamodb.get_item(TableName=system.outputs["ImportsTableName"], ConsistentRead=True,
                             Key={"importId": {"S": import_id}, "part": {"S": "summary"}}).get("Item")


def wait_for(system, dynamodb, import_id, done, limit=3600):
    started = time.time()
    while time.time() - started < limit:
        item = summary_item(system, dynamodb, import_id)
        if item and done(item):
            return item
        time.sleep(0.2)
    raise SystemExit(f"import {import_id} did not get there in {limit} s: {summary_item(system, dynamodb, import_id)}")


def drop(system, key, content):
    """Drops a file into the imports bucket; its import id is ImportId.ofDrop(key, content)."""
    import hashlib
    system.client("s3").put_object(Bucket=system.outputs["ImportsBucketName"], Key=key, Body=content)
    return hashlib.sha256(key.encode() + b"\0" + content).hexdigest()[:32]


def confirm(system, import_id, fingerprint, override=False):
    body = ("importId,fingerprint,confirmedBy,overrideLimit,reason\n"
            f"{import_id},{fingerprint},bench,{'true' if override else 'false'},bench\n").encode()
    system.client("s3").put_object(Bucket=system.outputs["ImportsBucketName"],
                                   Key=f"imports/confirmations/{import_id}-{fingerprint}.csv", Body=body)


def n(item, name):
    return int(item[name]["N"]) if name in item else 0


def roster(system, dynamodb):
    """Everyone ACTIVE or INACTIVE as stored: number -> row cells (names, email, department, buildings, card)."""
    cards = {}
    for page in dynamodb.get_paginator("scan").paginate(TableName=system.outputs["CardsTableName"],
                                                          ConsistentRead=True):
        for item in page["Items"]:
            if item.get("status", {}).get("S") in ("ACTIVE", "SUSPENDED"):
                cards[item["cardId"]["S"]] = item
    grants = {}
    for page in dynamodb.get_paginator("scan").paginate(TableName=system.outputs["GrantsTableName"],
                                                          ConsistentRead=True):
        for item in page["Items"]:
            grants.setdefault(item["employeeId"]["S"], []).append(item["buildingId"]["S"])
    people = {}
    for page in dynamodb.get_paginator("scan").paginate(TableName=system.outputs["EmployeesTableName"],
                                                          ConsistentRead=True):
        for item in page["Items"]:
            if item["employeeId"]["S"].startswith("#") or item.get("status", {}).get("S") not in ("ACTIVE", "INACTIVE"):
                continue
            card = cards.get(item.get("currentCardId", {}).get("S"))
            until = ""
            if card and "validUntil" in card:
                instant = card["validUntil"]["S"]
                if "T00:00:00" in instant:
                    import datetime
                    until = (datetime.date.fromisoformat(instant[:10]) - datetime.timedelta(days=1)).isoformat()
            people[item["employeeNumber"]["S"]] = [
                item["givenName"]["S"], item["familyName"]["S"], item["email"]["S"],
                item.get("department", {}).get("S", ""), ";".join(sorted(grants.get(item["employeeId"]["S"], []))),
                card["cardNumber"]["S"] if card else "", until]
    return people


def csv_cell(value):
    return f'"{value.replace(chr(34), chr(34) * 2)}"' if any(c in value for c in ',"\r\n') else value


HEADER = "employee number,given name,family name,email,department,building codes,card number,valid until"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--setup-chunk", type=int, default=20_000)
    parser.add_argument("--run-dir", default=os.environ.get("BADGEFLOW_RUN_DIR", ".run"))
    args = parser.parse_args()
    system = System(args.run_dir)
    dynamodb = system.client("dynamodb")
    meter = Meter(args.run_dir)
    run = uuid.uuid4().hex[:6].upper()
    buildings = [f"BA{run}", f"BB{run}"]
    for building in buildings:
        accepted = system.call("POST", "/api/v1/buildings",
                               {"buildingId": building, "name": "Bench site", "timeZone": "Europe/London"})
        wait_applied(system, accepted["commandId"])

    # 1. Setup: N new people through imports of at most --setup-chunk rows each, planned and applied. (One
    # invocation of the function may run 15 minutes: 100,000 creations in one file outlast it on a loaded machine.)
    started = time.time()
    for first in range(0, args.rows, args.setup_chunk):
        lines = [HEADER]
        for i in range(first, min(args.rows, first + args.setup_chunk)):
            lines.append(f"N{run}-{i},Bench,Person{i},bench{i}@example.com,Bench,{';'.join(buildings)},"
                         f"K{run}-{i},2030-12-31")
        content = ("\n".join(lines) + "\n").encode()
        import_id = drop(system, f"imports/bench-{run}-{first}.csv", content)
        planned = wait_for(system, dynamodb, import_id, lambda item: item["status"]["S"] in ("PLANNED", "REJECTED"))
        confirm(system, import_id, planned["fingerprint"]["S"])
        wait_for(system, dynamodb, import_id, lambda item: item["status"]["S"] == "COMPLETED")
    elapsed = time.time() - started
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
    print(f"setup: import of {args.rows} new people (card + 2 buildings each), dry run + apply: COMPLETED in "
          f"{elapsed:.1f} s ({args.rows / elapsed:.0f} rows/s); in the tables: {employees} employees ACTIVE with a "
          f"card, {cards} cards ACTIVE, {grants} grants -> {'OK' if ok else 'MISMATCH'}")
    if not ok:
        raise SystemExit(1)

    # 2. Reconcile: a full export of everyone, with changes.
    people = roster(system, dynamodb)
    changed = {f"N{run}-{i}" for i in range(0, args.rows, 100)}
    missing = {f"N{run}-{i}" for i in range(50, args.rows, 200)}
    joining = [f"J{run}-{i}" for i in range(max(1, args.rows // 200))]
    lines = [HEADER]
    for number, cells in people.items():
        if number in missing:
            continue
        if number in changed:
            cells = list(cells)
            cells[2] = cells[2].replace("@", ".new@")
        lines.append(",".join(csv_cell(value) for value in [number, *cells]))
    for number in joining:
        lines.append(f"{number},Joining,Person,{number.lower()}@example.com,Bench,{buildings[0]},C{number},")
    content = ("\r\n".join(lines) + "\r\n").encode()
    total_rows = len(lines) - 1

    before = meter.sample()
    started = time.time()
    import_id = drop(system, f"imports/full/bench-{run}.csv", content)
    planned = wait_for(system, dynamodb, import_id, lambda item: item["status"]["S"] in ("PLANNED", "REJECTED"))
    plan_time = time.time() - started
    at_plan = meter.sample()
    counts = {k: n(planned, k) for k in ("planCreate", "planUpdate", "planOffboard", "planUnchanged",
                                          "planRejected", "activePeople", "offboardLimit")}
    expected = {"planCreate": len(joining), "planUpdate": len(changed - missing), "planOffboard": len(missing)}
    plan_ok = all(counts[k] == v for k, v in expected.items()) and counts["planRejected"] == 0
    print(f"reconcile: full export of {total_rows} rows against {len(people)} people; dry run (drop -> PLANNED) "
          f"{plan_time:.1f} s ({total_rows / plan_time:.0f} rows/s); {Meter.share(before, at_plan, plan_time)}; "
          f"plan {counts} -> {'OK' if plan_ok else 'MISMATCH ' + str(expected)}")
    applying = time.time()
    confirm(system, import_id, planned["fingerprint"]["S"], override=counts["planOffboard"] > counts["offboardLimit"])
    summary = wait_for(system, dynamodb, import_id, lambda item: item["status"]["S"] == "COMPLETED")
    apply_time = time.time() - applying
    after = meter.sample()
    total = time.time() - started
    offboarded = count(dynamodb, TableName=system.outputs["EmployeesTableName"],
                       FilterExpression="begins_with(employeeNumber, :n) AND #s = :off",
                       ExpressionAttributeNames={"#s": "status"},
                       ExpressionAttributeValues={":n": {"S": f"N{run}-"}, ":off": {"S": "OFFBOARDED"}})
    renamed = count(dynamodb, TableName=system.outputs["EmployeesTableName"],
                    FilterExpression="begins_with(employeeNumber, :n) AND contains(email, :new)",
                    ExpressionAttributeValues={":n": {"S": f"N{run}-"}, ":new": {"S": ".new@"}})
    joined = count(dynamodb, TableName=system.outputs["EmployeesTableName"],
                   FilterExpression="begins_with(employeeNumber, :n) AND #s = :active",
                   ExpressionAttributeNames={"#s": "status"},
                   ExpressionAttributeValues={":n": {"S": f"J{run}-"}, ":active": {"S": "ACTIVE"}})
    applied_ok = (offboarded == len(missing) and renamed == len(changed - missing) and joined == len(joining)
                  and n(summary, "rejected") == 0)
    print(f"reconcile: apply (confirmation -> COMPLETED) {apply_time:.1f} s; "
          f"{Meter.share(at_plan, after, apply_time)}")
    print(f"reconcile total: {total:.1f} s for {total_rows} rows ({total_rows / total:.0f} rows/s); "
          f"{Meter.share(before, after, total)}; in the tables: {renamed} emails changed, {offboarded} offboarded, "
          f"{joined} joined -> {'OK' if plan_ok and applied_ok else 'MISMATCH'}")
    if not (plan_ok and applied_ok):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
