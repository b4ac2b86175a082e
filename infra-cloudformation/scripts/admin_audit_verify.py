"""Verifies the Badgeflow admin audit hash chain from the stored items alone.

An independent implementation of the canonical serialization in docs/admin-audit.md (the Java one
is io.badgeflow.model.audit.AuditChain): it reads the chain head and then every block in sequence
order with strongly consistent, paged queries, recomputes each block's SHA-256, checks each link,
and prints the first broken one. It reads only; it never writes to the table.

Exit codes: 0 the chain is intact, 1 it is broken, 2 it could not be checked.
"""

import argparse
import hashlib
import os
import re
import struct
import sys
from decimal import Decimal, InvalidOperation

from botocore.exceptions import BotoCoreError, ClientError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stacks import DeployFailed, Target, storage_output  # noqa: E402

FORMAT = "badgeflow.admin-audit.v1"
GENESIS = "0" * 64
MAIN = "main"
MAX_ENTRIES = 500
HASH = re.compile(r"[0-9a-f]{64}")
BLOCK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,255}")
STATUSES = ("APPLIED", "REJECTED")
NULL_LENGTH = b"\xff\xff\xff\xff"
I64 = (-(2 ** 63), 2 ** 63 - 1)


class Unreadable(Exception):
    """A stored block that cannot be read as a block (missing or malformed attributes)."""


class Broken(Exception):
    def __init__(self, sequence, block_id, problem, message):
        super().__init__(message)
        self.sequence, self.block_id, self.problem, self.message = sequence, block_id, problem, message


# --- canonical serialization (docs/admin-audit.md) ---------------------------------------------

def _str(value):
    if value is None:
        return NULL_LENGTH
    data = value.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def _i64(value):
    return struct.pack(">q", value)


def canonical_bytes(block):
    out = [_str(FORMAT), _i64(block["sequence"]), _str(block["blockId"]), _i64(block["appendedAt"]),
           _str(block["previousHash"]), struct.pack(">I", len(block["entries"]))]
    for entry in block["entries"]:
        out += [_str(entry["commandId"]), _str(entry["commandType"]), _str(entry["actor"]),
                _str(entry["status"]), _str(entry["reason"]), _str(entry["subjectId"]),
                _i64(entry["finishedAt"])]
    return b"".join(out)


def block_hash(block):
    return hashlib.sha256(canonical_bytes(block)).hexdigest()


# --- reading stored items (DynamoDB attribute values) ------------------------------------------

def _text(attributes, name, required=False):
    value = attributes.get(name)
    if value is None or value.get("NULL"):
        if required:
            raise Unreadable(f"{name} is missing")
        return None
    if "S" not in value:
        raise Unreadable(f"{name} is not a string")
    return value["S"]


def _integer(attributes, name):
    value = attributes.get(name)
    if value is None or "N" not in value:
        raise Unreadable(f"{name} is missing or not a number")
    try:
        number = Decimal(value["N"])
    except InvalidOperation as error:
        raise Unreadable(f"{name} is not a number") from error
    if number != number.to_integral_value() or not I64[0] <= number <= I64[1]:
        raise Unreadable(f"{name} is not a 64-bit integer")
    return int(number)


def read_entry(attributes):
    entry = {
        "commandId": _text(attributes, "commandId", required=True),
        "commandType": _text(attributes, "commandType"),
        "actor": _text(attributes, "actor"),
        "status": _text(attributes, "status", required=True),
        "reason": _text(attributes, "reason"),
        "subjectId": _text(attributes, "subjectId"),
        "finishedAt": _integer(attributes, "finishedAt"),
    }
    if not entry["commandId"].strip():
        raise Unreadable("commandId is blank")
    if entry["status"] not in STATUSES:
        raise Unreadable(f"status {entry['status']!r} is not APPLIED or REJECTED")
    # a REJECTED entry has its rejection code; an APPLIED one may carry its issuer's note (an erasure's reason)
    if entry["status"] == "REJECTED" and entry["reason"] is None:
        raise Unreadable("a REJECTED entry has a reason")
    return entry


def read_block(item):
    """The block an item holds, checked for shape only (as the Java AuditBlock constructor does)."""
    sequence = _integer(item, "sequence")
    block = {"sequence": sequence, "blockId": _text(item, "blockId", required=True),
             "appendedAt": _integer(item, "appendedAt"),
             "previousHash": _text(item, "previousHash", required=True),
             "hash": _text(item, "hash", required=True)}
    if not BLOCK_ID.fullmatch(block["blockId"]):
        raise Unreadable("blockId is malformed")
    for name in ("previousHash", "hash"):
        if not HASH.fullmatch(block[name]):
            raise Unreadable(f"{name} is not 64 lowercase hex digits")
    entries = item.get("entries")
    if entries is None or "L" not in entries:
        raise Unreadable("entries is missing or not a list")
    if not 1 <= len(entries["L"]) <= MAX_ENTRIES:
        raise Unreadable(f"a block holds 1 to {MAX_ENTRIES} entries")
    block["entries"] = []
    for value in entries["L"]:
        if "M" not in value:
            raise Unreadable("an entry is not a map")
        block["entries"].append(read_entry(value["M"]))
    return block


# --- the walk (the same rules as io.badgeflow.model.audit.AuditVerifier) -----------------------

def verify(head, items):
    """head: (lastSequence, lastHash) or None; items: stored block items in ascending sequence order.
    Returns (blocks checked, head sequence, head hash); raises Broken at the first broken link."""
    last = head[0] if head else 0
    expected, previous = 1, GENESIS
    for item in items:
        try:
            block = read_block(item)
        except Unreadable as error:
            sequence = _sequence_of(item)
            block_id = _text_or_none(item, "blockId")
            if head is not None and sequence > last:
                break
            if head is not None and sequence > expected:
                raise Broken(expected, None, "SEQUENCE_GAP",
                             f"block {expected} is missing; the next stored block is {sequence}") from None
            raise Broken(sequence, block_id, "HEAD_MISMATCH" if head is None else "UNREADABLE_BLOCK",
                         f"block {sequence} cannot be read: {error}") from None
        sequence, block_id = block["sequence"], block["blockId"]
        if head is None:
            raise Broken(sequence, block_id, "HEAD_MISMATCH",
                         f"block {sequence} exists but the chain has no head")
        if sequence > last:
            break
        if sequence > expected:
            raise Broken(expected, None, "SEQUENCE_GAP",
                         f"block {expected} is missing; the next stored block is {sequence}")
        if sequence < expected:
            raise Broken(sequence, block_id, "SEQUENCE_GAP",
                         f"block {sequence} came again after block {expected - 1}")
        if block["previousHash"] != previous:
            raise Broken(sequence, block_id, "PREVIOUS_HASH_MISMATCH",
                         f"previousHash {block['previousHash']} is not the hash of block {expected - 1}, "
                         f"{previous}")
        recomputed = block_hash(block)
        if recomputed != block["hash"]:
            raise Broken(sequence, block_id, "HASH_MISMATCH",
                         f"stored hash {block['hash']} but the block's fields hash to {recomputed}")
        previous = block["hash"]
        expected += 1
    if head is None:
        return 0, 0, GENESIS
    if expected <= last:
        raise Broken(expected, None, "SEQUENCE_GAP",
                     f"block {expected} is missing; the head says the chain reaches block {last}")
    if previous != head[1]:
        raise Broken(last, None, "HEAD_MISMATCH",
                     f"the head holds hash {head[1]} but block {last} hashes to {previous}")
    return expected - 1, last, previous


def _sequence_of(item):
    try:
        return _integer(item, "sequence")
    except Unreadable:
        return -1


def _text_or_none(item, name):
    try:
        return _text(item, name)
    except Unreadable:
        return None


# --- the table -----------------------------------------------------------------------------------

def read_head(dynamodb, table):
    item = dynamodb.get_item(TableName=table, ConsistentRead=True,
                             Key={"chain": {"S": MAIN}, "sequence": {"N": "0"}}).get("Item")
    if item is None:
        return None
    last_hash = _text(item, "lastHash", required=True)
    if not HASH.fullmatch(last_hash):
        raise Unreadable("the head's lastHash is not 64 lowercase hex digits")
    return _integer(item, "lastSequence"), last_hash


def stored_blocks(dynamodb, table, head):
    names = {"#chain": "chain", "#sequence": "sequence"}
    if head is not None:
        query = {"KeyConditionExpression": "#chain = :main AND #sequence BETWEEN :first AND :last",
                 "ExpressionAttributeValues": {":main": {"S": MAIN}, ":first": {"N": "1"},
                                               ":last": {"N": str(head[0])}}}
    else:
        query = {"KeyConditionExpression": "#chain = :main AND #sequence >= :first",
                 "ExpressionAttributeValues": {":main": {"S": MAIN}, ":first": {"N": "1"}}}
    paginator = dynamodb.get_paginator("query")
    for page in paginator.paginate(TableName=table, ConsistentRead=True, ExpressionAttributeNames=names, **query):
        yield from page.get("Items", [])



def main(argv=None):
    parser = argparse.ArgumentParser(prog="admin-audit-verify", description=__doc__.splitlines()[0])
    parser.add_argument("--stage", required=True, choices=["local", "dev", "prod"])
    parser.add_argument("--endpoint", help="AWS endpoint (local default http://127.0.0.1:$BADGEFLOW_EMULATOR_PORT)")
    parser.add_argument("--region", help="region (local default us-east-1)")
    parser.add_argument("--table", help="table name (default: the storage stack's AdminAuditTableName output)")
    args = parser.parse_args(argv)
    try:
        target = Target(args.stage, args.endpoint, args.region)
        dynamodb = target.client("dynamodb")
        table = args.table or storage_output(target, "AdminAuditTableName")
        try:
            head = read_head(dynamodb, table)
        except Unreadable as error:
            raise Broken(0, None, "HEAD_MISMATCH", f"the chain head cannot be read: {error}") from None
        checked, head_sequence, head_hash = verify(head, stored_blocks(dynamodb, table, head))
    except Broken as broken:
        block = broken.block_id if broken.block_id is not None else "none"
        print(f"admin audit chain BROKEN at sequence {broken.sequence} (blockId {block}): "
              f"{broken.problem}: {broken.message}", flush=True)
        return 1
    except (ClientError, BotoCoreError, DeployFailed, LookupError, Unreadable) as error:
        print(f"admin audit chain could not be checked: {error}", file=sys.stderr, flush=True)
        return 2
    print(f"admin audit chain intact: {checked} blocks, head {head_sequence} {head_hash}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
