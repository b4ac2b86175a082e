"""Scans the rendered templates of each stage with checkov and says, per stage, what it checked.

    checkov_stages.py [RENDERED_DIR]      (run by scripts/lint in .venv-scan; default target/rendered)

RENDERED_DIR holds one directory per stage (local, dev, prod) written by render_stage.py: the templates as
they deploy to that stage, conditions resolved, since checkov does not evaluate CloudFormation conditions.
checkov runs once over all of them (--framework cloudformation) and offline: --skip-download (no policy
metadata or guidelines from the platform), BC_SKIP_MAPPING, CKV_SKIP_PACKAGE_UPDATE_CHECK (no version look-up),
no API key (nothing is uploaded). Suppressions are resource Metadata (checkov: skip: - id, comment) in the
templates, copied into the rendered ones. Prints each failed check, then one line per stage:
    checkov 3.3.30, stage dev: 9 templates, 175 checks passed, 0 findings, 7 suppressed (CKV_AWS_115 x2, ...)
Exits 1 when there is any finding, a parsing error, or a stage directory checkov did not report on.
"""

import collections
import json
import os
import subprocess
import sys
from importlib import metadata

INFRA_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAGES = ("local", "dev", "prod")
OFFLINE = {"BC_SKIP_MAPPING": "TRUE", "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true", "LOG_LEVEL": "WARNING"}


def run_checkov(rendered_dir):
    checkov = os.path.join(os.path.dirname(sys.executable), "checkov")
    environment = {key: value for key, value in os.environ.items() if key not in ("BC_API_KEY", "PRISMA_API_URL")}
    environment.update(OFFLINE)
    # JSON without --quiet: it then lists the passed checks too, which the per-stage counts need; this script
    # prints the failed ones compactly itself
    command = [checkov, "--framework", "cloudformation", "--directory", rendered_dir, "--skip-download",
               "--compact", "--output", "json"]
    completed = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if completed.returncode not in (0, 1):
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"checkov failed with exit code {completed.returncode}")
    report = json.loads(completed.stdout)
    # one framework gives one report; an empty scan gives a bare summary
    return report[0] if isinstance(report, list) else report


def stage_of(check, rendered_dir):
    path = os.path.relpath(check.get("file_abs_path") or check["file_path"], rendered_dir)
    return path.split(os.sep)[0], path


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    rendered_dir = os.path.abspath(argv[0] if argv else os.path.join(INFRA_DIR, "target", "rendered"))
    report = run_checkov(rendered_dir)
    results = report.get("results", {})
    summary = report.get("summary", {})
    by_stage = {stage: {"passed": 0, "failed": [], "skipped": collections.Counter()} for stage in STAGES}
    for check in results.get("passed_checks", []):
        by_stage[stage_of(check, rendered_dir)[0]]["passed"] += 1
    for check in results.get("failed_checks", []):
        by_stage[stage_of(check, rendered_dir)[0]]["failed"].append(check)
    for check in results.get("skipped_checks", []):
        by_stage[stage_of(check, rendered_dir)[0]]["skipped"][check["check_id"]] += 1
    problems = 0
    version = metadata.version("checkov")
    for stage in STAGES:
        counts = by_stage[stage]
        stage_dir = os.path.join(rendered_dir, stage)
        templates = sorted(name for name in os.listdir(stage_dir) if name.endswith(".yaml"))
        for check in counts["failed"]:
            print(f"{stage_of(check, rendered_dir)[1]}: {check['check_id']} {check['resource']}: "
                  f"{check['check_name']} [stage {stage}]")
        skipped = counts["skipped"]
        detail = ", ".join(f"{check_id} x{count}" for check_id, count in sorted(skipped.items()))
        print(f"checkov {version}, stage {stage}: {len(templates)} templates, {counts['passed']} checks passed, "
              f"{len(counts['failed'])} findings, {sum(skipped.values())} suppressed" + (f" ({detail})" if detail else ""))
        if templates and not counts["passed"] and not counts["failed"]:
            print(f"checkov reported nothing on {stage_dir}")
            problems += 1
        problems += len(counts["failed"])
    for error in results.get("parsing_errors", []) or []:
        print(f"checkov could not parse {error}")
        problems += 1
    if summary.get("parsing_errors"):
        problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
