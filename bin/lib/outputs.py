"""Prints every stack output of the deploy script's outputs file as shell assignments (out_<Key>='value'),
for bin/run to eval once instead of starting Python per output: outputs.py FILE."""
import json
import re
import shlex
import sys

for key, value in json.load(open(sys.argv[1])).items():
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", key):
        print(f"out_{key}={shlex.quote(str(value))}")
