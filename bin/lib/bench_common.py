"""What the benchmark scripts share: the running system's stack outputs, a demo user's token, JSON calls."""
import json
import os
import urllib.request

import boto3

import pool_sign_in


class System:
    """The system bin/run started: its stack outputs, AWS clients on the emulator and an admin token."""

    def __init__(self, run_dir=".run", endpoint=None, admin_url=None, stream_url=None):
        self.outputs = json.load(open(f"{run_dir}/outputs.json"))
        self.endpoint = endpoint or f"http://127.0.0.1:{open(f'{run_dir}/emulator.port').read().strip()}"
        self.admin_url = admin_url or f"http://127.0.0.1:{os.environ.get('BADGEFLOW_ADMIN_PORT', '8081')}"
        self.stream_url = stream_url or f"http://127.0.0.1:{os.environ.get('BADGEFLOW_ACCESS_STREAM_PORT', '8082')}"
        # access-stream's actuator listens on loopback apart from the door API; bin/run writes where.
        self.stream_management_url = _read(f"{run_dir}/access-stream-management.url") or \
            f"http://127.0.0.1:{int(os.environ.get('BADGEFLOW_ACCESS_STREAM_PORT', '8082')) + 1000}"
        users = {line.split("\t")[1]: line.split("\t")[2].strip() for line in open(f"{run_dir}/demo-users.tsv")}
        cognito = self.client("cognito-idp")
        self.bearer = pool_sign_in.access_token(cognito, self.outputs, "demo-admin", users["demo-admin"])

    def client(self, service):
        return boto3.client(service, endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id="test", aws_secret_access_key="test")

    def call(self, method, path, body=None, timeout=10):
        request = urllib.request.Request(f"{self.admin_url}{path}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"Bearer {self.bearer}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())


def _read(path):
    try:
        return open(path).read().strip()
    except FileNotFoundError:
        return None


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an ascending list."""
    index = max(0, min(len(sorted_values) - 1, int(round(fraction * len(sorted_values))) - 1))
    return sorted_values[index]
