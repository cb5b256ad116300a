"""Read YAML while remembering where every value came from.

Organisers edit ``curriculum.yaml`` by hand, so every message about it must
point at a line. PyYAML's composer gives us nodes with marks; we build plain
Python data from them ourselves and keep a map from key path to position.

Two deliberate departures from YAML 1.1, both to protect organisers:
- only ``true``/``false`` are booleans (``no``, ``on`` stay text);
- timestamps stay text, so that dates and times are parsed by the model
  with one set of rules and one set of error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from qisite.problems import Position, Problem

KeyPath = tuple[str | int, ...]


class _OrganiserResolver(yaml.resolver.BaseResolver):
    """Implicit types: null, true/false, int, float. Everything else is text."""

    def __init__(self) -> None:
        super().__init__()
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a value; a plain scalar's tag is remembered, as a curriculum
        repeats the same words (ids, formats, times) thousands of times."""
        # types-PyYAML leaves BaseResolver.resolve unannotated (it returns the tag, a str),
        # and mypy's untyped_calls_exclude does not cover calls through super().
        if kind is not yaml.ScalarNode or not implicit[0]:
            tag: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag
        found = self._plain_tags.get(value)
        if found is None:
            found = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            self._plain_tags[value] = found
        return found


_OrganiserResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_OrganiserResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_OrganiserResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_OrganiserResolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])
_OrganiserResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _PureLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _OrganiserResolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _OrganiserResolver.__init__(self)


if yaml.__with_libyaml__:
    # CParser is defined in yaml._yaml (libyaml's binding); yaml.cyaml only re-imports it.
    from yaml._yaml import CParser

    class _FastLoader(CParser, yaml.constructor.SafeConstructor, _OrganiserResolver):
        """The same loader on libyaml's C parser: several times faster on a large curriculum.

        Same resolver, so the same values, and the same node marks, so the same
        positions. When a file cannot be parsed, the pure-Python loader parses it
        again, so that the error and its position read as they always have.
        """

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader(stream)  # rejects the characters YAML forbids, as _PureLoader does
            self._text = stream
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _OrganiserResolver.__init__(self)

        def get_single_node(self) -> Any:
            try:
                return super().get_single_node()
            except yaml.YAMLError:
                pure = _PureLoader(self._text)
                try:
                    return pure.get_single_node()  # raises the error in the usual words
                finally:
                    pure.dispose()

        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
                return node.value  # most values: skip the constructor's bookkeeping
            return super().construct_object(node, deep=deep)

# parse_yaml uses the fast loader wherever PyYAML was built with libyaml.
_Loader: type[_PureLoader | _FastLoader] = _FastLoader if yaml.__with_libyaml__ else _PureLoader


@dataclass
class SourceMap:
    """Where each key path of a YAML document sits in its file."""

    file: str
    positions: dict[KeyPath, Position] = field(default_factory=dict)
    """Where the value of each path is written (its key's line for a block)."""
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)
    """Where the key of each mapping entry is written."""

    def locate(self, path: KeyPath) -> Position:
        """The position of ``path``'s value, or of its nearest ancestor that exists."""
        for cut in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:cut]))
            if found is not None:
                return found
        return Position(self.file, 1, 1)

    def locate_key(self, path: KeyPath) -> Position:
        """The position of the key itself: what to point at when the key is what is wrong."""
        return self.key_positions.get(tuple(path)) or self.locate(path)


@dataclass
class YamlDocument:
    data: Any
    source: SourceMap
    problems: list[Problem]


def _position(file: str, mark: yaml.Mark) -> Position:
    return Position(file, mark.line + 1, mark.column + 1)


MAX_VALUES = 200_000
"""More values than any curriculum has: beyond it, aliases are being used to blow the file up."""


class _TooComplexError(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


class _Builder:
    def __init__(self, loader: yaml.constructor.SafeConstructor, file: str) -> None:
        self.loader = loader
        self.source = SourceMap(file)
        self.problems: list[Problem] = []
        self.built = 0
        self.open_blocks: set[int] = set()

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.source.positions.setdefault(path, _position(self.source.file, node.start_mark))
        self.built += 1
        if self.built > MAX_VALUES:
            raise _TooComplexError(node, f"the file expands to more than {MAX_VALUES:,} values")
        if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            return self.loader.construct_object(node, deep=True)
        if id(node) in self.open_blocks:
            raise _TooComplexError(node, "an alias ('*name') refers to the block that contains it")
        self.open_blocks.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.open_blocks.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        self.loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem.error(
                        _position(self.source.file, key_node.start_mark),
                        path,
                        "a key must be a plain word, not a list or a mapping",
                    )
                )
                continue
            key = str(self.loader.construct_object(key_node))
            key_path = (*path, key)
            where = _position(self.source.file, key_node.start_mark)
            if key in result:
                first = self.source.positions[key_path]
                self.problems.append(
                    Problem.error(
                        where,
                        key_path,
                        f"the key '{key}' appears twice in the same block "
                        f"(first on line {first.line}); the second would silently "
                        "replace the first",
                    )
                )
                continue
            self.source.key_positions[key_path] = where
            # Point at the value when it is a plain value (that is what is wrong), else the key.
            if isinstance(value_node, yaml.ScalarNode) and value_node.value != "":
                where = _position(self.source.file, value_node.start_mark)
            self.source.positions[key_path] = where
            result[key] = self.build(value_node, key_path)
        return result


_SYNTAX_HINTS = (
    ("tab", "YAML does not allow tab characters for indentation: use spaces"),
    (
        "mapping values are not allowed",
        "check the indentation of this line, and put quotes around text containing ': '",
    ),
    (
        "could not find expected ':'",
        "this line is missing the ':' after its key, or is indented wrongly",
    ),
    (
        "has no ':' after its key",
        "write the key, then ':', then its value, like 'name: Awareness'",
    ),
    (
        "expected <block end>",
        "this line is indented differently from the lines above it: "
        "keys of the same block must start in the same column",
    ),
    ("found undefined alias", "'*' starts a YAML alias: put quotes around text starting with '*'"),
    ("found character '@'", "put quotes around text starting with '@' or '`'"),
    ("expected ',' or ']'", "a list in square brackets is not closed with ']'"),
    ("expected ',' or '}'", "a block in curly brackets is not closed with '}'"),
    ("found unexpected end of stream", "a quotation mark is not closed"),
    (
        "expected a single document",
        "the file must hold one document: remove the '---' line "
        "and what follows it, or merge the two",
    ),
    ("while scanning a quoted scalar", "a quotation mark is not closed"),
)


_KEY_COLON = re.compile(r":(?:\s|$)")


def _line_missing_colon(text: str, mark: yaml.Mark) -> tuple[int, int] | None:
    """The line and column of a key written without its ':', when that explains ``mark``.

    Without the ':' the line is read as text that runs on into the next line,
    and YAML only objects at the next line's ':'. That next line is fine; the
    one above it, with no ':' of its own, is the one to edit.
    """
    lines = text.splitlines()
    if mark.line >= len(lines) or _KEY_COLON.search(lines[mark.line][: mark.column]):
        return None  # an earlier ': ' on the same line: a value containing ': '
    for number in range(mark.line - 1, -1, -1):
        above = lines[number].strip()
        if not above or above.startswith("#"):
            continue
        if _KEY_COLON.search(above) or above.startswith(("[", "{", "'", '"')):
            return None
        indent = len(lines[number]) - len(lines[number].lstrip(" "))
        if above.startswith("- "):
            indent += len(above) - len(above[1:].lstrip(" "))
        return number + 1, indent + 1
    return None


def _syntax_problem(file: str, error: yaml.YAMLError, source: str) -> Problem:
    problem_mark: yaml.Mark | None = getattr(error, "problem_mark", None)
    context_mark: yaml.Mark | None = getattr(error, "context_mark", None)
    context = getattr(error, "context", None) or ""
    problem = getattr(error, "problem", None) or str(error)
    # An unclosed bracket or quote is found where the reader gives up; the fix is where it opened.
    opened_here = context.startswith(("while parsing a flow", "while scanning a quoted"))
    # A key without its ':' is found on the line after; the key's own line is the one to edit.
    key_here = context.startswith("while scanning a simple key")
    mark = (context_mark if opened_here or key_here else None) or problem_mark or context_mark
    where = _position(file, mark) if mark is not None else Position(file, 1, 1)
    if "mapping values are not allowed" in problem and problem_mark is not None:
        glued = _line_missing_colon(source, problem_mark)
        if glued is not None:
            where = Position(file, *glued)
            problem = f"line {glued[0]} has no ':' after its key"
    if problem.startswith("but ") and context:
        problem = f"{context}, {problem}"
    message = f"the YAML cannot be read: {problem}"
    if (opened_here or key_here) and problem_mark and mark and problem_mark.line != mark.line:
        message += f" (noticed on line {problem_mark.line + 1})"
    text = f"{problem} {context}".lower()
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in text), None)
    if hint is None and "\\t" in problem:
        hint = _SYNTAX_HINTS[0][1]
    return Problem.error(where, (), message, hint=hint)


def _unprintable(file: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A control character (often pasted from a word processor) that YAML does not allow."""
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    return Problem.error(
        Position(file, line, column),
        (),
        f"the file contains an invisible control character (U+{error.character:04X}) "
        "that YAML does not allow",
        hint="delete it and retype the text around it; it often comes from copying "
        "out of a word processor or an email",
    )


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse one YAML document, never raising for bad input."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        return YamlDocument(None, SourceMap(file), [_unprintable(file, text, error)])
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        return YamlDocument(None, SourceMap(file), [_syntax_problem(file, error, text)])
    finally:
        loader.dispose()
    if node is None:
        return YamlDocument({}, SourceMap(file), [])
    builder = _Builder(loader, file)
    try:
        data = builder.build(node, ())
    except yaml.YAMLError as error:
        return YamlDocument(None, builder.source, [_syntax_problem(file, error, text)])
    except _TooComplexError as error:
        where = _position(file, error.node.start_mark)
        hint = "write the values out instead of using '&' anchors and '*' aliases"
        return YamlDocument(None, builder.source, [Problem.error(where, (), error.message, hint)])
    return YamlDocument(data, builder.source, builder.problems)
