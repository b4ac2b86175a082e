"""Graceful overload of the decision API (issue 15, point 2). Provisions a building, its doors and --people people
with cards through admin-service, finds the sustainable decision rate (or takes --rate), then offers 2x, 5x and 10x
that rate for --seconds each, open loop, as readers with a deadline: each request carries X-Door-Deadline-Ms and
the client gives up after the deadline plus --margin-ms. Per level it prints offered/s, goodput (200 within the
deadline)/s and as a share of the sustainable rate, p50/p99 of the answered requests, 503s, client timeouts, and
how many requests the client gave up on were nevertheless committed (their event id in the swipe log as a passage,
or the last event of a presence item): the target is 0. The load generator is asyncio over raw HTTP/1.1 keep-alive
connections; its own CPU share and how late it sent (p99) are printed, so it is seen not to be the bottleneck.

Targets (issue 15): p99 of answered <= 200 ms, goodput >= 80% of the sustainable rate, 0 timed-out requests that
changed presence."""
import argparse
import asyncio
import json
import re
import time
import urllib.request
import uuid

from bench_common import System, percentile
from bench_revoke import name_uuid
from bench_simulator import cpu_seconds, pid_of

DEADLINE_HEADER = "X-Door-Deadline-Ms"
REASON = re.compile(rb'"reason"\s*:\s*"([A-Z_]+)"')


class Outcome:
    __slots__ = ("status", "millis", "event_id", "lag", "reason")

    def __init__(self, status, millis, event_id, lag, reason=None):
        self.status, self.millis, self.event_id, self.lag, self.reason = status, millis, event_id, lag, reason


class Doors:
    """Raw HTTP/1.1 client for the decision API: keep-alive connections reused, a connection given up on closed."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.idle = []

    async def _read(self, reader):
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split(b" ", 2)[1])
        length, chunked, close = None, False, False
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            value = value.strip()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection" and value.lower() == b"close":
                close = True
        if chunked:
            body = bytearray()
            while True:
                size = int((await reader.readline()).split(b";")[0], 16)
                if size == 0:
                    await reader.readline()
                    break
                body += await reader.readexactly(size)
                await reader.readline()
            body = bytes(body)
        else:
            body = await reader.readexactly(length or 0)
        return status, body, close

    async def _exchange(self, raw):
        reused = bool(self.idle)
        conn = self.idle.pop() if reused else await asyncio.open_connection(self.host, self.port)
        reader, writer = conn
        try:
            writer.write(raw)
            status, body, close = await self._read(reader)
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            writer.close()
            if reused:  # the server closed an idle connection: once more on a new one
                return await self._exchange_new(raw)
            raise
        except BaseException:
            writer.close()  # given up on (timeout): a late answer must not be read as the next one's
            raise
        if close:
            writer.close()
        else:
            self.idle.append(conn)
        return status, body

    async def _exchange_new(self, raw):
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(raw)
            status, body, close = await self._read(reader)
        except BaseException:
            writer.close()
            raise
        if close:
            writer.close()
        else:
            self.idle.append((reader, writer))
        return status, body

    async def decide(self, event_id, door, key, card, direction, deadline_ms, timeout):
        now = time.time()
        occurred = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + f".{int(now * 1000) % 1000:03d}Z"
        body = (f'{{"eventId":"{event_id}","cardNumber":"{card}","direction":"{direction}",'
                f'"occurredAt":"{occurred}"}}').encode()
        raw = (f"POST /door-api/v1/doors/{door}/decisions HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
               f"Content-Type: application/json\r\nAccept: application/json\r\nX-Door-Key: {key}\r\n"
               f"{DEADLINE_HEADER}: {deadline_ms}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
        return await asyncio.wait_for(self._exchange(raw), timeout)


class Crowd:
    """The people, taken in turn (so one person's requests are a whole round apart), each alternating IN and OUT."""

    def __init__(self, cards, doors):
        self.cards, self.doors = cards, doors
        self.next = 0
        self.inside = [False] * len(cards)

    def pick(self):
        person = self.next % len(self.cards)
        self.next += 1
        direction = "OUT" if self.inside[person] else "IN"
        self.inside[person] = not self.inside[person]
        door, key = self.doors[person % len(self.doors)]
        return self.cards[person], door, key, direction


async def offer(client, crowd, rate, seconds, deadline_ms, margin_ms):
    """Open loop: request i is due at start + i/rate. Latency and the client's timeout count from when it was sent,
    as a reader's do; how late the generator sent (lag) is reported apart, to show it is not the bottleneck."""
    loop = asyncio.get_running_loop()
    timeout = (deadline_ms + margin_ms) / 1000
    outcomes, tasks = [], set()

    async def one(due):
        card, door, key, direction = crowd.pick()
        event_id = str(uuid.uuid4())
        sent = loop.time()
        lag = (sent - due) * 1000
        try:
            status, body = await client.decide(event_id, door, key, card, direction, deadline_ms, timeout)
            reason = REASON.search(body)
            outcomes.append(Outcome(status, (loop.time() - sent) * 1000, event_id, lag,
                                    reason.group(1).decode() if reason else None))
        except asyncio.TimeoutError:
            outcomes.append(Outcome("timeout", None, event_id, lag))
        except (ConnectionError, OSError, asyncio.IncompleteReadError, ValueError) as e:
            outcomes.append(Outcome(f"error:{type(e).__name__}", None, None, lag))

    total = int(rate * seconds)
    start = loop.time() + 0.05
    sent = 0
    cpu0, wall0 = time.process_time(), time.monotonic()
    while sent < total:
        now = loop.time()
        due_now = min(total, int((now - start) * rate) + 1) if now >= start else 0
        while sent < due_now:
            task = asyncio.ensure_future(one(start + sent / rate))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            sent += 1
        await asyncio.sleep(0.001)
    if tasks:
        await asyncio.wait(tasks)
    wall = time.monotonic() - wall0
    return outcomes, (time.process_time() - cpu0) / wall, wall




def summary(outcomes, deadline_ms):
    answered = sorted(o.millis for o in outcomes if o.status == 200)
    counts = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    return {
        "sent": len(outcomes),
        "answered": len(answered),
        "good": sum(1 for m in answered if m <= deadline_ms),
        "p50": percentile(answered, 0.5) if answered else None,
        "p99": percentile(answered, 0.99) if answered else None,
        "refused": counts.get(503, 0),
        "timeouts": counts.get("timeout", 0),
        "other": {str(k): v for k, v in counts.items() if k not in (200, 503, "timeout")},
        "lag_p99": percentile(sorted(o.lag for o in outcomes), 0.99) if outcomes else 0,
    }


def shed_counts(system):
    """access-stream's own count of refusals by reason (its actuator), or {} where the metrics are not served."""
    counts = {}
    for reason in ("full", "expired", "expired-before-write"):
        try:
            with urllib.request.urlopen(f"{system.stream_url}/actuator/metrics/badgeflow.decisions.shed"
                                        f"?tag=reason:{reason}", timeout=5) as response:
                counts[reason] = int(json.loads(response.read())["measurements"][0]["value"])
        except (OSError, ValueError, KeyError):
            return {}
    return counts


def server_time(system):
    """access-stream's own count and total seconds of the decisions it answered 200 (its http.server.requests)."""
    try:
        with urllib.request.urlopen(f"{system.stream_url}/actuator/metrics/http.server.requests?tag=uri:"
                                    f"/door-api/v1/doors/%7BdoorId%7D/decisions&tag=status:200", timeout=5) as response:
            measured = {m["statistic"]: m["value"] for m in json.loads(response.read())["measurements"]}
            return measured["COUNT"], measured["TOTAL_TIME"]
    except (OSError, ValueError, KeyError):
        return None


def load_average():
    return open("/proc/loadavg").read().split()[0]


class Processes:
    """CPU seconds per wall-clock second of the emulator and access-stream over a level (2 cores = 2.0)."""

    def __init__(self, run_dir):
        self.pids = {"emulator": pid_of(run_dir, "emulator"), "access-stream": pid_of(run_dir, "access-stream")}

    def sample(self):
        return {name: cpu_seconds(pid) for name, pid in self.pids.items()}, time.monotonic()

    @staticmethod
    def shares(before, after):
        (cpu0, t0), (cpu1, t1) = before, after
        return {name: round((cpu1[name] - cpu0[name]) / (t1 - t0), 2)
                for name in cpu0 if cpu0[name] is not None and cpu1[name] is not None}


def provision(system, people, doors):
    """A building of its own (everyone starts outside), its doors with their keys, and people with cards."""
    run = uuid.uuid4().hex[:6].upper()
    building = f"BO{run}"
    wait_applied(system, system.call("POST", "/api/v1/buildings",
                                     {"buildingId": building, "name": "Bench overload", "timeZone": "UTC"})["commandId"])
    keyed = []
    for i in range(doors):
        registered = system.call("POST", f"/api/v1/buildings/{building}/doors",
                                 {"name": f"Overload door {i}", "capability": "BOTH", "doorId": f"{building}-d{i}"})
        wait_applied(system, registered["commandId"])
        keyed.append((f"{building}-d{i}", registered["deviceKey"]))
    cards = [f"O{run}-{i}" for i in range(1, people + 1)]
    lines = ["employee number,given name,family name,email,building codes,card number"]
    lines += [f"O{run}-E{i},Bench,Overload{i},overload{i}@example.com,{building},{card}"
              for i, card in enumerate(cards, 1)]
    request = urllib.request.Request(f"{system.admin_url}/api/v1/imports", data=("\n".join(lines) + "\n").encode(),
                                     method="POST", headers={"Authorization": f"Bearer {system.bearer}",
                                                             "Content-Type": "text/csv"})
    with urllib.request.urlopen(request, timeout=60) as response:
        import_id = json.loads(response.read())["importId"]
    while system.call("GET", f"/api/v1/imports/{import_id}")["status"] in ("PENDING", "RUNNING"):
        time.sleep(0.5)
    employees = [name_uuid(f"employee:{import_id}:{row}") for row in range(1, people + 1)]
    return building, keyed, cards, employees


def wait_applied(system, command_id):
    while system.call("GET", f"/api/v1/commands/{command_id}")["status"] == "PENDING":
        time.sleep(0.05)


async def warm(client, crowd, deadline_ms):
    """Every person once (and back out), 16 at a time: the decision path's memory then holds them all, as it holds
    a building's regulars by mid-morning."""
    for _ in range(2):
        pending = [crowd.pick() for _ in range(len(crowd.cards))]
        for start in range(0, len(pending), 16):
            await asyncio.gather(*(client.decide(str(uuid.uuid4()), door, key, card, direction, 5000, 10)
                                   for card, door, key, direction in pending[start:start + 16]),
                                 return_exceptions=True)


async def find_sustainable(client, crowd, args):
    """Doubling from --start until less than 99% of what is offered is answered 200 within the deadline (or p99
    passes it), then bisecting between the last good and the first bad rate."""
    good, bad = None, None
    rate = args.start
    while bad is None and rate <= args.ceiling:
        fine, line = await probe(client, crowd, rate, args)
        print(line, flush=True)
        if fine:
            good, rate = rate, rate * 2
        else:
            bad = rate
    if good is None:
        raise SystemExit(f"not even {args.start}/s is sustainable; lower --start")
    if bad is None:
        return good
    for _ in range(args.bisect):
        rate = round((good + bad) / 2)
        if rate in (good, bad):
            break
        fine, line = await probe(client, crowd, rate, args)
        print(line, flush=True)
        good, bad = (rate, bad) if fine else (good, rate)
    return good


async def probe(client, crowd, rate, args):
    outcomes, _, _ = await offer(client, crowd, rate, args.probe_seconds, args.deadline_ms, args.margin_ms)
    s = summary(outcomes, args.deadline_ms)
    fine = s["good"] >= 0.99 * s["sent"] and s["p99"] is not None and s["p99"] <= args.deadline_ms
    await asyncio.sleep(2)
    return fine, (f"  probe {rate:g}/s: {s['good']}/{s['sent']} good, p99 {fmt(s['p99'])} ms, 503 {s['refused']}, "
                  f"timeouts {s['timeouts']} -> {'sustainable' if fine else 'not sustainable'}")


def fmt(value):
    return "-" if value is None else f"{value:.1f}"


def committed_after_timeout(system, building, doors, employees, given_up):
    """Which of the requests the client gave up on were committed anyway: a passage (a granted entry or an exit) in
    the swipe log, or the last event of a presence item. Waits for the stream consumer to have stored what was
    answered first."""
    if not given_up:
        return 0, 0
    dynamo = system.client("dynamodb")
    swipes = system.outputs["SwipesTableName"]

    def passages():
        found = {}
        for door, _ in doors:
            kwargs = {"TableName": swipes, "ConsistentRead": True, "KeyConditionExpression": "doorId = :d",
                      "ExpressionAttributeValues": {":d": {"S": door}},
                      "ProjectionExpression": "eventId, #t, decision", "ExpressionAttributeNames": {"#t": "type"}}
            while True:
                page = dynamo.query(**kwargs)
                for item in page["Items"]:
                    found[item["eventId"]["S"]] = (item["type"]["S"], item.get("decision", {}).get("S"))
                if "LastEvaluatedKey" not in page:
                    break
                kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        return found

    # The consumer lags the stream by a second or more: wait until the log stops growing.
    last, found = -1, {}
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        found = passages()
        if len(found) == last:
            break
        last = len(found)
        time.sleep(5)
    in_log = [e for e in given_up if e in found]
    moved = [e for e in in_log if found[e][0] == "ExitRecorded" or found[e][1] == "GRANTED"]
    presence = system.outputs["PresenceTableName"]
    last_events = set()
    for start in range(0, len(employees), 100):
        keys = [{"employeeId": {"S": employee}, "buildingId": {"S": building}}
                for employee in employees[start:start + 100]]
        answer = dynamo.batch_get_item(RequestItems={presence: {"Keys": keys, "ConsistentRead": True}})
        for item in answer["Responses"].get(presence, []):
            last_events.add(item.get("lastEventId", {}).get("S"))
    moved_last = set(given_up) & last_events
    return len(set(moved) | moved_last), len(in_log)


async def run(args):
    system = System(args.run_dir)
    host, port = system.stream_url.split("//")[1].split(":")
    client = Doors(host, int(port))
    building, doors, cards, employees = provision(system, args.people, args.doors)
    crowd = Crowd(cards, doors)
    print(f"provisioned {building}: {len(doors)} doors, {len(cards)} people; warming up", flush=True)
    await warm(client, crowd, args.deadline_ms)
    if args.rate:
        sustainable = args.rate
        print(f"sustainable rate taken as {sustainable:g}/s (--rate)")
    else:
        print(f"finding the sustainable rate ({args.probe_seconds}s probes, load average {load_average()})", flush=True)
        sustainable = await find_sustainable(client, crowd, args)
        print(f"sustainable: {sustainable:g}/s (>= 99% answered 200 within {args.deadline_ms} ms, p99 within it)")
    processes = Processes(args.run_dir)
    rows, given_up = [], []
    for factor in [1] + args.levels:
        rate = sustainable * factor
        load = load_average()
        shed_before = shed_counts(system)
        served_before = server_time(system)
        before = processes.sample()
        outcomes, generator_cpu, wall = await offer(client, crowd, rate, args.seconds, args.deadline_ms,
                                                    args.margin_ms)
        shares = processes.shares(before, processes.sample())
        s = summary(outcomes, args.deadline_ms)
        shed_after = shed_counts(system)
        s["shed"] = {k: shed_after[k] - shed_before.get(k, 0) for k in shed_after}
        served_after = server_time(system)
        s["server_mean"] = (1000 * (served_after[1] - served_before[1]) / (served_after[0] - served_before[0])
                            if served_before and served_after and served_after[0] > served_before[0] else None)
        lost = [o.event_id for o in outcomes if o.status == "timeout"]
        given_up += lost
        rows.append((factor, rate, s, generator_cpu, shares, load, lost, wall))
        print(f"  {factor:g}x ({rate:g}/s offered, {wall:.0f} s): sent {s['sent'] / wall:.0f}/s, goodput "
              f"{s['good'] / wall:.0f}/s ({s['good'] / wall / sustainable:.0%} of sustainable), answered p50 "
              f"{fmt(s['p50'])} / p99 {fmt(s['p99'])} ms, 503 {s['refused']}, timeouts {s['timeouts']}, other "
              f"{s['other']}, server shed {s['shed']}, server mean of its 200s {fmt(s['server_mean'])} ms, generator CPU {generator_cpu:.2f} (late p99 {s['lag_p99']:.1f} ms), {shares}, "
              f"load {load}", flush=True)
        await asyncio.sleep(args.pause)
    print("checking what the requests given up on left behind (swipe log and presence)...", flush=True)
    changed, in_log = committed_after_timeout(system, building, doors, employees, given_up)
    print()
    print(f"overload: sustainable {sustainable:g}/s, deadline {args.deadline_ms} ms (client gives up at "
          f"+{args.margin_ms} ms), {args.seconds} s per level, {args.people} people, {args.doors} doors")
    print("| offered | offered/s | goodput/s | goodput / sustainable | answered p50 ms | answered p99 ms | 503 "
          "| client timeouts | other | generator CPU | load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for factor, rate, s, generator_cpu, shares, load, lost, wall in rows:
        print(f"| {factor:g}x ({rate:g}/s) | {s['sent'] / wall:.0f} | {s['good'] / wall:.0f} | "
              f"{s['good'] / wall / sustainable:.0%} | {fmt(s['p50'])} | {fmt(s['p99'])} | {s['refused']} | "
              f"{s['timeouts']} | {s['other'] or 0} | {generator_cpu:.2f} | {load} |")
    print(f"timed-out requests that changed presence: {changed} of {len(given_up)} given up on "
          f"({in_log} of them in the swipe log at all)")
    print("CPU per second by level (2 cores = 2.0): " + "; ".join(
        f"{factor:g}x {shares}" for factor, _, _, _, shares, _, _, _ in rows))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, help="the sustainable rate; found by probing when left out")
    parser.add_argument("--levels", default="2,5,10", help="multiples of the sustainable rate to offer")
    parser.add_argument("--seconds", type=int, default=30, help="seconds per level")
    parser.add_argument("--deadline-ms", type=int, default=200)
    parser.add_argument("--margin-ms", type=int, default=20, help="network margin: the client gives up after "
                                                                   "the deadline plus this")
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--doors", type=int, default=8)
    parser.add_argument("--start", type=float, default=50, help="first rate probed")
    parser.add_argument("--ceiling", type=float, default=5000, help="highest rate probed")
    parser.add_argument("--bisect", type=int, default=3)
    parser.add_argument("--probe-seconds", type=int, default=8)
    parser.add_argument("--pause", type=float, default=3, help="seconds between levels")
    parser.add_argument("--run-dir", default=".run")
    args = parser.parse_args()
    args.levels = [float(x) for x in args.levels.split(",") if x]
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
