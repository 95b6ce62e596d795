"""`tm serve` and its access tokens."""

from __future__ import annotations

import json

import click

from tm.cli.options import json_option, memory_path


@click.group("serve", invoke_without_command=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--public-read", is_flag=True, help="Let requests without a token read (never write)."
)
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
    help="Server processes (one per core).",
)  # fmt: skip
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(1, 256),
    help="Requests each process handles at once.",
)  # fmt: skip
@click.pass_context
def serve_cmd(
    ctx: click.Context, host: str, port: int, public_read: bool, workers: int, threads: int
) -> int:
    """The team server: HTTP API and the lookup page over the memory.

    Binds 127.0.0.1 unless --host says otherwise. Requests carry `Authorization: Bearer
    TOKEN`; make tokens with `tm serve token add NAME --role translator|editor|ci`.
    """
    if ctx.invoked_subcommand is not None:
        return 0
    import os

    import uvicorn

    from tm.memory import open_memory

    memory = memory_path(ctx)
    with open_memory(memory):  # a missing or broken memory is the one-line error, now
        pass
    from tm.memory.postgres import is_url, redact

    os.environ["TM_SERVE_MEMORY"] = memory if is_url(memory) else os.path.abspath(memory)
    os.environ["TM_SERVE_PUBLIC_READ"] = "1" if public_read else ""
    os.environ["TM_SERVE_THREADS"] = str(threads)
    shown = redact(memory) if is_url(memory) else memory
    click.echo(f"tm serve: {shown} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(
        "tm.server.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,  # an access log would be the one place a token could leak
    )
    return 0


@serve_cmd.group("token")
def token_cmd() -> None:
    """Access tokens: add, list, revoke."""


@token_cmd.command("add")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(["translator", "editor", "ci"]),
    help="What it may do.",
)
@click.pass_context
def token_add_cmd(ctx: click.Context, name: str, role: str) -> int:
    """Make a token; it is printed once, alone on the last line, and only its hash kept."""
    from tm.memory import open_memory
    from tm.server.auth import create_token

    with open_memory(memory_path(ctx), write=True) as store:
        token = create_token(store, name, role)
    click.echo(f"token {name!r} ({role}) made; keep it now, it is not shown again:")
    click.echo(token)
    return 0


@token_cmd.command("list")
@json_option
@click.pass_context
def token_list_cmd(ctx: click.Context, as_json: bool) -> int:
    """The tokens' names, roles and dates (never the tokens)."""
    from tm.memory import open_memory

    with open_memory(memory_path(ctx)) as store:
        rows = store.tokens()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return 0
    for row in rows:
        click.echo(f"{row['name']}\t{row['role']}\t{row['created']}\t{row['created_by'] or ''}")
    return 0


@token_cmd.command("revoke")
@click.argument("name")
@click.pass_context
def token_revoke_cmd(ctx: click.Context, name: str) -> int:
    """Revoke a token by name: the next request with it gets 401."""
    from tm.memory import open_memory

    with open_memory(memory_path(ctx), write=True) as store:
        store.revoke_token(name)
    click.echo(f"token {name!r} revoked")
    return 0
