"""`tm serve`: the team server, a thin HTTP layer over the library (like `tm.cli`).

from tm.server import create_app
app = create_app("team.db")          # an ASGI app: uvicorn, or any ASGI server
"""

from __future__ import annotations

from tm.server.app import create_app

__all__ = ["create_app"]
