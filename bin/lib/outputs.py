"""The stack outputs of the deploy script's outputs file, for bin/run and the scripts that start a service:

  outputs.py FILE [--properties OUT]

prints every output as a shell assignment (out_<Key>='value') for bin/run to eval once, and with --properties
writes every output to OUT as badgeflow.stack.<Key>=<value>: the one file each service imports
(--spring.config.import=file:OUT), whose stack type binds the names it uses. A new output needs no change here."""
import json
import re
import shlex
import sys

PREFIX = "badgeflow.stack."


def escaped(value):
    """A .properties value: backslashes and control characters escaped, non-ASCII as \\uXXXX, a leading space kept."""
    text = []
    for index, char in enumerate(value):
        code = ord(char)
        if char == "\\":
            text.append("\\\\")
        elif char in "\t\n\r\f":
            text.append({"\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f"}[char])
        elif index == 0 and char == " ":
            text.append("\\ ")
        elif code < 0x20 or code > 0x7E:
            units = char.encode("utf-16-be")
            text.extend(f"\\u{units[i] << 8 | units[i + 1]:04x}" for i in range(0, len(units), 2))
        else:
            text.append(char)
    return "".join(text)


def named(outputs):
    """The outputs whose keys can be names (letters and digits, as CloudFormation requires)."""
    return {key: str(value) for key, value in outputs.items() if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", key)}


def write_properties(outputs, path):
    lines = ["# The stack outputs, written by bin/run; each service binds the names it uses (its *Stack type)."]
    lines += [f"{PREFIX}{key}={escaped(value)}" for key, value in sorted(named(outputs).items())]
    with open(path, "w", encoding="ascii") as handle:
        handle.write("\n".join(lines) + "\n")


def main(argv):
    if len(argv) not in (1, 3) or (len(argv) == 3 and argv[1] != "--properties"):
        sys.exit("usage: outputs.py FILE [--properties OUT]")
    with open(argv[0], encoding="utf-8") as handle:
        outputs = json.load(handle)
    if len(argv) == 3:
        write_properties(outputs, argv[2])
    for key, value in named(outputs).items():
        print(f"out_{key}={shlex.quote(value)}")


if __name__ == "__main__":
    main(sys.argv[1:])
