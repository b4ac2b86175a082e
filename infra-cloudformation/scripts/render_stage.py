"""Renders the templates as CloudFormation would see them for one stage, for scanners that do not resolve conditions.

    render_stage.py [--stage STAGE ...] [--out DIR] [TEMPLATE ...]

For each stage (default: local, dev and prod) and each template (default: the stacks that
`deploy --stage STAGE` deploys, scripts/stacks.py STACKS) it writes a copy to
DIR/<stage>/<name>.yaml (default DIR: infra-cloudformation/target/rendered) in which:
  - the Stage parameter's Default is the stage (every other parameter keeps its default);
  - every condition that the parameter defaults decide is evaluated (Fn::Equals, Fn::Not, Fn::And,
    Fn::Or, Condition), and the rest are left as they are;
  - resources and outputs whose Condition is false are removed, and a true Condition is dropped;
  - Fn::If on a decided condition is replaced by the branch taken (AWS::NoValue removes the key or item).
Everything else (Metadata with its scanner suppressions, intrinsic functions, imports) is copied as it is,
in the long form of the intrinsics (cfn_yaml). Prints one line per written file.
"""

import argparse
import glob
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfn_yaml import load_template  # noqa: E402

INFRA_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES_DIR = os.path.join(INFRA_DIR, "templates")
STAGES = ("local", "dev", "prod")
STACKS_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stacks.py")

_UNDECIDED = object()
_REMOVE = object()


def stage_templates(stage):
    """The template files `deploy --stage STAGE` deploys, in its order: STACKS of scripts/stacks.py, read from its
    source (importing it needs boto3), the same way the template tests read it. Every stage deploys every stack."""
    with open(STACKS_SCRIPT, encoding="utf-8") as handle:
        match = re.search(r"^STACKS = \[(.*)\]$", handle.read(), re.MULTILINE)
    if not match:
        raise SystemExit(f"no STACKS = [...] line in {STACKS_SCRIPT}")
    names = [name.strip().strip('"') for name in match.group(1).split(",")]
    return [os.path.join(TEMPLATES_DIR, name + ".yaml") for name in names]


def _parameter_values(template):
    values = {}
    for name, parameter in (template.get("Parameters") or {}).items():
        if isinstance(parameter, dict) and "Default" in parameter:
            values[name] = parameter["Default"]
    return values


def _scalar(value):
    """The string CloudFormation compares in Fn::Equals, or _UNDECIDED."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return _UNDECIDED


class _Conditions:
    def __init__(self, template, parameters):
        self.definitions = template.get("Conditions") or {}
        self.parameters = parameters
        self.values = {}

    def value(self, name):
        """True, False or _UNDECIDED for a named condition."""
        if name not in self.values:
            self.values[name] = _UNDECIDED  # guards against a cycle
            self.values[name] = self._evaluate(self.definitions.get(name, _UNDECIDED))
        return self.values[name]

    def _operand(self, node):
        if isinstance(node, dict) and len(node) == 1 and "Ref" in node:
            name = node["Ref"]
            return _scalar(self.parameters[name]) if name in self.parameters else _UNDECIDED
        return _scalar(node)

    def _evaluate(self, node):
        if not isinstance(node, dict) or len(node) != 1:
            return _UNDECIDED
        (function, argument), = node.items()
        if function == "Condition":
            return self.value(argument)
        if function == "Fn::Equals" and isinstance(argument, list) and len(argument) == 2:
            left, right = (self._operand(item) for item in argument)
            return _UNDECIDED if _UNDECIDED in (left, right) else left == right
        if function == "Fn::Not" and isinstance(argument, list) and len(argument) == 1:
            inner = self._evaluate(argument[0])
            return inner if inner is _UNDECIDED else not inner
        if function in ("Fn::And", "Fn::Or") and isinstance(argument, list):
            values = [self._evaluate(item) for item in argument]
            decisive = function == "Fn::Or"  # one True decides an Or, one False an And
            if decisive in values:
                return decisive
            return _UNDECIDED if _UNDECIDED in values else not decisive
        return _UNDECIDED


def _resolve(node, conditions):
    """Replaces every Fn::If on a decided condition by its branch; _REMOVE stands for AWS::NoValue."""
    if isinstance(node, list):
        items = (_resolve(item, conditions) for item in node)
        return [item for item in items if item is not _REMOVE]
    if not isinstance(node, dict):
        return node
    if len(node) == 1 and "Fn::If" in node and isinstance(node["Fn::If"], list) and len(node["Fn::If"]) == 3:
        name, when_true, when_false = node["Fn::If"]
        decided = conditions.value(name) if isinstance(name, str) else _UNDECIDED
        if decided is not _UNDECIDED:
            return _resolve(when_true if decided else when_false, conditions)
    if node == {"Ref": "AWS::NoValue"}:
        return _REMOVE
    resolved = {}
    for key, value in node.items():
        value = _resolve(value, conditions)
        if value is not _REMOVE:
            resolved[key] = value
    return resolved


def _keep(section, conditions):
    kept = {}
    for name, entry in (section or {}).items():
        if isinstance(entry, dict) and isinstance(entry.get("Condition"), str):
            decided = conditions.value(entry["Condition"])
            if decided is False:
                continue
            if decided is True:
                entry = {key: value for key, value in entry.items() if key != "Condition"}
        kept[name] = entry
    return kept


def _condition_references(node):
    if isinstance(node, list):
        for item in node:
            yield from _condition_references(item)
    elif isinstance(node, dict):
        if len(node) == 1 and isinstance(node.get("Condition"), str):
            yield node["Condition"]
        for value in node.values():
            yield from _condition_references(value)


def render(template, stage):
    """The template as deployed to the stage, with every parameter at its default."""
    template = dict(template)
    parameters = dict(template.get("Parameters") or {})
    if "Stage" in parameters:
        parameters["Stage"] = dict(parameters["Stage"], Default=stage)
        template["Parameters"] = parameters
    conditions = _Conditions(template, _parameter_values(template))
    for section in ("Resources", "Outputs"):
        if section in template:
            template[section] = _resolve(_keep(template[section], conditions), conditions)
    # decided conditions are resolved everywhere; undecided ones stay, with the conditions they refer to
    remaining = [name for name in conditions.definitions if conditions.value(name) is _UNDECIDED]
    for name in remaining:
        for referenced in _condition_references(conditions.definitions[name]):
            if referenced not in remaining:
                remaining.append(referenced)
    if remaining:
        template["Conditions"] = {name: conditions.definitions[name] for name in conditions.definitions
                                  if name in remaining}
    else:
        template.pop("Conditions", None)
    return template


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", action="append", choices=STAGES, help="repeatable; default: every stage")
    parser.add_argument("--out", default=os.path.join(INFRA_DIR, "target", "rendered"))
    parser.add_argument("templates", nargs="*", help="default: the stacks deployed for the stage")
    args = parser.parse_args(argv)
    for stage in args.stage or STAGES:
        out_dir = os.path.join(args.out, stage)
        os.makedirs(out_dir, exist_ok=True)
        for stale in glob.glob(os.path.join(out_dir, "*.yaml")):
            os.remove(stale)
        for path in args.templates or stage_templates(stage):
            rendered = render(load_template(path), stage)
            target = os.path.join(out_dir, os.path.basename(path))
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(f"# rendered by scripts/render_stage.py for stage {stage} "
                             f"from {os.path.relpath(path, INFRA_DIR)}\n")
                yaml.safe_dump(rendered, handle, sort_keys=False, width=120)
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
