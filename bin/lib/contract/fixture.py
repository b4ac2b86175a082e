"""What the contract tests need from a running system, made through its public API only:

  fixture.py RUN_DIR

signs in as the demo admin (admin-service's /auth/login), registers a building and a door (waiting until both
commands are APPLIED) and prints shell assignments: the load balancer's base URL, the admin's access token, the
door's id and its device key, which is shown once, when the door is registered."""
import csv
import json
import os
import shlex
import sys
import time
import urllib.error
import urllib.request
import uuid

run_dir = sys.argv[1]
base = open(os.path.join(run_dir, "urls")).read().split()[-1].rstrip("/")


def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode(errors="replace")


def applied(accepted, token):
    status, answer = accepted
    if status != 202:
        sys.exit(f"fixture: command refused ({status}): {answer}")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status, command = call("GET", "/api/v1/commands/" + answer["commandId"], token=token)
        if status == 200 and command["status"] == "APPLIED":
            return answer
        if status == 200 and command["status"] == "REJECTED":
            sys.exit(f"fixture: command REJECTED: {command}")
        time.sleep(0.5)
    sys.exit(f"fixture: command {answer['commandId']} not APPLIED within 60 s")


with open(os.path.join(run_dir, "demo-users.tsv")) as users:
    password = next(row[2] for row in csv.reader(users, delimiter="\t") if row and row[1] == "demo-admin")
status, session = call("POST", "/auth/login", {"username": "demo-admin", "password": password})
if status != 200:
    sys.exit(f"fixture: sign-in refused ({status}): {session}")
token = session["accessToken"]

suffix = uuid.uuid4().hex[:8]
building_id = "contract-" + suffix
door_id = "contract-door-" + suffix
applied(call("POST", "/api/v1/buildings", {"buildingId": building_id, "name": "Contract tests", "timeZone": "UTC"},
             token), token)
door = applied(call("POST", f"/api/v1/buildings/{building_id}/doors",
                    {"doorId": door_id, "name": "Contract door", "capability": "BOTH"}, token), token)

for name, value in {"BASE_URL": base, "ADMIN_TOKEN": token, "BUILDING_ID": building_id, "DOOR_ID": door_id,
                    "DOOR_KEY": door["deviceKey"]}.items():
    print(f"export CONTRACT_{name}={shlex.quote(value)}")
