"""A soak: the door simulator at a steady rate plus a steady stream of back-office commands for --minutes, and once a
minute, per process of the running system, the heap after a full GC (jcmd GC.run, then GC.heap_info), live threads,
open file descriptors, resident memory and the ERROR lines its log gained; the load's own answers and failures
per minute beside them. Flat memory is the target: the verdict line gives each service's heap slope over the
second half of the run (the first minutes fill caches and JIT code), in MB per minute."""
import argparse
import json
import os
import re
import subprocess
import threading
import time
import urllib.error
import uuid

from bench_common import System
from bench_simulator import pid_of, simulator_command

SERVICES = ("admin-service", "access-stream")


def heap_after_gc(jcmd, pid):
    """MB of heap in use right after a full collection: what the process keeps alive."""
    subprocess.run([jcmd, str(pid), "GC.run"], capture_output=True, timeout=120, check=False)
    info = subprocess.run([jcmd, str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    match = re.search(r"used (\d+)K", info)
    return round(int(match.group(1)) / 1024, 1) if match else None


def proc_status(pid, key):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def open_files(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


class LogErrors:
    """Counts the ERROR lines a log file gained since the last call."""

    def __init__(self, path):
        self.path = path
        self.offset = os.path.getsize(path) if os.path.exists(path) else 0

    def new_errors(self):
        if not os.path.exists(self.path):
            return 0
        with open(self.path, errors="replace") as log:
            log.seek(self.offset)
            text = log.read()
            self.offset = log.tell()
        return sum(1 for line in text.splitlines() if " ERROR " in line)


class CommandLoad(threading.Thread):
    """Registers an employee and renames them, at a steady pace through admin-service's API; counts what it got."""

    def __init__(self, system, per_minute, stop):
        super().__init__(daemon=True)
        self.system, self.interval, self.stop = system, 60.0 / per_minute, stop
        self.accepted = 0
        self.failed = 0
        self.lock = threading.Lock()

    def run(self):
        due = time.monotonic()
        while not self.stop.is_set():
            number = "SOAK-" + uuid.uuid4().hex[:10].upper()
            try:
                self.system.call("POST", "/api/v1/employees", {
                    "employeeNumber": number, "givenName": "Soak", "familyName": number,
                    "email": f"{number.lower()}@example.com"})
                with self.lock:
                    self.accepted += 1
            except (urllib.error.URLError, OSError, ValueError):
                with self.lock:
                    self.failed += 1
            due += self.interval
            self.stop.wait(max(0.0, due - time.monotonic()))

    def take(self):
        with self.lock:
            counts = (self.accepted, self.failed)
            self.accepted = self.failed = 0
        return counts


def simulator_progress(log_path):
    """answered and failed so far, from the simulator's newest progress line."""
    answered = failed = 0
    try:
        for line in open(log_path, errors="replace"):
            match = re.search(r"answered=(\d+).*?failed=(\d+)", line)
            if match:
                answered, failed = int(match.group(1)), int(match.group(2))
    except OSError:
        pass
    return answered, failed


def slope(values):
    """Least-squares slope per step of a list of numbers."""
    n = len(values)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / sum((x - mean_x) ** 2 for x in range(n))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--rate", type=float, default=20, help="swipes per second asked of the decision API")
    parser.add_argument("--commands-per-minute", type=float, default=30)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--run-dir", default=".run")
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java", required=True)
    args = parser.parse_args()
    jcmd = os.path.join(os.path.dirname(args.java), "jcmd")
    system = System(args.run_dir)
    pids = {name: pid_of(args.run_dir, name) for name in SERVICES}
    pids["emulator"] = pid_of(args.run_dir, "emulator")
    logs = {name: LogErrors(f"{args.run_dir}/logs/{name}.log") for name in SERVICES}

    simulator_log = f"{args.run_dir}/bench-soak-simulator.log"
    command = simulator_command(args.run_dir, args.jar, system, args.java, {
        "profile": "normal-day", "rate-per-second": args.rate, "duration": f"{args.minutes * 60 + 30}s",
        "people": args.people, "doors": 4, "progress-interval": "10s",
        "building-id": f"SOAK-{uuid.uuid4().hex[:6].upper()}"})
    stop = threading.Event()
    rows = []
    with open(simulator_log, "w") as log:
        simulator = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            # The simulator provisions its people first (an import); the soak starts with its first progress line.
            deadline = time.monotonic() + 600
            while simulator_progress(simulator_log) == (0, 0) and "answered=" not in open(simulator_log).read():
                if simulator.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"the simulator did not start playing; see {simulator_log}")
                time.sleep(2)
            commands = CommandLoad(system, args.commands_per_minute, stop)
            commands.start()
            print(f"soak: {args.minutes} min, {args.rate:g} swipes/s, {args.commands_per_minute:g} commands/min")
            header = (f"{'min':>3} {'process':<14} {'heap after GC MB':>16} {'RSS MB':>7} {'threads':>7} "
                      f"{'fds':>5} {'ERROR lines':>11}   load")
            print(header)
            last_swipes = simulator_progress(simulator_log)
            minute_start = time.monotonic()
            for minute in range(1, args.minutes + 1):
                time.sleep(max(0.0, minute_start + 60 * minute - time.monotonic()))
                swipes = simulator_progress(simulator_log)
                accepted, failed = commands.take()
                load = (f"swipes {swipes[0] - last_swipes[0]} answered / {swipes[1] - last_swipes[1]} failed; "
                        f"commands {accepted} accepted / {failed} failed")
                last_swipes = swipes
                for name, pid in pids.items():
                    row = {"minute": minute, "process": name,
                           "heapMb": heap_after_gc(jcmd, pid) if name in SERVICES else None,
                           "rssMb": round((proc_status(pid, "VmRSS") or 0) / 1024, 1),
                           "threads": proc_status(pid, "Threads"), "fds": open_files(pid),
                           "errors": logs[name].new_errors() if name in logs else None}
                    rows.append(row)
                    heap = "-" if row["heapMb"] is None else row["heapMb"]
                    errors = "-" if row["errors"] is None else row["errors"]
                    print(f"{minute:>3} {name:<14} {heap:>16} {row['rssMb']:>7} {row['threads']:>7} "
                          f"{row['fds']:>5} {errors:>11}   {load if name == 'admin-service' else ''}", flush=True)
        finally:
            stop.set()
            if simulator.poll() is None:
                simulator.terminate()
                try:
                    simulator.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    simulator.kill()
    half = args.minutes // 2
    verdict = {}
    for name in SERVICES:
        heaps = [row["heapMb"] for row in rows if row["process"] == name and row["heapMb"] is not None][half:]
        threads = [row["threads"] for row in rows if row["process"] == name][half:]
        verdict[name] = {"heapSlopeMbPerMin": round(slope(heaps), 2), "threadSlopePerMin": round(slope(threads), 2),
                         "errorLines": sum(row["errors"] or 0 for row in rows if row["process"] == name)}
    print("verdict (second half of the run): " + json.dumps(verdict))
    with open(f"{args.run_dir}/bench-soak.json", "w") as out:
        json.dump({"rows": rows, "verdict": verdict}, out, indent=1)


if __name__ == "__main__":
    main()
