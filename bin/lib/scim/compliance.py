"""SCIM compliance of a running system, checked by an independent tester (scim2-tester, pinned in requirements.txt):

  compliance.py RUN_DIR

gets an access token for the SCIM app client the way an identity provider does (client credentials at the token
endpoint, with the SCIM scope; the client id and secret from RUN_DIR/scim-client.env, which bin/run writes), then
runs scim2-tester's checks against <load balancer>/scim/v2: discovery (ServiceProviderConfig, ResourceTypes,
Schemas), an unknown URL, and for Users create, read, query, replace, PATCH add/replace/remove and delete. Groups are
buildings, which SCIM cannot create (501), so the tester's Group checks, which start by creating one, are left out;
ScimProvisioningIntegrationTests covers group membership. Prints every result; fails on ERROR or CRITICAL."""
import base64
import os
import sys
import urllib.parse
import urllib.request
import json

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

http = httpx2.Client(base_url=base + "/scim/v2", headers={"Authorization": "Bearer " + token}, timeout=120)
results = check_server(SyncSCIMClient(http), resource_types=["User"])
failed = [result for result in results if result.status in (Status.ERROR, Status.CRITICAL)]
for result in results:
    where = f"[{result.resource_type}] " if result.resource_type else ""
    reason = f": {result.reason}" if result.reason and result.status != Status.SUCCESS else ""
    print(f"{result.status.name:<10} {where}{result.title}{reason}")
counts = {}
for result in results:
    counts[result.status.name] = counts.get(result.status.name, 0) + 1
print("scim2-tester:", ", ".join(f"{count} {status}" for status, count in sorted(counts.items())))
sys.exit(1 if failed or not results else 0)
