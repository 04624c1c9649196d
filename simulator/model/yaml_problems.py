"""What a YAML reader's complaint means, as a catalogue message a person reads in their language.

PyYAML and libyaml word their complaints in English, and differently from each other
(``mapping values are not allowed here`` / ``... in this context``); a Dutch scenario's author
should read the problem in Dutch. The complaint is matched here on its wording and turned into a
catalogue key with parameters; a complaint not in this table is shown as the reader wrote it,
marked as the reader's own words.
"""

from __future__ import annotations

import re

__all__ = ["yaml_problem"]

# (pattern on "context | problem", catalogue key); the first match wins. Both readers' wordings.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"mapping values are not allowed", "yaml.p.mapping_here"),
        (r"found (?:a )?tab character|found character '\\t'", "yaml.p.tab"),
        (r"found character (?P<char>'.*?' )?that cannot start any token", "yaml.p.bad_char"),
        (r"flow sequence.*(?:did not find expected|expected) ',' or '\]'", "yaml.p.open_list"),
        (r"flow mapping.*(?:did not find expected|expected) ',' or '\}'", "yaml.p.open_map"),
        (r"did not find expected '-' indicator|block collection.*expected <block end>", "yaml.p.list_indent"),
        (r"did not find expected key|block mapping.*expected <block end>", "yaml.p.map_indent"),
        (r"could not find expected ':'", "yaml.p.no_colon"),
        (r"found undefined alias", "yaml.p.alias"),
        (r"found duplicate anchor", "yaml.p.anchor"),
        (r"found unknown escape character", "yaml.p.escape"),
        (r"(?:quoted scalar|scanning a simple key).*found unexpected end of stream", "yaml.p.open_quote"),
        (r"found unexpected end of stream", "yaml.p.end"),
        (r"expected a single document", "yaml.p.documents"),
        (r"indentation indicator", "yaml.p.block_indent"),
        (r"found unhashable key", "yaml.p.unhashable"),
        (r"unacceptable character|special characters are not allowed", "yaml.p.control_char"),
    )
)


def yaml_problem(context: str | None, problem: str | None, at_mark: str | None = None) -> tuple[str, dict]:
    """``("yaml.p.<kind>", params)`` for a reader's complaint; ``yaml.p.other`` keeps its words.

    ``at_mark`` is the character of the file where the reader stopped, if known: libyaml does not
    name the character it cannot read (a tab, an @), PyYAML does."""
    said = " | ".join(part for part in (context, problem) if part)
    for pattern, key in _PATTERNS:
        found = pattern.search(said)
        if found:
            char = found.groupdict().get("char")
            if key == "yaml.p.bad_char" and char is None and at_mark:
                if at_mark == "\t":
                    return "yaml.p.tab", {}
                char = repr(at_mark)
            return (key + "_named", {"char": char.strip()}) if char else (key, {})
    return "yaml.p.other", {"problem": problem or context or ""}
