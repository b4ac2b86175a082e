"""Prints one stack output by key from the outputs file the deploy script writes: outputs.py FILE KEY."""
import json
import sys

outputs = json.load(open(sys.argv[1]))
if sys.argv[2] not in outputs:
    sys.exit(f"no stack output {sys.argv[2]!r} in {sys.argv[1]}")
print(outputs[sys.argv[2]])
