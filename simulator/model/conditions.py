"""A tiny condition language for escalation and playbook triggers, parsed by hand (never eval).

    known_failed >= 3 and (sectors_hit >= 2 or population_affected > 1000)
    not deadline_at_risk

Comparisons (``>= <= > < == !=``) between a name and a number, names alone (true when not 0),
``and``, ``or``, ``not`` and parentheses. Names must be among the ones the caller allows.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Condition", "ConditionError", "parse_condition"]

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(>=|<=|==|!=|>|<)|(\()|(\)))")
_OPS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq, "!=": operator.ne}


class ConditionError(ValueError):
    """Not a condition; ``reason`` is a short English/Dutch-neutral description."""

    def __init__(self, text: str, reason: str):
        super().__init__(f"{text!r}: {reason}")
        self.text = text
        self.reason = reason


@dataclass(frozen=True)
class Condition:
    """A parsed condition; ``names`` are the variables it reads."""

    text: str
    tree: Any
    names: frozenset[str]

    def __call__(self, values: Mapping[str, float]) -> bool:
        return bool(_evaluate(self.tree, values))

    def __str__(self) -> str:
        return self.text


def parse_condition(text: str, allowed: frozenset[str] | set[str]) -> Condition:
    if not isinstance(text, str) or not text.strip():
        raise ConditionError(str(text), "empty condition")
    tokens = _tokenize(text)
    parser = _Parser(text, tokens, frozenset(allowed))
    tree = parser.expression()
    if parser.position != len(tokens):
        raise ConditionError(text, f"unexpected '{tokens[parser.position][1]}'")
    return Condition(text.strip(), tree, frozenset(parser.names))


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens = []
    position = 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if not match or match.end() == position:
            raise ConditionError(text, f"cannot read '{stripped[position:].strip()[:20]}'")
        number, name, op, left, right = match.groups()
        if number is not None:
            tokens.append(("number", number))
        elif name is not None:
            tokens.append(("word", name) if name in ("and", "or", "not") else ("name", name))
        elif op is not None:
            tokens.append(("op", op))
        else:
            tokens.append(("paren", left or right))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str, tokens: list[tuple[str, str]], allowed: frozenset[str]):
        self.text, self.tokens, self.allowed = text, tokens, allowed
        self.position = 0
        self.names: set[str] = set()

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise ConditionError(self.text, "ends too early")
        self.position += 1
        return token

    def expression(self):
        node = self.conjunction()
        while self.peek() == ("word", "or"):
            self.take()
            node = ("or", node, self.conjunction())
        return node

    def conjunction(self):
        node = self.negation()
        while self.peek() == ("word", "and"):
            self.take()
            node = ("and", node, self.negation())
        return node

    def negation(self):
        if self.peek() == ("word", "not"):
            self.take()
            return ("not", self.negation())
        return self.atom()

    def atom(self):
        kind, value = self.take()
        if (kind, value) == ("paren", "("):
            node = self.expression()
            if self.take() != ("paren", ")"):
                raise ConditionError(self.text, "missing ')'")
            return node
        left = self.operand(kind, value)
        following = self.peek()
        if following is not None and following[0] == "op":
            op = self.take()[1]
            right = self.operand(*self.take())
            return ("cmp", op, left, right)
        if left[0] != "name":
            raise ConditionError(self.text, f"a number alone ({value}) is not a condition")
        return ("truth", left)

    def operand(self, kind: str, value: str):
        if kind == "number":
            return ("number", float(value))
        if kind == "name":
            if value not in self.allowed:
                known = ", ".join(sorted(self.allowed))
                raise ConditionError(self.text, f"unknown name '{value}' (known: {known})")
            self.names.add(value)
            return ("name", value)
        raise ConditionError(self.text, f"unexpected '{value}'")


def _value(node, values: Mapping[str, float]) -> float:
    return node[1] if node[0] == "number" else float(values.get(node[1], 0))


def _evaluate(node, values: Mapping[str, float]) -> bool:
    kind = node[0]
    if kind == "or":
        return _evaluate(node[1], values) or _evaluate(node[2], values)
    if kind == "and":
        return _evaluate(node[1], values) and _evaluate(node[2], values)
    if kind == "not":
        return not _evaluate(node[1], values)
    if kind == "cmp":
        return _OPS[node[1]](_value(node[2], values), _value(node[3], values))
    return _value(node[1], values) != 0
