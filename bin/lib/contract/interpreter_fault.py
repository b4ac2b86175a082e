"""Loaded into schemathesis by bin/contract-tests (SCHEMATHESIS_HOOKS) before it generates anything.

On CPython 3.11 (the machine's python3), ast.parse can raise SystemError "AST constructor recursion depth mismatch"
when it runs under a recursion limit changed meanwhile, as hypothesis does while it builds strategies; hypothesis
parses source there only to print a filter's lambda, and the error ended the door API's coverage phase at once,
every run. Here that parse failure is a SyntaxError, which hypothesis already answers with a "<unknown>" lambda
body: only how a strategy prints changes, never what is generated or checked."""
import ast
import types

from hypothesis.internal import lambda_sources


def _parse(source, *args, **kwargs):
    try:
        return ast.parse(source, *args, **kwargs)
    except SystemError as fault:
        raise SyntaxError(str(fault)) from fault


_ast = types.ModuleType("ast")
_ast.__dict__.update(ast.__dict__)
_ast.parse = _parse
lambda_sources.ast = _ast
