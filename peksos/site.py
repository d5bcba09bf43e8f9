"""Serve a built site on loopback and drive it with Chromium, for the tests and the benchmark.

Chromium is Debian's (/usr/bin/chromium), driven by PyPI's playwright; no browser is downloaded.
Every request that is not for the served origin is aborted and recorded.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

CHROMIUM = os.environ.get("PEKSOS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D401 - silence the access log
        pass


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 on a free port; yields the base URL."""
    root = Path(root)
    if not (root / "index.html").exists():
        raise FileNotFoundError(f"{root}: no built site here (run `make book` first)")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pages(root: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to its root."""
    root = Path(root)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html")
                  if not any(part.startswith(("_", ".")) for part in p.relative_to(root).parts))


@dataclass
class PageLog:
    """What a page did: requests leaving the origin, console errors, page errors, failed responses."""

    origin: str
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("response", self._response)
        page.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.origin + "/") or url == self.origin:
            route.continue_()
        elif url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def _response(self, response) -> None:
        if not response.url.startswith(self.origin):
            return
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def problems(self) -> list[str]:
        return ([f"request left the site: {u}" for u in self.external]
                + [f"console error: {e}" for e in self.console_errors]
                + [f"page error: {e}" for e in self.page_errors]
                + [f"failed response: {f}" for f in self.failed])


_LOADED_JS = """() => {
    const nav = performance.getEntriesByType('navigation');
    const res = performance.getEntriesByType('resource');
    return [...nav, ...res].filter(e => e.name.startsWith(location.origin))
        .map(e => [e.name, e.encodedBodySize || e.transferSize || 0]);
}"""


def loaded_bytes(page) -> dict[str, int]:
    """Same-origin bytes of every file the page loaded, as Chromium's Performance API reports them."""
    return {name: int(size) for name, size in page.evaluate(_LOADED_JS)}


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
