"""Prints a Cognito access token (named so it does not shadow the standard library's token module) for a user of the local pool: token.py USERNAME PASSWORD [OUTPUTS_FILE]."""
import json
import os
import sys

import boto3

import pool_sign_in

outputs_file = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "../../.run/outputs.json")
outputs = json.load(open(outputs_file))
endpoint = os.environ.get("BADGEFLOW_AWS_ENDPOINT", "http://127.0.0.1:" + os.environ.get("BADGEFLOW_EMULATOR_PORT", "4566"))
cognito = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")
print(pool_sign_in.access_token(cognito, outputs, sys.argv[1], sys.argv[2]))
