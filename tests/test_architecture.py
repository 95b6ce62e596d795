"""The architecture, tested: layers import only what they may, every module imports alone."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import tm

PACKAGE = Path(tm.__file__).resolve().parent
MODULES = sorted(m.name for m in pkgutil.walk_packages([str(PACKAGE)], "tm."))


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
            if node.module.startswith("tm."):
                names.add(node.module)
    return names


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES)
def test_every_module_imports_on_its_own(module: str) -> None:
    code = f"import {module}"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_sqlite_only_inside_memory() -> None:
    for path in source_files():
        if "sqlite3" in imports_of(path):
            assert path.parent.name == "memory", path


def test_click_only_inside_cli() -> None:
    for path in source_files():
        if "click" in imports_of(path):
            assert path.parent.name == "cli", path


def test_readers_and_tmx_never_import_the_memory() -> None:
    for folder in ("tmx", "readers"):
        for path in (PACKAGE / folder).rglob("*.py") if (PACKAGE / folder).exists() else []:
            assert not any(name.startswith("tm.memory") for name in imports_of(path)), path


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
