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
from pathlib import Path
from typing import Any

import yaml

from qisite.problems import Position, Problem

KeyPath = tuple[str | int, ...]


class _OrganiserResolver(yaml.resolver.BaseResolver):
    """Implicit types: null, true/false, int, float. Everything else is text."""


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
_OrganiserResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _Loader(
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


_PureLoader = _Loader

if yaml.__with_libyaml__:

    class _FastLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, _OrganiserResolver):
        """The same loader on libyaml's C parser: several times faster on a large curriculum.

        Same resolver, so the same values, and the same node marks, so the same
        positions. When a file cannot be parsed, the pure-Python loader parses it
        again, so that the error and its position read as they always have.
        """

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader(stream)  # rejects the characters YAML forbids, as _PureLoader does
            self._text = stream
            yaml.cyaml.CParser.__init__(self, stream)
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
    _Loader = _FastLoader  # type: ignore[misc]


@dataclass
class SourceMap:
    """Where each key path of a YAML document sits in its file."""

    file: str
    positions: dict[KeyPath, Position] = field(default_factory=dict)

    def locate(self, path: KeyPath) -> Position:
        """The position of ``path``, or of its nearest ancestor that exists."""
        for cut in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:cut]))
            if found is not None:
                return found
        return Position(self.file, 1, 1)


@dataclass
class YamlDocument:
    data: Any
    source: SourceMap
    problems: list[Problem]


def _position(file: str, mark: yaml.Mark) -> Position:
    return Position(file, mark.line + 1, mark.column + 1)


class _Builder:
    def __init__(self, loader: _Loader, file: str) -> None:
        self.loader = loader
        self.source = SourceMap(file)
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.source.positions.setdefault(path, _position(self.source.file, node.start_mark))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

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
            # Point at the value when it is a plain value (that is what is wrong), else the key.
            if isinstance(value_node, yaml.ScalarNode) and value_node.value != "":
                where = _position(self.source.file, value_node.start_mark)
            self.source.positions[key_path] = where
            result[key] = self.build(value_node, key_path)
        return result


def _syntax_problem(file: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = _position(file, mark) if mark is not None else Position(file, 1, 1)
    problem = getattr(error, "problem", None) or str(error)
    hint = None
    if "\\t" in problem or "tab" in problem.lower():
        hint = "YAML does not allow tab characters for indentation: use spaces"
    elif "mapping values are not allowed" in problem:
        hint = "check the indentation of this line, and put quotes around text containing ': '"
    elif "could not find expected ':'" in problem:
        hint = "a line in this block is missing the ':' after its key, or is indented wrongly"
    return Problem.error(where, (), f"the YAML cannot be read: {problem}", hint=hint)


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse one YAML document, never raising for bad input."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        return YamlDocument(None, SourceMap(file), [_syntax_problem(file, error)])
    finally:
        loader.dispose()
    if node is None:
        return YamlDocument({}, SourceMap(file), [])
    builder = _Builder(loader, file)
    try:
        data = builder.build(node, ())
    except yaml.YAMLError as error:
        return YamlDocument(None, builder.source, [_syntax_problem(file, error)])
    return YamlDocument(data, builder.source, builder.problems)


def read_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return YamlDocument(
            None, SourceMap(name), [Problem.error(Position(name, 0, 0), (), "file not found")]
        )
    except UnicodeDecodeError as error:
        return YamlDocument(
            None,
            SourceMap(name),
            [
                Problem.error(
                    Position(name, 1, 1),
                    (),
                    f"the file is not UTF-8 text ({error.reason} at byte {error.start})",
                    hint="save it as UTF-8 from your editor",
                )
            ],
        )
    return parse_yaml(text, name)
