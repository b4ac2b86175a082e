"""Prints what the emulator made of each template property: the effective value after a local deploy.

Re-run when MiniStack's pin changes and update the table in docs/local-aws.md:
    BADGEFLOW_EMULATOR_PORT=4599 scripts/emulator start
    BADGEFLOW_EMULATOR_PORT=4599 scripts/deploy --stage local --skip-local-compensation
    BADGEFLOW_EMULATOR_PORT=4599 .venv-aws/bin/python infra-cloudformation/scripts/fidelity.py
    BADGEFLOW_EMULATOR_PORT=4599 scripts/emulator stop
"""

import json
import os

import boto3
from botocore.exceptions import ClientError

PORT = os.environ.get("BADGEFLOW_EMULATOR_PORT", "4566")
ENDPOINT = os.environ.get("BADGEFLOW_AWS_ENDPOINT", f"http://127.0.0.1:{PORT}")
SESSION = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")


def client(name):
    return SESSION.client(name, endpoint_url=ENDPOINT)


def attempt(call):
    try:
        return call()
    except ClientError as error:
        return f"error {error.response['Error'].get('Code')}"
    except Exception as error:  # noqa: BLE001 - a report, not a program path
        return f"error {type(error).__name__}: {error}"


def outputs():
    cfn = client("cloudformation")
    result = {}
    for stack in cfn.describe_stacks()["Stacks"]:
        if stack["StackName"].startswith("badgeflow-local-"):
            for output in stack.get("Outputs", []):
                result[output["OutputKey"]] = output["OutputValue"]
    return result


def main():
    out = outputs()
    sqs, sns, s3, ddb = client("sqs"), client("sns"), client("s3"), client("dynamodb")
    kinesis, idp, cw, kms = client("kinesis"), client("cognito-idp"), client("cloudwatch"), client("kms")
    report = {}
    for queue in ("CommandsQueueUrl", "CommandsDlqUrl"):
        report[f"sqs {queue}"] = attempt(lambda q=queue: sqs.get_queue_attributes(
            QueueUrl=out[q], AttributeNames=["All"])["Attributes"])
    report["sns commands topic"] = attempt(lambda: sns.get_topic_attributes(
        TopicArn=out["CommandsTopicArn"])["Attributes"])
    report["sns subscriptions"] = attempt(lambda: [
        sns.get_subscription_attributes(SubscriptionArn=s["SubscriptionArn"])["Attributes"]
        for s in sns.list_subscriptions_by_topic(TopicArn=out["CommandsTopicArn"])["Subscriptions"]])
    bucket = out["CommandsBucketName"]
    report["s3 encryption"] = attempt(lambda: s3.get_bucket_encryption(Bucket=bucket)[
        "ServerSideEncryptionConfiguration"])
    report["s3 versioning"] = attempt(lambda: s3.get_bucket_versioning(Bucket=bucket).get("Status"))
    report["s3 lifecycle"] = attempt(lambda: s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"])
    report["s3 public access block"] = attempt(lambda: s3.get_public_access_block(Bucket=bucket)[
        "PublicAccessBlockConfiguration"])
    report["s3 ownership"] = attempt(lambda: s3.get_bucket_ownership_controls(Bucket=bucket)[
        "OwnershipControls"])
    report["s3 policy"] = attempt(lambda: json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"]))
    report["s3 notification"] = attempt(lambda: {
        k: v for k, v in s3.get_bucket_notification_configuration(Bucket=bucket).items()
        if k != "ResponseMetadata"})
    report["s3 plain-http put despite DenyInsecureTransport"] = attempt(
        lambda: s3.put_object(Bucket=bucket, Key="probe/fidelity.txt", Body=b"x")["ResponseMetadata"][
            "HTTPStatusCode"])
    report["s3 object encryption"] = attempt(lambda: {
        k: v for k, v in s3.head_object(Bucket=bucket, Key="probe/fidelity.txt").items()
        if k.startswith("ServerSide") or k.startswith("SSE")})
    attempt(lambda: s3.delete_object(Bucket=bucket, Key="probe/fidelity.txt"))
    table = out["CommandsTableName"]
    report["ddb describe"] = attempt(lambda: {k: v for k, v in ddb.describe_table(TableName=table)[
        "Table"].items() if k in ("SSEDescription", "DeletionProtectionEnabled", "BillingModeSummary",
                                  "TableStatus")})
    report["ddb ttl"] = attempt(lambda: ddb.describe_time_to_live(TableName=table)["TimeToLiveDescription"])
    report["ddb pitr"] = attempt(lambda: ddb.describe_continuous_backups(TableName=table)[
        "ContinuousBackupsDescription"])
    report["ddb tags"] = attempt(lambda: ddb.list_tags_of_resource(ResourceArn=out["CommandsTableArn"])["Tags"])
    report["kinesis"] = attempt(lambda: {k: v for k, v in kinesis.describe_stream_summary(
        StreamName=out["SwipeStreamName"])["StreamDescriptionSummary"].items()
        if k in ("EncryptionType", "KeyId", "RetentionPeriodHours", "StreamModeDetails", "OpenShardCount")})
    report["kms key"] = attempt(lambda: {
        "rotation": kms.get_key_rotation_status(KeyId=out["KeyId"])["KeyRotationEnabled"],
        "aliases": [a["AliasName"] for a in kms.list_aliases(KeyId=out["KeyId"])["Aliases"]]})
    pool = out["UserPoolId"]
    report["cognito pool"] = attempt(lambda: {k: v for k, v in idp.describe_user_pool(UserPoolId=pool)[
        "UserPool"].items() if k in ("Name", "Policies", "AdminCreateUserConfig", "MfaConfiguration",
                                     "UserPoolTags", "DeletionProtection", "UsernameConfiguration")})
    report["cognito groups"] = attempt(lambda: [g["GroupName"] for g in idp.list_groups(UserPoolId=pool)["Groups"]])
    report["cognito client"] = attempt(lambda: {k: v for k, v in idp.describe_user_pool_client(
        UserPoolId=pool, ClientId=out["UserPoolClientId"])["UserPoolClient"].items()
        if k in ("ClientName", "ExplicitAuthFlows", "AccessTokenValidity", "IdTokenValidity",
                 "RefreshTokenValidity", "TokenValidityUnits", "PreventUserExistenceErrors")})
    report["alarms"] = attempt(lambda: [
        {k: a.get(k) for k in ("AlarmName", "MetricName", "Dimensions", "Threshold", "AlarmActions")}
        for a in cw.describe_alarms(AlarmNamePrefix="badgeflow-local-")["MetricAlarms"]])
    for key, value in report.items():
        print(f"## {key}\n{json.dumps(value, indent=1, default=str)}")


if __name__ == "__main__":
    main()
