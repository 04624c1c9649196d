"""Safe YAML reading that remembers where every value came from.

The document is composed into a node tree first (libyaml's C parser where installed), checked
(duplicate keys, alias bombs, tags) and then constructed with the safe constructor. The node tree
is kept so that a problem found later, at a field path such as ``assets[14].needs[0].tolerance``,
can be reported with its line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import LoadError, Problem
from .yaml_problems import yaml_problem

__all__ = ["SourceDocument", "declared_language", "read_text", "load_yaml", "parse_yaml_text"]

_CLoader = getattr(yaml, "CSafeLoader", None)
_Loader = _CLoader or yaml.SafeLoader
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]")
# Aliases may legitimately repeat parts of a file (defaults merged into many assets); a document
# whose aliases expand past this many times its own size plus a margin is an alias bomb.
_MAX_EXPANSION_FACTOR = 10
_MAX_EXPANSION_MARGIN = 10_000


@dataclass
class SourceDocument:
    """A loaded file: its path, the plain data, and what is needed to find a field's line."""

    path: Path
    data: Any
    root: Any = None  # yaml.Node, when the file was YAML (or JSON read through YAML on demand)
    text: str | None = None

    def line_of(self, loc: tuple) -> int | None:
        """1-based line of the field at ``loc``, or of the closest enclosing value that exists."""
        root = self.root
        if root is None and self.text is not None and self.path.suffix.lower() == ".json":
            try:
                root = self.root = yaml.compose(self.text, Loader=_Loader)
            except yaml.YAMLError:
                return None
        if root is None:
            return None
        return _line_in(root, loc)


def _line_in(node: Any, loc: tuple) -> int:
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = _find_key(node, part)
            if found is None:
                return line
            key_node, node = found
            line = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _find_key(node: yaml.MappingNode, key: object):
    merged = []
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value == str(key):
                return key_node, value_node
            if key_node.tag == "tag:yaml.org,2002:merge":
                merged.append(value_node)
    for value_node in merged:
        for candidate in value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]:
            if isinstance(candidate, yaml.MappingNode):
                found = _find_key(candidate, key)
                if found is not None:
                    return found
    return None


def read_text(path: Path) -> str:
    """Read a UTF-8 text file or raise a LoadError that says what is wrong with it."""
    if not path.exists():
        raise LoadError([Problem(path, None, (), "file.missing")])
    if path.is_dir():
        raise LoadError([Problem(path, None, (), "file.is_directory")])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError([Problem(path, None, (), "file.unreadable", {"reason": exc.strerror})]) from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError([Problem(path, line, (), "file.not_utf8")]) from None
    if not content.strip():
        raise LoadError([Problem(path, None, (), "file.empty")])
    return content


_LANGUAGE_LINE = re.compile(r"""^language:[ \t]*["']?(en|nl)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


def declared_language(path: Path) -> str | None:
    """The ``language:`` a file declares at its top level (``en`` or ``nl``), found by a plain text
    scan so that it is known even when the file fails to parse; None when it declares none or cannot
    be read. Errors about a scenario are written in this language from the first check on."""
    try:
        content = _pack_scenario_text(Path(path)) if Path(path).suffix.lower() == ".zip" else None
        if content is None:
            content = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = _LANGUAGE_LINE.search(content)
    return match.group(1) if match else None


def _pack_scenario_text(path: Path) -> str | None:
    """The scenario file's text inside a ``rampsim pack`` archive (read, not unpacked), or None
    when it is not a readable pack: the pack's own checks (model/bundle.py) then say why."""
    import json
    import zipfile

    from .bundle import MANIFEST  # bundle reads YAML through this module: imported when needed

    try:
        with zipfile.ZipFile(path) as archive:
            name = json.loads(archive.read(MANIFEST))["scenario"]
            return archive.read(str(name)).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, KeyError, TypeError, ValueError):
        return None


def load_yaml(path: Path) -> SourceDocument:
    """Read a YAML file safely; the result's ``data`` is plain dicts, lists and scalars."""
    return parse_yaml_text(read_text(path), path)


def parse_yaml_text(content: str, path: Path) -> SourceDocument:
    loader = None
    try:
        loader = _Loader(content)  # the pure-Python reader checks characters here already
        root = loader.get_single_node()
        if root is None:
            raise LoadError([Problem(path, None, (), "file.empty")])
        _check_tree(root, path, content)
        data = loader.construct_document(root)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        tag = _tag_of(exc)
        if tag is None:  # not about a tag: an unhashable key, a bad merge (<<) value
            raise LoadError([_syntax(path, _line(mark), exc.context, exc.problem)]) from None
        raise LoadError([Problem(path, _line(mark), (), "yaml.tag", {"tag": tag})]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, other controls)
        if _CLoader is not None and isinstance(loader, _CLoader):  # libyaml counts bytes of UTF-8
            line = content.encode("utf-8").count(b"\n", 0, exc.position) + 1
        else:  # the pure-Python reader counts characters
            line = content.count("\n", 0, exc.position) + 1
        raise LoadError([_syntax(path, line, None, str(exc).splitlines()[0])]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        raise LoadError([_syntax(path, _line(mark), context, problem, _char_at(content, mark))]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return SourceDocument(path, data, root, content)


def _syntax(
    path: Path, line: int | None, context: str | None, problem: str | None, at_mark: str | None = None
) -> Problem:
    """A YAML reader's complaint as a problem in the reader's language (yaml_problems.py)."""
    return Problem(path, line, (), "yaml.syntax", {"problem": yaml_problem(context, problem, at_mark)})


def _char_at(content: str, mark) -> str | None:
    """The character where the reader stopped (both readers count lines and columns in characters)."""
    if mark is None:
        return None
    lines = content.splitlines()
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return None
    return lines[mark.line][mark.column]


def _line(mark) -> int | None:
    return mark.line + 1 if mark is not None else None


def _tag_of(exc: yaml.constructor.ConstructorError) -> str | None:
    match = re.search(r"tag '([^']*)'", str(exc.problem or ""))
    return _short_tag(match.group(1)) if match else None


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in (
        "str",
        "int",
        "float",
        "bool",
        "null",
        "map",
        "seq",
        "merge",
        "timestamp",
        "binary",
        "set",
        "omap",
        "pairs",
        "value",
    )
}


def _check_tree(root: Any, path: Path, content: str) -> None:
    """Refuse duplicate keys, non-standard tags and alias bombs before constructing anything."""
    problems: list[Problem] = []
    distinct = 0
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        distinct += 1
        if node.tag not in _STANDARD_TAGS:
            problems.append(Problem(path, node.start_mark.line + 1, (), "yaml.tag", {"tag": _short_tag(node.tag)}))
            continue
        if isinstance(node, yaml.MappingNode):
            keys: set = set()
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    if key_node.value in keys:
                        problems.append(
                            Problem(
                                path, key_node.start_mark.line + 1, (), "yaml.duplicate_key", {"key": key_node.value}
                            )
                        )
                    keys.add(key_node.value)
                stack.append(key_node)
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    if problems:
        raise LoadError(problems)
    if _ANCHOR.search(content):
        size = _expanded_size(root)
        if size > _MAX_EXPANSION_FACTOR * distinct + _MAX_EXPANSION_MARGIN:
            raise LoadError([Problem(path, None, (), "yaml.alias_bomb", {"size": size, "nodes": distinct})])


def _expanded_size(root: Any) -> int:
    """Number of nodes the tree would have with every alias copied out (memoised, no recursion)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            sizes[id(node)] = 1
            continue
        if children_done:
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
        else:
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]
