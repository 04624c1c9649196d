"""The live exercise's web server: Starlette routes over one ``Hub``, served by uvicorn.

- ``GET /control?token=T`` and ``GET /play/{party}?token=T``: the pages (403 without the right token);
- ``WS /ws/control?token=T`` and ``WS /ws/play/{party}?token=T``: a snapshot, then updates as they
  come; the page sends its commands and decisions as JSON (a wrong token closes the socket);
- ``/static/``: the pages' own script and style sheet (nothing is loaded from elsewhere).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import socket
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from ...messages import text
from .hub import Client, Hub
from .mapview import symbols
from .views import page_strings

__all__ = ["build_app", "listening_socket", "serve"]

STATIC = Path(__file__).resolve().parent / "static"
_CSP = (
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/static/live.css"></head>
<body class="{role}" data-ws="{ws}">
<script id="strings" type="application/json">{strings}</script>
<svg id="map-symbols" width="0" height="0" aria-hidden="true"><defs>{symbols}</defs></svg>
<header><h1>{title}</h1><div id="clock" class="clock"></div><div id="notice" class="notice" hidden></div></header>
<main id="app"></main>
<script src="/static/live.js"></script><script src="/static/{role}.js"></script>
</body></html>
"""


def build_app(hub: Hub) -> Starlette:
    """The ASGI application serving ``hub``; its clock task runs while the application does."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        task = asyncio.get_running_loop().create_task(hub.run())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            hub.close()

    async def control_page(request: Request) -> Response:
        return await _page(hub, request, None)

    async def player_page(request: Request) -> Response:
        return await _page(hub, request, request.path_params["party"])

    async def control_socket(websocket: WebSocket) -> None:
        await _socket(hub, websocket, None)

    async def player_socket(websocket: WebSocket) -> None:
        await _socket(hub, websocket, websocket.path_params["party"])

    routes = [
        Route("/control", control_page),
        Route("/play/{party}", player_page),
        WebSocketRoute("/ws/control", control_socket),
        WebSocketRoute("/ws/play/{party}", player_socket),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


async def _page(hub: Hub, request: Request, party_id: str | None) -> Response:
    token = request.query_params.get("token")
    name = hub.ex.scenario.name
    if party_id is None:
        if not hub.control_allowed(token):
            return PlainTextResponse("403 Forbidden", status_code=403)
        title, ws, role = text("live.page.control_title", hub.lang, name=name), f"/ws/control?token={token}", "control"
    else:
        party = hub.player_allowed(party_id, token)
        if party is None:
            return PlainTextResponse("403 Forbidden", status_code=403)
        title = text("live.page.player_title", hub.lang, party=party.name, name=name)
        ws, role = f"/ws/play/{party.id}?token={token}", "player"
    strings = json.dumps(page_strings(hub.lang), ensure_ascii=False).replace("</", "<\\/")
    page = _PAGE.format(
        lang=hub.lang, title=html.escape(title), role=role, ws=html.escape(ws), strings=strings, symbols=symbols()
    )
    return HTMLResponse(
        page, headers={"Content-Security-Policy": _CSP, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    )


async def _socket(hub: Hub, websocket: WebSocket, party_id: str | None) -> None:
    token = websocket.query_params.get("token")
    party = None
    if party_id is None:
        allowed = hub.control_allowed(token)
    else:
        party = hub.player_allowed(party_id, token)
        allowed = party is not None
    if not allowed:
        await websocket.close(code=1008)
        return
    await websocket.accept()
    client = hub.connect("control" if party is None else "player", party)
    sender = asyncio.get_running_loop().create_task(_pump(websocket, client))
    try:
        while True:
            raw = await websocket.receive_text()
            try:
                data = json.loads(raw)
            except json.JSONDecodeError:
                data = None
            if not isinstance(data, dict):
                client.send({"type": "error", "message": text("live.error.bad_message", hub.lang)})
            elif party is None:
                hub.control_message(client, data)
            else:
                hub.player_message(client, data)
    except WebSocketDisconnect:
        pass
    finally:
        hub.disconnect(client)
        sender.cancel()


async def _pump(websocket: WebSocket, client: Client) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
        while True:
            await websocket.send_text(await client.queue.get())


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (``OSError`` when the port is taken), for uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # the accepted connections inherit it: an update right after another must not wait for an ACK
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def serve(hub: Hub, sock: socket.socket, **options: Any) -> None:
    """Serve ``hub`` on ``sock`` until Ctrl-C or SIGTERM."""
    import uvicorn

    config = uvicorn.Config(
        build_app(hub), log_level="warning", lifespan="on", timeout_graceful_shutdown=2, ws_ping_interval=20, **options
    )
    uvicorn.Server(config).run(sockets=[sock])
