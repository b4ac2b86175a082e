"""Dev and benchmark tooling only: a password sign-in straight to the local pool's back-office app client.

The client is confidential (decision 0019), so the call carries its SECRET_HASH, computed from the secret read with
DescribeUserPoolClient as admin-service reads it. The secret is used here and never printed or stored.
"""
import base64
import hashlib
import hmac


def secret_hash(cognito, pool_id, client_id, username):
    secret = cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)["UserPoolClient"]["ClientSecret"]
    digest = hmac.new(secret.encode("utf-8"), (username + client_id).encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def access_token(cognito, outputs, username, password):
    """The access token of a user who signs in with a permanent password and no MFA (the local demo users)."""
    client_id = outputs["UserPoolClientId"]
    result = cognito.initiate_auth(
        ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password,
                        "SECRET_HASH": secret_hash(cognito, outputs["UserPoolId"], client_id, username)})
    return result["AuthenticationResult"]["AccessToken"]
