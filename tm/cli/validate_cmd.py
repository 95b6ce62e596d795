"""`tm validate`."""

from __future__ import annotations

import json

import click

from tm.cli.options import json_option
from tm.tmx import validate_tmx


@click.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@json_option
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, not 'valid' lines.")
def validate_cmd(files: tuple[str, ...], as_json: bool, quiet: bool) -> int:
    """Check TMX files against TMX 1.4b: structure and semantics.

    Prints one `file:line: problem` per line; exit 1 when any file is invalid, 0 when all
    are valid, 2 when a file cannot be opened.
    """
    results = {path: validate_tmx(path) for path in files}
    invalid = any(results.values())
    if as_json:
        payload = {
            "valid": not invalid,
            "files": [
                {
                    "file": path,
                    "valid": not problems,
                    "problems": [{"line": p.line, "message": p.message} for p in problems],
                }
                for path, problems in results.items()
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False))
    else:
        for path, problems in results.items():
            for problem in problems:
                click.echo(str(problem))
            if not problems and not quiet:
                click.echo(f"{path}: valid TMX 1.4b")
    return 1 if invalid else 0
