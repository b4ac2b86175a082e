"""Creates one demo user per Cognito group in the local user pool, with freshly generated passwords.

Idempotent: an existing demo user gets a new password and its group again. Prints one line per user;
passwords are never written to the repository.
"""
import argparse
import json
import secrets
import string

import boto3

GROUPS = ("admin", "operator", "auditor")
SYMBOLS = "!#%*+-=?@^_"


def generate_password(length=20):
    alphabet = string.ascii_letters + string.digits + SYMBOLS
    while True:
        password = "".join(secrets.choice(alphabet) for _ in range(length))
        if (any(c.islower() for c in password) and any(c.isupper() for c in password)
                and any(c.isdigit() for c in password) and any(c in SYMBOLS for c in password)):
            return password


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--outputs-file", required=True)
    args = parser.parse_args()
    outputs = json.load(open(args.outputs_file))
    pool = outputs["UserPoolId"]
    cognito = boto3.client("cognito-idp", endpoint_url=args.endpoint, region_name="us-east-1",
                           aws_access_key_id="test", aws_secret_access_key="test")
    for group in GROUPS:
        username = f"demo-{group}"
        password = generate_password()
        try:
            # Our own temporary password: the emulator would generate one shorter than the pool's policy.
            cognito.admin_create_user(UserPoolId=pool, Username=username, MessageAction="SUPPRESS",
                                      TemporaryPassword=password)
        except cognito.exceptions.UsernameExistsException:
            pass
        cognito.admin_set_user_password(UserPoolId=pool, Username=username, Password=password, Permanent=True)
        cognito.admin_add_user_to_group(UserPoolId=pool, Username=username, GroupName=group)
        print(f"{group}\t{username}\t{password}")


if __name__ == "__main__":
    main()
