"""SCIM compliance of a running system, checked by an independent tester (scim2-tester, pinned in requirements.txt):

  compliance.py RUN_DIR

gets an access token for the SCIM app client the way an identity provider does (client credentials at the token
endpoint, with the SCIM scope; the client id and secret from RUN_DIR/scim-client.env, which bin/run writes), then
runs scim2-tester's checks against <load balancer>/scim/v2: discovery (ServiceProviderConfig, ResourceTypes,
Schemas), an unknown URL, and for Users create, read, query, replace, PATCH add/replace/remove and delete. Groups are
buildings, which SCIM cannot create (501), so the tester's Group checks, which start by creating one, are left out;
ScimProvisioningIntegrationTests covers group membership. Prints every result; fails on an ERROR or CRITICAL result
that known-deviations.json (beside this file) does not list, each entry with the reason the domain differs, and
on an entry without a reason. The tester's random values come from a seed (BADGEFLOW_SCIM_SEED, else a fresh one,
printed) so a run can be repeated."""
import base64
import os
import sys
import urllib.parse
import urllib.request
import json
import random

import httpx2
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server

run_dir = sys.argv[1]
base = open(os.path.join(run_dir, "urls")).read().split()[-1].rstrip("/")
settings = {}
with open(os.path.join(run_dir, "scim-client.env")) as env:
    for line in env:
        if "=" in line and not line.startswith("#"):
            key, value = line.rstrip("\n").split("=", 1)
            settings[key] = value

basic = base64.b64encode(f"{settings['SCIM_CLIENT_ID']}:{settings['SCIM_CLIENT_SECRET']}".encode()).decode()
request = urllib.request.Request(
    settings["SCIM_TOKEN_URL"], method="POST",
    data=urllib.parse.urlencode({"grant_type": "client_credentials", "scope": settings["SCIM_SCOPE"]}).encode(),
    headers={"Authorization": "Basic " + basic, "Content-Type": "application/x-www-form-urlencoded"})
with urllib.request.urlopen(request, timeout=30) as answer:
    token = json.loads(answer.read())["access_token"]

seed = int(os.environ.get("BADGEFLOW_SCIM_SEED") or random.SystemRandom().randrange(2**31))
print(f"scim2-tester seed: {seed} (BADGEFLOW_SCIM_SEED={seed} repeats it)")
random.seed(seed)

known = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "known-deviations.json")))
unreasoned = [entry for entry in known if not entry.get("reason", "").strip()]
if unreasoned:
    sys.exit(f"known-deviations.json: entries without a reason: {unreasoned}")


def deviation(result):
    """The listed deviation this result is, or None."""
    text = f"{result.title}: {result.reason or ''}"
    return next((entry for entry in known
                 if entry["check"] == result.title and entry["failure"] in text), None)


http = httpx2.Client(base_url=base + "/scim/v2", headers={"Authorization": "Bearer " + token}, timeout=120)
results = check_server(SyncSCIMClient(http), resource_types=["User"])
failed = [result for result in results
          if result.status in (Status.ERROR, Status.CRITICAL) and deviation(result) is None]
for result in results:
    where = f"[{result.resource_type}] " if result.resource_type else ""
    reason = f": {result.reason}" if result.reason and result.status != Status.SUCCESS else ""
    listed = deviation(result) if result.status in (Status.ERROR, Status.CRITICAL) else None
    status = "KNOWN" if listed else result.status.name
    print(f"{status:<10} {where}{result.title}{reason}")
    if listed:
        print(f"           known deviation: {listed['reason']}")
counts = {}
for result in results:
    counts[result.status.name] = counts.get(result.status.name, 0) + 1
print("scim2-tester:", ", ".join(f"{count} {status}" for status, count in sorted(counts.items())),
      f"({len(results) - len(failed) - sum(1 for r in results if r.status not in (Status.ERROR, Status.CRITICAL))} of the"
      " errors are known deviations)")
for result in failed:
    print(f"UNEXPECTED {result.title}: {result.reason}")
sys.exit(1 if failed or not results else 0)
