"""Runs the door simulator as its own process against the running system and reads its summary line; meanwhile
it samples the CPU time of the emulator and of access-stream (from /proc), so a figure comes with where the time
went. Shared by the decision-latency and evacuation benchmarks."""
import json
import os
import signal
import subprocess
import sys
import time

SUMMARY_PREFIX = "SIMULATOR-SUMMARY "


def pid_of(run_dir, name):
    path = f"{run_dir}/emulator/ministack.pid" if name == "emulator" else f"{run_dir}/pids/{name}.pid"
    try:
        return int("".join(ch for ch in open(path).read() if ch.isdigit()))
    except (OSError, ValueError):
        return None


def cpu_seconds(pid):
    """User + system CPU seconds of a process and its children that were waited for (utime, stime, cutime, cstime)."""
    if pid is None:
        return None
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        ticks = sum(int(value) for value in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def simulator_command(run_dir, jar, system, java, flags):
    """The command line of a simulator process with --name=value flags on top of the running system's settings."""
    users = {line.split("\t")[0]: line.split("\t") for line in open(f"{run_dir}/demo-users.tsv")}
    admin = users["admin"]
    args = [java, "-jar", jar, "--spring.profiles.active=local,simulator", "--server.port=0",
            f"--spring.config.import=file:{os.path.abspath(run_dir)}/stack-outputs.properties",
            "--badgeflow.access-stream.simulator.enabled=true",
            "--badgeflow.access-stream.simulator.exit-when-done=true",
            f"--badgeflow.access-stream.simulator.base-url={system.stream_url}",
            f"--badgeflow.access-stream.simulator.admin-url={system.admin_url}",
            f"--badgeflow.access-stream.simulator.admin-user={admin[1]}",
            f"--badgeflow.access-stream.simulator.admin-password={admin[2].strip()}"]
    args += [f"--badgeflow.access-stream.simulator.{name}={value}" for name, value in flags.items()]
    return args


def run_simulator(run_dir, jar, system, java, flags, log_path):
    """Starts the simulator with --name=value flags (on top of the running system's settings), waits for it to
    end, and returns (summary, cpu) where cpu maps emulator/access-stream/simulator to CPU seconds used."""
    args = simulator_command(run_dir, jar, system, java, flags)
    processes = {"emulator": pid_of(run_dir, "emulator"), "access-stream": pid_of(run_dir, "access-stream")}
    summary = None
    with open(log_path, "w") as log:
        simulator = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, text=True)
        # Stopped again however this script ends: Ctrl-C, a kill (SIGTERM becomes an exit) or an error.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            started_cpu = None
            started = None
            for line in simulator.stdout:
                log.write(line)
                if "ready in" in line and started_cpu is None:
                    started_cpu = {name: cpu_seconds(pid) for name, pid in processes.items()}
                    started_cpu["simulator"] = cpu_seconds(simulator.pid)
                    started = time.time()
                if line.startswith(SUMMARY_PREFIX):
                    summary = json.loads(line[len(SUMMARY_PREFIX):])
                    ended_cpu = {name: cpu_seconds(pid) for name, pid in processes.items()}
                    ended_cpu["simulator"] = cpu_seconds(simulator.pid)
                    wall = time.time() - started
            simulator.wait(timeout=120)
        finally:
            if simulator.poll() is None:
                simulator.terminate()
                try:
                    simulator.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    simulator.kill()
    if summary is None:
        raise SystemExit(f"the simulator ended without a summary; see {log_path}")
    cpu = {}
    for name in ended_cpu:
        if started_cpu.get(name) is not None and ended_cpu.get(name) is not None:
            cpu[name] = round((ended_cpu[name] - started_cpu[name]) / wall, 2)
    return summary, cpu
