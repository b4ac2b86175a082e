"""Applies, after a local deploy, the template properties that the emulator accepts but ignores.

MiniStack creates every resource of our templates but silently drops a few properties that change
how the system behaves at run time (see docs/local-aws.md). This module is the ONE place that makes
them effective locally: it reads each property from the parsed template, resolves its intrinsic
functions against the deployed stack (parameters, conditions, physical ids, exports) and sets it
through the service API. Nothing here holds a second copy of a value. Every step compares the
effective value first, so running it again changes nothing.
"""

import json


class UnresolvableTemplateValue(Exception):
    """A template value uses an intrinsic function this resolver does not evaluate."""


class StackContext:
    """What a template's intrinsic functions resolve against: one deployed stack."""

    def __init__(self, session, stack_name, template, region, endpoint):
        self.session = session
        self.region = region
        self.endpoint = endpoint
        self.template = template
        cfn = self.client("cloudformation")
        stack = cfn.describe_stacks(StackName=stack_name)["Stacks"][0]
        self.stack_name = stack_name
        self.parameters = {p["ParameterKey"]: p["ParameterValue"] for p in stack.get("Parameters", [])}
        for name, declared in template.get("Parameters", {}).items():
            if name not in self.parameters and "Default" in declared:
                self.parameters[name] = str(declared["Default"])
        self.account_id = stack["StackId"].split(":")[4]
        self.physical_ids = {}
        paginator = cfn.get_paginator("list_stack_resources")
        for page in paginator.paginate(StackName=stack_name):
            for summary in page["StackResourceSummaries"]:
                self.physical_ids[summary["LogicalResourceId"]] = summary.get("PhysicalResourceId")
        self.exports = {}
        for page in cfn.get_paginator("list_exports").paginate():
            for export in page["Exports"]:
                self.exports[export["Name"]] = export["Value"]
        self._conditions = {}

    def client(self, service):
        return self.session.client(service, region_name=self.region, endpoint_url=self.endpoint)

    def pseudo(self, name):
        return {
            "AWS::Region": self.region,
            "AWS::AccountId": self.account_id,
            "AWS::Partition": "aws",
            "AWS::StackName": self.stack_name,
            "AWS::URLSuffix": "amazonaws.com",
        }.get(name)

    def condition(self, name):
        if name not in self._conditions:
            self._conditions[name] = bool(self.resolve(self.template["Conditions"][name]))
        return self._conditions[name]

    def resource_is_deployed(self, logical_id):
        declared = self.template["Resources"][logical_id]
        return "Condition" not in declared or self.condition(declared["Condition"])

    def get_att(self, logical_id, attribute):
        resource_type = self.template["Resources"][logical_id]["Type"]
        physical_id = self.physical_ids[logical_id]
        if resource_type == "AWS::SQS::Queue":
            if attribute == "Arn":
                sqs = self.client("sqs")
                return sqs.get_queue_attributes(QueueUrl=physical_id, AttributeNames=["QueueArn"])[
                    "Attributes"]["QueueArn"]
            if attribute == "QueueName":
                return physical_id.rstrip("/").rsplit("/", 1)[-1]
            if attribute == "QueueUrl":
                return physical_id
        if resource_type == "AWS::DynamoDB::Table" and attribute == "Arn":
            return self.client("dynamodb").describe_table(TableName=physical_id)["Table"]["TableArn"]
        raise UnresolvableTemplateValue(f"Fn::GetAtt {logical_id}.{attribute} ({resource_type})")

    def resolve(self, value):
        """Evaluates the intrinsic functions in a template value against the deployed stack."""
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if not isinstance(value, dict):
            return value
        if len(value) != 1:
            return {key: self.resolve(item) for key, item in value.items()}
        (function, argument), = value.items()
        if function == "Ref":
            if argument.startswith("AWS::"):
                return self.pseudo(argument)
            if argument in self.parameters:
                return self.parameters[argument]
            return self.physical_ids[argument]
        if function == "Fn::GetAtt":
            logical_id, attribute = argument if isinstance(argument, list) else argument.split(".", 1)
            return self.get_att(logical_id, attribute)
        if function == "Fn::If":
            name, when_true, when_false = argument
            return self.resolve(when_true if self.condition(name) else when_false)
        if function == "Fn::Equals":
            left, right = self.resolve(argument)
            return str(left) == str(right)
        if function == "Fn::Not":
            return not self.resolve(argument[0])
        if function == "Fn::And":
            return all(self.resolve(item) for item in argument)
        if function == "Fn::Or":
            return any(self.resolve(item) for item in argument)
        if function == "Condition":
            return self.condition(argument)
        if function == "Fn::ImportValue":
            return self.exports[self.resolve(argument)]
        if function == "Fn::Sub":
            return self._sub(argument)
        if function == "Fn::Join":
            separator, items = argument
            return separator.join(str(item) for item in self.resolve(items))
        if function.startswith("Fn::"):
            raise UnresolvableTemplateValue(function)
        return {function: self.resolve(argument)}

    def _sub(self, argument):
        text, variables = (argument, {}) if isinstance(argument, str) else argument
        variables = {name: self.resolve(item) for name, item in variables.items()}
        out, rest = [], text
        while "${" in rest:
            before, _, after = rest.partition("${")
            name, _, rest = after.partition("}")
            out.append(before)
            if name.startswith("!"):
                out.append("${" + name[1:] + "}")
            elif name in variables:
                out.append(str(variables[name]))
            elif "." in name and not name.startswith("AWS::"):
                out.append(str(self.get_att(*name.split(".", 1))))
            else:
                out.append(str(self.resolve({"Ref": name})))
        out.append(rest)
        return "".join(out)


def _resources(context, resource_type, prop):
    for logical_id, declared in context.template.get("Resources", {}).items():
        if declared.get("Type") != resource_type:
            continue
        if prop not in declared.get("Properties", {}):
            continue
        if not context.resource_is_deployed(logical_id):
            continue
        yield logical_id, context.physical_ids[logical_id], declared["Properties"][prop]


def _apply_redrive_policies(context, report):
    sqs = context.client("sqs")
    for logical_id, queue_url, declared in _resources(context, "AWS::SQS::Queue", "RedrivePolicy"):
        wanted = context.resolve(declared)
        wanted = {
            "deadLetterTargetArn": wanted["deadLetterTargetArn"],
            "maxReceiveCount": int(wanted["maxReceiveCount"]),
        }
        effective = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["RedrivePolicy"])
        effective = json.loads(effective.get("Attributes", {}).get("RedrivePolicy", "{}") or "{}")
        if effective.get("deadLetterTargetArn") == wanted["deadLetterTargetArn"] and \
                int(effective.get("maxReceiveCount", -1)) == wanted["maxReceiveCount"]:
            report(f"{logical_id}: RedrivePolicy already effective")
            continue
        sqs.set_queue_attributes(QueueUrl=queue_url, Attributes={"RedrivePolicy": json.dumps(wanted)})
        report(f"{logical_id}: RedrivePolicy set (maxReceiveCount {wanted['maxReceiveCount']}, "
               f"DLQ {wanted['deadLetterTargetArn'].rsplit(':', 1)[-1]})")


def _apply_time_to_live(context, report):
    dynamodb = context.client("dynamodb")
    for logical_id, table_name, declared in _resources(
            context, "AWS::DynamoDB::Table", "TimeToLiveSpecification"):
        wanted = context.resolve(declared)
        enabled = str(wanted.get("Enabled", False)).lower() == "true"
        attribute = wanted.get("AttributeName")
        effective = dynamodb.describe_time_to_live(TableName=table_name)["TimeToLiveDescription"]
        is_enabled = effective.get("TimeToLiveStatus") in ("ENABLED", "ENABLING")
        if is_enabled == enabled and (not enabled or effective.get("AttributeName") == attribute):
            report(f"{logical_id}: TTL already effective")
            continue
        if not enabled and not is_enabled:
            continue
        dynamodb.update_time_to_live(
            TableName=table_name,
            TimeToLiveSpecification={"Enabled": enabled, "AttributeName": attribute
                                     or effective.get("AttributeName")},
        )
        report(f"{logical_id}: TTL {'enabled on ' + attribute if enabled else 'disabled'}")


def _apply_kinesis_streaming_destinations(context, report):
    """A table's KinesisStreamSpecification: its changes go to that stream (the decision path relies on it)."""
    dynamodb = context.client("dynamodb")
    for logical_id, table_name, declared in _resources(
            context, "AWS::DynamoDB::Table", "KinesisStreamSpecification"):
        wanted = context.resolve(declared)
        stream_arn = wanted["StreamArn"]
        effective = dynamodb.describe_kinesis_streaming_destination(TableName=table_name)
        if any(d.get("StreamArn") == stream_arn and d.get("DestinationStatus") in ("ACTIVE", "ENABLING")
               for d in effective.get("KinesisDataStreamDestinations", [])):
            report(f"{logical_id}: Kinesis streaming destination already effective")
            continue
        dynamodb.enable_kinesis_streaming_destination(
            TableName=table_name,
            StreamArn=stream_arn,
            EnableKinesisStreamingConfiguration={
                "ApproximateCreationDateTimePrecision": wanted.get("ApproximateCreationDateTimePrecision",
                                                                   "MILLISECOND")},
        )
        report(f"{logical_id}: changes streamed to {stream_arn.rsplit('/', 1)[-1]}")


def apply_properties_the_emulator_ignores(session, stacks, region, endpoint, report=print):
    """Makes the runtime-relevant properties the emulator drops effective, for each deployed stack.

    `stacks` is a list of (stack name, parsed template). Idempotent.
    """
    for stack_name, template in stacks:
        context = StackContext(session, stack_name, template, region, endpoint)
        _apply_redrive_policies(context, report)
        _apply_time_to_live(context, report)
        _apply_kinesis_streaming_destinations(context, report)
