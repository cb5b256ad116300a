"""Turn pydantic's validation errors into organiser-grade problems."""

from __future__ import annotations

import copy
import difflib
import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from qisite.model import Curriculum
from qisite.model.types import id_from
from qisite.problems import Problem, format_key_path, suggest
from qisite.yaml_source import KeyPath, SourceMap

_GROUPED = re.compile(r"^\s*\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+\s*$")
"""A whole number written with thousands separators, as people write headcounts: 6,200."""

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a block of 'key: value' lines",
    "model_type": "a block of 'key: value' lines",
    "model_attributes_type": "a block of 'key: value' lines",
    "date_type": "a date like 2027-03-31",
    "date_from_datetime_parsing": "a date like 2027-03-31",
    "date_parsing": "a date like 2027-03-31",
}


QUOTE_COLON_HINT = "put text that contains ': ' in quotes, like \"Aim: fewer falls\""


def _text_read_as_key(value: Any) -> bool:
    """Whether ``value`` is a line of text that YAML split at its ': ' into a key and a value."""
    if not isinstance(value, dict) or len(value) != 1:
        return False
    rest = next(iter(value.values()))
    return isinstance(rest, str | int | float) and not isinstance(rest, bool)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a block of keys"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _unwrap(annotation: Any) -> Any:
    """The model class inside list[X], X | None, Annotated[X, ...], if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, dict, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return annotation


def _model_at(root: type[BaseModel], path: Sequence[str | int]) -> type[BaseModel] | None:
    current: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _clean_loc(loc: Sequence[str | int], data: Any, missing: bool = False) -> KeyPath:
    """The path in the organiser's data that pydantic's ``loc`` points at.

    pydantic puts its own parts in ``loc`` (union branches, validator names,
    ``[key]`` for a bad dictionary key). Keeping only the parts that are really
    in the data drops them, whatever the organiser's own keys look like. A
    missing key is not in the data, so the last part of a ``missing`` loc is kept.
    """
    cleaned: list[str | int] = []
    current = data
    for number, part in enumerate(loc):
        in_data = (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        )
        if in_data:
            current = current[part]
        elif not (missing and number == len(loc) - 1):
            continue
        cleaned.append(part)
    return tuple(cleaned)


_KIND_OF_SECTION = {
    "dose_levels": "dose level",
    "domains": "domain",
    "audiences": "audience",
    "modules": "module",
    "sessions": "session",
    "targets": "target",
    "parts": "part",
    "ihi_open_school": "IHI Open School course",
}


def _value_at(data: Any, path: Sequence[str | int]) -> Any:
    current = data
    for part in path:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return None
    return current


def _record(data: Any, path: Sequence[str | int]) -> tuple[KeyPath, str] | None:
    """The innermost list item that ``path`` is inside, and how to name it for an organiser.

    ``("modules", 3, "duration")`` gives ``(("modules", 3), "module 'pdsa-in-practice'")``;
    an item without a usable id is named by its position ("the 4th module").
    """
    for cut in range(len(path), 1, -1):
        section, index = path[cut - 2], path[cut - 1]
        if section == "ihi_open_school" and cut > 2:
            continue  # a module's list of course codes, not the top-level catalogue
        if isinstance(section, str) and isinstance(index, int) and section in _KIND_OF_SECTION:
            kind = _KIND_OF_SECTION[section]
            item = _value_at(data, path[:cut])
            if cut > 2 and not isinstance(item, dict):
                continue  # a list of ids inside a record (a module's audiences), not a record
            label = item.get("id") or item.get("code") if isinstance(item, dict) else None
            if path[cut:] in (("id",), ("code",)):
                label = None  # the id itself is what is wrong: name the item by its place
            if isinstance(label, str | int) and not isinstance(label, bool) and label != "":
                return tuple(path[:cut]), f"{kind} '{label}'"
            audience = item.get("audience") if isinstance(item, dict) else None
            if isinstance(audience, str) and audience:
                return tuple(path[:cut]), f"the {kind} for '{audience}'"
            return tuple(path[:cut]), f"the {_ordinal(index + 1)} {kind}"
    return None


_SECTION_REFERRED_TO = {
    "prerequisites": "modules",
    "module": "modules",
    "audiences": "audiences",
    "audience": "audiences",
    "domains": "domains",
    "dose": "dose_levels",
}
"""The section whose ids a reference under each key names (``dose:`` of a module: a level)."""


def _id_meant(data: Any, path: KeyPath, value: str, is_key: bool) -> str | None:
    """'did you mean' for an unusable id: the id it refers to, if one is close, else the
    value made usable ('QI-Basic' in a list of modules -> 'qi-basics'; 'Reading Data' ->
    'reading-data')."""
    names = [part for part in path[1:] if isinstance(part, str)]
    if is_key and names[-2:-1] == ["dose"]:
        section: str | None = "domains"
    else:
        referring = [n for n in names if n in _SECTION_REFERRED_TO]
        section = _SECTION_REFERRED_TO[referring[-1]] if referring else None
    items = data.get(section) if section and isinstance(data, dict) else None
    declared = (
        [str(i["id"]) for i in items if isinstance(i, dict) and "id" in i]
        if isinstance(items, list)
        else []
    )
    # An unusable id declared is no answer: 'pdsa-ø' would be suggested for itself.
    declared = [d for d in declared if d != value and id_from(d) == d]
    meant = id_from(value)
    return suggest(value, declared) or (f"did you mean '{meant}'?" if meant else None)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _missing_message(data: Any, path: KeyPath) -> tuple[str, str | None]:
    key = path[-1]
    owner = _record(data, path[:-1])
    if owner is not None and owner[0] == path[:-1]:
        return f"{owner[1]} is missing the required key '{key}'", None
    if len(path) == 1:
        return (
            f"the required section '{key}:' is missing",
            "every curriculum has academy:, dose_levels:, domains: and audiences:",
        )
    parent = format_key_path(path[:-1])
    return f"'{parent}' is missing the required key '{key}'", None


def _typo_for(missing: KeyPath, unknown: dict[KeyPath, list[str]]) -> bool:
    """True when an unknown key next to ``missing`` is a misspelling of it."""
    return missing[-1] in unknown.get(missing[:-1], [])


def problems_from_validation_error(
    error: ValidationError, root: type[BaseModel], source: SourceMap, data: Any
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[KeyPath, str]] = set()
    items = [
        (_clean_loc(i["loc"], data, i["type"] == "missing"), i)
        for i in error.errors(include_url=False)
    ]
    # Close matches of each unknown key, by parent: a typo explains a "missing" key.
    near_misses: dict[KeyPath, list[str]] = {}
    for path, item in items:
        if item["type"] == "extra_forbidden":
            parent = _model_at(root, path[:-1])
            known = list(parent.model_fields) if parent else []
            close = difflib.get_close_matches(str(path[-1]), known, n=3, cutoff=0.6)
            near_misses.setdefault(path[:-1], []).extend(close)
    for path, item in items:
        kind = item["type"]
        value = item.get("input")
        hint = None
        owner = _record(data, path)
        subject = owner[1] if owner else None
        where = source.locate(path)
        if value is None and kind not in ("missing", "extra_forbidden"):
            message = f"'{path[-1]}' has no value"
            hint = f"write a value after '{path[-1]}:'"
            where = source.locate_key(path)
        elif kind == "missing":
            if _typo_for(path, near_misses):
                continue  # reported once, as the misspelt key
            message, hint = _missing_message(data, path)
            subject = None
            where = source.locate(path[:-1])
        elif kind == "extra_forbidden":
            parent = _model_at(root, path[:-1])
            known = list(parent.model_fields) if parent else []
            message = f"unknown key '{path[-1]}'"
            hint = suggest(str(path[-1]), known) or (
                "allowed keys here: " + ", ".join(known) if known else None
            )
            where = source.locate_key(path)
        elif kind.startswith("qisite_"):
            message = item["msg"]
            if "[key]" in item["loc"]:
                where = source.locate_key(path)
            if kind == "qisite_id":
                hint = _id_meant(data, path, str(value), "[key]" in item["loc"])
        elif kind in ("enum", "literal_error"):
            expected = item.get("ctx", {}).get("expected", "")
            message = f"{_show(value)} is not one of the allowed values: {expected}"
            options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",")]
            hint = suggest(str(value), [o for o in options if o])
        elif kind == "too_short":
            message = "this list must not be empty"
            hint = "give at least one entry, like [first-id]"
        elif kind == "string_too_short":  # '' or spaces: YAML read a value, but no words
            message = f"'{path[-1]}' is empty (got {_show(value)})"
            hint = f"write the words after '{path[-1]}:'"
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            message = f"{_show(value)} is out of range: {item['msg'].lower()}"
        elif kind in _TYPE_WORDS:
            message = f"expected {_TYPE_WORDS[kind]}, got {_show(value)}"
            if kind == "list_type" and isinstance(value, str):
                hint = f"write a list even for one entry: [{value}]"
            elif kind == "list_type" and isinstance(value, dict):
                hint = "start each entry of the list with '- ', like '- id: ...'"
            elif kind == "string_type" and _text_read_as_key(value):
                key, rest = next(iter(value.items()))
                message = (
                    f"expected text, got '{key}: {rest}', which YAML reads as a key "
                    "and its value because of the ': '"
                )
                hint = QUOTE_COLON_HINT
            elif kind == "int_parsing" and isinstance(value, str) and _GROUPED.match(value):
                hint = f"write the number without separators: {re.sub(r'[^0-9]', '', value)}"
            elif kind == "string_type" and isinstance(value, bool | int | float):
                hint = f'put it in quotes to make it text: "{_show(value)[1:-1]}"'
        else:
            message = f"{item['msg']} (got {_show(value)})"
        key = (path, message)
        if key in seen:
            continue
        seen.add(key)
        problems.append(Problem.error(where, path, message, hint, subject))
    return problems


_DROP = object()


def _required_block(section: str) -> type[BaseModel] | None:
    """The model of a required top-level block that is not a list (the academy)."""
    field = Curriculum.model_fields.get(section)
    if field is None or not field.is_required():
        return None
    model = field.annotation
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _stand_in(model: type[BaseModel]) -> dict[str, Any]:
    """Harmless values for a block's required keys, so that the rest can still be checked."""
    return {
        name: 1 if field.annotation is int else "unknown"
        for name, field in model.model_fields.items()
        if field.is_required()
    }


def _mark(data: Any, loc: KeyPath, missing: bool) -> None:
    """Replace the value at ``loc`` with a drop marker (its parent, for a missing key).

    A required block such as ``academy`` cannot be dropped: it is replaced by a
    stand-in, its own errors having been reported already.
    """
    if missing:
        loc = loc[:-1]
    block = _required_block(str(loc[0])) if loc and isinstance(data, dict) else None
    if block is not None:
        data[loc[0]] = _stand_in(block)
        return
    if missing and not loc and isinstance(data, dict):
        for section in Curriculum.model_fields:
            block = _required_block(section)
            if block is not None and section not in data:
                data[section] = _stand_in(block)
    if len(loc) < 2:
        # Top-level keys are only dropped when optional; required ones stay and fail again.
        if loc and isinstance(data, dict) and loc[0] in data and not item_is_required(str(loc[0])):
            data[loc[0]] = _DROP
        return
    parent: Any = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return
    last = loc[-1]
    if isinstance(parent, list):
        if isinstance(last, int) and last < len(parent):
            parent[last] = _DROP
    elif isinstance(parent, dict) and last in parent:
        parent[last] = _DROP


def _sweep(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sweep(v) for k, v in value.items() if v is not _DROP}
    if isinstance(value, list):
        return [_sweep(v) for v in value if v is not _DROP]
    return value


IndexMap = dict[str, list[int]]
"""For each top-level list, the original index of each item that survived pruning."""


def prune_invalid(data: dict[str, Any], error: ValidationError) -> tuple[dict[str, Any], IndexMap]:
    """A copy of ``data`` without the values that failed, and where the survivors came from.

    Lets the cross-reference checks run on everything that is well formed, so
    that an organiser sees every error in one run rather than one layer at a time.
    A value that fails is removed; a required one removed makes its record
    fail next round, and the record is removed in turn.
    """
    current = copy.deepcopy(data)
    origin: IndexMap = {k: list(range(len(v))) for k, v in current.items() if isinstance(v, list)}
    for _ in range(4):
        for item in error.errors(include_url=False):
            missing = item["type"] == "missing"
            _mark(current, _clean_loc(item["loc"], current, missing), missing)
        for section, items in current.items():
            if isinstance(items, list) and section in origin:
                origin[section] = [
                    o for o, v in zip(origin[section], items, strict=True) if v is not _DROP
                ]
        current = _sweep(current)
        try:
            Curriculum.model_validate(current)
        except ValidationError as again:
            error = again
            continue
        break
    return current, origin


def item_is_required(section: str) -> bool:
    field = Curriculum.model_fields.get(section)
    return field is not None and field.is_required()
