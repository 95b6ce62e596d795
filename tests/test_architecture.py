"""The architecture, tested: layers import only what they may, every module imports alone."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

import tm

PACKAGE = Path(tm.__file__).resolve().parent
MODULES = sorted(m.name for m in pkgutil.walk_packages([str(PACKAGE)], "tm."))


def _file_of(module: str) -> Path:
    path = PACKAGE.joinpath(*module.split(".")[1:])
    # A package's __init__ wins; a folder without one (data, such as captions/profiles/) does
    # not shadow a module of the same name, as in Python's own import system.
    return path / "__init__.py" if (path / "__init__.py").exists() else path.with_suffix(".py")


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


@cache
def direct_imports(module: str, lazy: bool = True) -> frozenset[str]:
    """What `module` imports: third-party names by their top package, tm modules in full
    (with the packages whose __init__ importing them runs). `lazy` counts imports inside
    functions too (they run when the function does); `if TYPE_CHECKING:` blocks never run."""
    names: set[str] = set()
    is_package = _file_of(module).name == "__init__.py"

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if _type_checking(child):
                continue
            if isinstance(child, ast.Import) and (top or lazy):
                names.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and (top or lazy):
                base = child.module or ""
                if child.level:
                    parts = module.split(".")[: None if is_package else -1]
                    parts = parts[: len(parts) - child.level + 1]
                    base = ".".join([*parts, *([child.module] if child.module else [])])
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in child.names)
            visit(child, top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))

    visit(ast.parse(_file_of(module).read_text(encoding="utf-8")), True)
    found: set[str] = set()
    for name in names:
        parts = name.split(".")
        if parts[0] != "tm":
            found.add(parts[0])
            continue
        found.update(p for i in range(1, len(parts) + 1) if (p := ".".join(parts[:i])) in KNOWN)
    found.discard(module)
    return frozenset(found)


def import_chains(module: str, lazy: bool = True) -> dict[str, str]:
    """Everything importing `module` may load, each with one chain of imports that loads it
    (tm.checks.drift -> tm.memory -> sqlite3)."""
    chains = {module: module}
    todo = [module]
    while todo:
        current = todo.pop()
        for name in sorted(direct_imports(current, lazy)):
            if name not in chains:
                chains[name] = f"{chains[current]} -> {name}"
                if name in KNOWN:
                    todo.append(name)
    del chains[module]
    return chains


KNOWN = frozenset({"tm", *MODULES})


def under(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def violations(
    packages: tuple[str, ...], forbidden: tuple[str, ...], lazy: bool = True
) -> list[str]:
    """Chains from modules in `packages` to anything `forbidden` (a module or a package)."""
    found = []
    for module in MODULES:
        if not under(module, *packages):
            continue
        for name, chain in import_chains(module, lazy).items():
            if under(name, *forbidden):
                found.append(chain)
    return found


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES)
def test_every_module_imports_on_its_own(module: str) -> None:
    code = f"import {module}"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_import_graph_follows_chains() -> None:
    """The graph the layering tests walk: lookup reaches SQLite only through the memory."""
    chains = import_chains("tm.lookup")
    assert chains["sqlite3"].startswith("tm.lookup -> tm.memory")
    assert "tm.memory" not in direct_imports("tm.checks.drift")
    assert "tm.fuzzy.match" in direct_imports("tm.checks.drift")  # inside a function
    assert "tm.fuzzy.match" not in direct_imports("tm.checks.drift", lazy=False)


#: Layers below the memory: nothing they import, however indirectly, opens SQLite.
BELOW_THE_MEMORY = (
    "tm.align",
    "tm.captions",
    "tm.checks",
    "tm.errors",
    "tm.fileio",
    "tm.glossary",
    "tm.lang",
    "tm.lexicon",
    "tm.model",
    "tm.readers",
    "tm.reports",
    "tm.segment",
    "tm.text",
    "tm.tmx",
)


def test_sqlite_only_through_the_memory() -> None:
    assert violations(BELOW_THE_MEMORY, ("sqlite3", "tm.memory")) == []


def test_click_only_inside_cli() -> None:
    outside = tuple(m for m in MODULES if not under(m, "tm.cli", "tm.__main__"))
    assert violations(outside, ("click",)) == []


def test_readers_and_tmx_never_import_the_memory() -> None:
    assert violations(("tm.readers", "tm.tmx"), ("tm.memory",)) == []


def test_importing_a_check_loads_neither_sqlite_nor_the_tmx_writer() -> None:
    assert violations(("tm.checks",), ("tm.tmx.writer",), lazy=False) == []
    code = (
        "import sys, tm.checks.terminology\n"
        "print(sorted(m for m in ('sqlite3', 'tm.memory', 'tm.tmx.writer') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_no_print_or_exit_below_the_cli() -> None:
    for path in source_files():
        if path.parent.name == "cli" or path.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "print", f"{path}:{node.lineno}"
            if isinstance(node, ast.Attribute) and node.attr == "exit":
                assert not (isinstance(node.value, ast.Name) and node.value.id == "sys"), path


def test_help_loads_no_heavy_library() -> None:
    code = (
        "import sys\nfrom tm.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "names = ('lxml', 'jieba', 'docx', 'rapidfuzz', 'sqlite3')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip() == "[]"


def test_package_data_is_installed() -> None:
    assert (PACKAGE / "tmx" / "tmx14.dtd").is_file()
    importlib.import_module("tm.tmx.validate")._dtd()  # loads from the installed package


def test_only_the_memory_opens_transactions() -> None:
    """Each write of the memory is one of its methods and one transaction (the unit of work
    is the memory's): nothing outside tm/memory wraps writes in `atomic()`."""
    memory = PACKAGE / "memory"
    for path in source_files():
        if memory in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "atomic":
                raise AssertionError(f"{path}:{node.lineno} calls .atomic(): use a memory method")
