"""What a SCIM client (an identity provider, an HR system) needs to provision the local system, as an operator reads
it on AWS (DescribeUserPoolClient; docs/operations.md, "SCIM provisioning"):

  scim_client.py --endpoint URL --outputs-file FILE BASE_URL

prints SCIM_CLIENT_ID, SCIM_CLIENT_SECRET, SCIM_SCOPE, SCIM_TOKEN_URL (the emulator serves /oauth2/token at its
endpoint, without a user pool domain) and SCIM_BASE_URL, one KEY=value a line. bin/run keeps them in
RUN_DIR/scim-client.env (readable by its owner only)."""
import argparse
import json

import boto3

parser = argparse.ArgumentParser()
parser.add_argument("--endpoint", required=True)
parser.add_argument("--outputs-file", required=True)
parser.add_argument("base_url")
args = parser.parse_args()
outputs = json.load(open(args.outputs_file))
cognito = boto3.client("cognito-idp", endpoint_url=args.endpoint, region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")
client = cognito.describe_user_pool_client(UserPoolId=outputs["UserPoolId"], ClientId=outputs["ScimClientId"])
print("SCIM_CLIENT_ID=" + outputs["ScimClientId"])
print("SCIM_CLIENT_SECRET=" + client["UserPoolClient"]["ClientSecret"])
print("SCIM_SCOPE=" + outputs["ScimScope"])
print("SCIM_TOKEN_URL=" + args.endpoint.rstrip("/") + "/oauth2/token")
print("SCIM_BASE_URL=" + args.base_url.rstrip("/") + "/scim/v2")
