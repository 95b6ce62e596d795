"""The README is a test: its console examples run as written and print what it shows.

Every ```console block of README.md is run in order, command by command (`$ ...` lines, with
bash, so pipes and `# comments` work as in a terminal), in a fresh temporary folder holding a
copy of the repository files the examples read (corpora/, seeds/, tests/data/), with `tm` of
this checkout first on PATH, `TM_USER=editor` and no `TM_MEMORY`. The output (stdout and
stderr together) is compared with the lines that follow the command in the README, with dates,
TMX timestamps, tm's version and the temporary folder masked; a line holding only `…` stands
for any number of lines. `$ echo $?` prints the previous command's exit code.

Not run: blocks with a `$ python …` command (benchmarks print timings of this machine), and a
block right after a `<!-- readme-test: skip -->` line (an interactive session).

To rewrite the README's outputs from a run (after a change that alters them on purpose):

    TM_README_UPDATE=1 pytest tests/test_readme.py

then read `git diff README.md`: every changed line is a changed behaviour.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
COPIED = ("corpora", "seeds", "tests/data")
SKIP_MARK = "<!-- readme-test: skip -->"
ELLIPSIS = "…"
MASKS = [
    (re.compile(r"\b\d{8}T\d{6}Z\b"), "YYYYMMDDThhmmssZ"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "YYYY-MM-DD"),
    (re.compile(r'creationtoolversion="[^"]*"'), 'creationtoolversion="X"'),
    (re.compile(r"^tm \d+\.\d+\S*$"), "tm X"),
]


@dataclass
class Command:
    line: int  # index of the `$ ` line in README.md
    text: str
    expected: list[str] = field(default_factory=list)


def examples(lines: list[str]) -> list[Command]:
    """The commands of the README's console blocks that are to run, in order."""
    commands: list[Command] = []
    index = 0
    while index < len(lines):
        if lines[index].strip() != "```console":
            index += 1
            continue
        before = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        block: list[Command] = []
        index += 1
        while index < len(lines) and lines[index].strip() != "```":
            line = lines[index]
            if line.startswith("$ "):
                block.append(Command(index, line[2:]))
            elif block:
                block[-1].expected.append(line)
            index += 1
        skipped = before.strip() == SKIP_MARK or any(c.text.startswith("python") for c in block)
        if not skipped:
            commands.extend(block)
        index += 1
    return commands


def unfold(text: str, folder: str) -> str:
    """The text with the temporary folder's path made relative, as run from the root."""
    return text.replace(folder + os.sep, "").replace(folder, ".").rstrip()


def mask(text: str, folder: str) -> str:
    text = unfold(text, folder)
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text.rstrip()


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line, a line of only `…` matching any run of lines (none included)."""
    if not expected:
        return not actual
    if expected[0].strip() == ELLIPSIS:
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def updated(expected: list[str], actual: list[str]) -> list[str]:
    """What the README should show: the run's output, abbreviated where it was (as many
    lines before and after the `…` as before)."""
    marks = [i for i, line in enumerate(expected) if line.strip() == ELLIPSIS]
    if not marks:
        return actual
    head, tail = marks[0], len(expected) - marks[-1] - 1
    if head + tail >= len(actual):
        return actual
    return [*actual[:head], ELLIPSIS, *(actual[len(actual) - tail :] if tail else [])]


def run_examples(folder: Path) -> list[tuple[Command, list[str]]]:
    for name in COPIED:
        shutil.copytree(ROOT / name, folder / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TM_")}
    env.update(
        {
            "PATH": os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", ""),
            "TM_USER": "editor",
            "NO_COLOR": "1",
        }
    )
    env.pop("COLUMNS", None)  # tm's width falls back to 80 columns, as the README shows
    results = []
    code = 0
    for command in examples(README.read_text(encoding="utf-8").splitlines()):
        if command.text.strip() == "echo $?":
            output = str(code)
        else:
            proc = subprocess.run(
                ["bash", "-c", command.text],
                cwd=folder,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=300,
            )
            code, output = proc.returncode, proc.stdout
        results.append((command, [unfold(line, str(folder)) for line in output.splitlines()]))
    return results


def test_the_readme_examples_run_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "tour"
    folder.mkdir()
    results = run_examples(folder)
    assert len(results) > 20, "the README's examples were not found"
    lines = README.read_text(encoding="utf-8").splitlines()
    failures = []
    for command, actual in results:
        expected = [mask(line, str(folder)) for line in command.expected]
        if not matches(expected, [mask(line, str(folder)) for line in actual]):
            failures.append((command, actual))
    if os.environ.get("TM_README_UPDATE") and failures:
        # From the last command up, so that earlier line numbers stay right.
        for command, actual in sorted(failures, key=lambda f: f[0].line, reverse=True):
            start = command.line + 1
            lines[start : start + len(command.expected)] = updated(command.expected, actual)
        README.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    report = "\n\n".join(
        f"README.md:{c.line + 1}: $ {c.text}\n--- README\n"
        + "\n".join(c.expected)
        + "\n--- run\n"
        + "\n".join(actual)
        for c, actual in failures
    )
    assert not failures, (
        f"{len(failures)} README example(s) differ (TM_README_UPDATE=1 rewrites them):\n\n" + report
    )
