"""Lints the templates of each stage with cfn-lint and its serverless rules, as `deploy --stage S` deploys them.

    cfn_lint_stages.py [--stage S ...]      (run by scripts/lint in .venv-aws; paths relative to infra-cloudformation/)

For every stage (default: local, dev, prod) and every template that stage deploys (render_stage.stage_templates),
cfn-lint runs with .cfnlintrc.yaml (regions, informational rules, the serverless rules through append_rules) and
`--parameters Stage=<stage>`, so every Ref/Sub of Stage resolves to that stage's value. cfn-lint 1.x does not
prune resources or Fn::If branches by condition: every branch is linted in every stage run, which is stricter
than the stage alone; the per-stage evaluation checkov needs is done by render_stage.py.

Each template is linted twice in one process: as cfn-lint does it (the suppressions in its Metadata honoured:
these matches are the findings), and once more with the template's and its resources' cfn-lint Metadata taken
out, so the suppressed matches can be counted. Prints each finding, then one line per stage:
    cfn-lint 1.58.0 + serverless 0.3.6, stage dev: 9 templates, 3073 rule checks passed, 0 findings, 26 suppressed (E3014 x1, ...)
where a rule check is one enabled rule on one template (passed: no match at all, suppressed or not).
Exits 1 when there is any finding.
"""

import argparse
import collections
import copy
import os
import sys
from importlib import metadata

import cfnlint.decode
from cfnlint.config import ConfigMixIn
from cfnlint.runner.cli import Runner
from cfnlint.runner.template.runner import run_template_by_data, run_template_by_file_path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from render_stage import INFRA_DIR, STAGES, stage_templates  # noqa: E402

CONFIG_FILE = ".cfnlintrc.yaml"


def _config(stage, path):
    return ConfigMixIn(["--config-file", CONFIG_FILE, "--parameters", f"Stage={stage}", "--", path])


def _without_suppressions(template):
    """The template without its cfn-lint Metadata (template level and resource level)."""
    template = copy.deepcopy(template)
    template.get("Metadata", {}).pop("cfn-lint", None)
    for resource in (template.get("Resources") or {}).values():
        if isinstance(resource, dict) and isinstance(resource.get("Metadata"), dict):
            resource["Metadata"].pop("cfn-lint", None)
    return template


def lint_stage(stage, rules, enabled_rule_count):
    templates = stage_templates(stage)
    findings, suppressed = [], collections.Counter()
    rule_checks_passed = 0
    for path in templates:
        relative = os.path.relpath(path, INFRA_DIR)
        matches = list(run_template_by_file_path(relative, _config(stage, relative), rules, False))
        findings.extend(matches)
        template, decode_matches = cfnlint.decode.decode(relative)
        if decode_matches:  # a template that does not parse is a finding already
            continue
        raw = list(run_template_by_data(_without_suppressions(template), _config(stage, relative), rules))
        kept = collections.Counter(match.rule.id for match in matches)
        for rule_id, count in collections.Counter(match.rule.id for match in raw).items():
            if count > kept[rule_id]:
                suppressed[rule_id] += count - kept[rule_id]
        rule_checks_passed += enabled_rule_count - len({match.rule.id for match in raw})
    return templates, rule_checks_passed, findings, suppressed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", action="append", choices=STAGES)
    args = parser.parse_args(argv)
    os.chdir(INFRA_DIR)
    base = ConfigMixIn(["--config-file", CONFIG_FILE])
    rules = Runner(base).rules
    enabled_rule_count = sum(1 for rule in rules.data.values() if rules.is_rule_enabled(rule, base))
    versions = f"cfn-lint {metadata.version('cfn-lint')} + serverless {metadata.version('cfn-lint-serverless')}"
    total_findings = 0
    for stage in args.stage or STAGES:
        templates, passed, findings, suppressed = lint_stage(stage, rules, enabled_rule_count)
        for match in sorted(findings, key=lambda m: (m.filename or "", m.linenumber, m.rule.id)):
            print(f"{match.filename}:{match.linenumber}:{match.columnnumber}: {match.rule.id} {match.message} "
                  f"[stage {stage}]")
        detail = ", ".join(f"{rule_id} x{count}" for rule_id, count in sorted(suppressed.items()))
        print(f"{versions}, stage {stage}: {len(templates)} templates, {passed} rule checks passed, "
              f"{len(findings)} findings, {sum(suppressed.values())} suppressed" + (f" ({detail})" if detail else ""))
        total_findings += len(findings)
    return 1 if total_findings else 0


if __name__ == "__main__":
    sys.exit(main())
