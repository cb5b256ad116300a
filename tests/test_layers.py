"""The import graph of the qisite package: arrows point one way, down the layers.

Layers, lowest first (a module may import its own layer and those below it):

- model: the shapes of the data (``model/``, including ``Inputs``, the one object
  the input step hands on), ``problems``, ``yaml_source`` (YAML text to data with
  positions), ``i18n`` (``Words``: messages, dates and numbers of a language) and
  ``publication`` (the manifest of what a build published, which ``Inputs`` may hold);
- derivations: pure functions of the model (``views/``, ``sessions/``, ``capacity/``);
- validation: the cross-checks, which use the derivations (expanded sittings,
  planned targets, delivered depths);
- inputs: the input step, which opens the files once, builds ``Inputs`` and runs
  the checks (with ``csv_cells``, the cell reader its two CSV parsers share); no
  module below it opens a file;
- site: pages and feeds from ``Inputs`` (Jinja2, no MkDocs);
- engines: the one generate step every engine's route calls (``engines.step``), the
  Markdown extension every engine loads, and the folder, config and command of the
  route for engines that run no MkDocs plugin;
- adapters: the MkDocs plugin, the commands, and
  ``i18n.extract`` (the maintainers' tool that writes the catalogue).

The graph is read from the source with ``ast``: every ``import`` anywhere in a
module (inside ``if TYPE_CHECKING:`` too), plus the package ``__init__`` that
Python runs when a module imports from another package.
"""

from __future__ import annotations

import ast
import graphlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.sitebuild import REPO

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "model",
        (
            "qisite",
            "qisite.problems",
            "qisite.yaml_source",
            "qisite.model",
            "qisite.i18n",
            "qisite.publication",
        ),
    ),
    ("derivations", ("qisite.views", "qisite.sessions", "qisite.capacity")),
    ("validation", ("qisite.validation",)),
    ("inputs", ("qisite.inputs", "qisite.csv_cells")),
    ("site", ("qisite.site",)),
    ("engines", ("qisite.engines", "qisite.markdown_extension")),
    (
        "adapters",
        (
            "qisite.plugin",
            "qisite.cli",
            "qisite.commands",
            "qisite.filewriter",
            "qisite.i18n.extract",
        ),
    ),
]
"""Lowest first. A name stands for that module, or that package and all its modules."""

OPENS_FILES = "inputs"
"""The lowest layer allowed to open a file."""

READS_SYSTEM_DATA = {
    "qisite.sessions.vtimezone": "the time-zone database's TZif file, as zoneinfo itself does",
}
"""Modules below the input step that read files that are no academy's input, and what."""

FILE_CALLS = {
    "open",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "is_file",
    "is_dir",
    "exists",
    "iterdir",
    "glob",
    "rglob",
    "mkdir",
    "files",  # importlib.resources.files
}


@dataclass
class Module:
    name: str
    path: Path
    is_package: bool
    imports: set[str] = field(default_factory=set)
    """Modules of the package this one makes Python run, when it is imported."""
    nested_imports: list[str] = field(default_factory=list)
    """'line: import ...' for each import inside a function or class."""
    file_calls: list[str] = field(default_factory=list)
    """'line: name()' for each call that opens or looks at a file."""


def _module_name(root: Path, path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


class _Reader(ast.NodeVisitor):
    """Collects a module's imports (noting those inside a function or class) and file calls."""

    def __init__(self, module: Module, known: set[str], package: str) -> None:
        self.module = module
        self.known = known
        self.package = package
        self.depth = 0

    def _nested(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = _nested  # noqa: N815

    def _base(self, node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        here = self.module.name.split(".")
        if not self.module.is_package:
            here.pop()
        here = here[: len(here) - (node.level - 1)]
        return ".".join([*here, *([node.module] if node.module else [])])

    def _add(self, target: str) -> None:
        if target == self.package or target.startswith(self.package + "."):
            self.module.imports.add(target)

    def _note_nesting(self, node: ast.Import | ast.ImportFrom) -> None:
        """Any import inside a function or class, of our modules or any other."""
        if self.depth:
            self.module.nested_imports.append(f"{node.lineno}: {ast.unparse(node)}")

    def visit_Import(self, node: ast.Import) -> None:
        self._note_nesting(node)
        for alias in node.names:
            self._add(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self._note_nesting(node)
        base = self._base(node)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            self._add(submodule if submodule in self.known else base)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in FILE_CALLS:
            self.module.file_calls.append(f"{node.lineno}: {ast.unparse(func)}()")
        self.generic_visit(node)


def read_graph(root: Path) -> dict[str, Module]:
    """Every module of the package at ``root`` with what importing it makes Python run."""
    package = root.name
    modules = {}
    for path in sorted(root.rglob("*.py")):
        name, is_package = _module_name(root, path)
        modules[name] = Module(name, path, is_package)
    known = set(modules)
    for module in modules.values():
        _Reader(module, known, package).visit(ast.parse(module.path.read_text("utf-8")))
        # Importing a.b.c runs a/__init__ and a/b/__init__ first, unless we are inside them.
        for target in list(module.imports):
            parts = target.split(".")
            for cut in range(1, len(parts)):
                parent = ".".join(parts[:cut])
                if parent in known and not module.name.startswith(parent + "."):
                    module.imports.add(parent)
        module.imports.discard(module.name)
    return modules


def layer_of(name: str) -> int | None:
    """The index of the layer a module belongs to (the longest name that covers it)."""
    best: tuple[int, int] | None = None
    for index, (_, names) in enumerate(LAYERS):
        for prefix in names:
            covers = name == prefix or (prefix != "qisite" and name.startswith(prefix + "."))
            if covers and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index)
    return None if best is None else best[1]


def layering_problems(modules: dict[str, Module]) -> list[str]:
    """Everything wrong with the graph, in words; empty when the layers hold."""
    problems = []
    opens_from = [name for name, _ in LAYERS].index(OPENS_FILES)
    for module in modules.values():
        here = layer_of(module.name)
        if here is None:
            problems.append(f"{module.name} is in no layer: add it to LAYERS")
            continue
        for line in module.nested_imports:
            problems.append(f"{module.name}:{line} is inside a function or class")
        for target in sorted(module.imports):
            there = layer_of(target)
            if there is not None and there > here:
                problems.append(
                    f"{module.name} ({LAYERS[here][0]}) imports {target} ({LAYERS[there][0]})"
                )
        if here < opens_from and module.name not in READS_SYSTEM_DATA:
            for call in module.file_calls:
                problems.append(f"{module.name}:{call} opens a file below the input step")
    sorter = graphlib.TopologicalSorter({m.name: m.imports for m in modules.values()})
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        problems.append("import cycle: " + " -> ".join(error.args[1]))
    return problems


def test_the_package_keeps_its_layers() -> None:
    modules = read_graph(REPO / "qisite")
    assert len(modules) > 50  # the whole package was read
    assert layering_problems(modules) == []


def test_the_input_step_is_what_opens_the_academys_files() -> None:
    modules = read_graph(REPO / "qisite")
    assert modules["qisite.inputs.files"].file_calls  # the checker sees a file being read
    assert "qisite.validation" in modules["qisite.inputs.load"].imports


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "qisite"
    shutil.copytree(REPO / "qisite", root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


@pytest.mark.parametrize(
    ("file", "added", "reported"),
    [
        (
            "model/types.py",
            "\nimport qisite.site.paths\n",
            "qisite.model.types (model) imports qisite.site (site)",
        ),
        (
            "sessions/expand.py",
            "\n\ndef late():\n    import json\n\n    return json\n",
            "qisite.sessions.expand:",
        ),
        (
            "capacity/rules.py",
            "\n\ndef peek(path):\n    return path.read_text()\n",
            "qisite.capacity.rules:",
        ),
        (
            "views/matrix.py",
            "\nfrom qisite.views import pathways\n",
            "",
        ),
    ],
)
def test_the_check_finds_a_bad_import_in_a_copy(
    tmp_path: Path, file: str, added: str, reported: str
) -> None:
    root = _copy(tmp_path)
    assert layering_problems(read_graph(root)) == []
    _append(root / file, added)
    problems = layering_problems(read_graph(root))
    if not reported:  # an import within the layer, downwards: allowed
        assert problems == []
        return
    assert any(p.startswith(reported) for p in problems), problems


def test_the_check_finds_a_cycle_and_an_unplaced_module(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _append(root / "views/pathways.py", "\nimport qisite.views.matrix\n")
    _append(root / "views/matrix.py", "\nimport qisite.views.pathways\n")
    (root / "extra.py").write_text('"""A module nobody placed."""\n', "utf-8")
    problems = layering_problems(read_graph(root))
    assert any(p.startswith("import cycle: ") and "qisite.views.matrix" in p for p in problems)
    assert "qisite.extra is in no layer: add it to LAYERS" in problems


def test_layer_of_takes_the_longest_name() -> None:
    assert LAYERS[layer_of("qisite.inputs.load") or 0][0] == "inputs"
    assert LAYERS[layer_of("qisite") or 0][0] == "model"
    assert layer_of("qisite.unknown") is None
