"""The browser's zoom enlarges the served app: fewer, larger cells reach the app.

Chromium's zoom (Ctrl and +) raises the device pixel ratio and shrinks the page's CSS
viewport by the same factor; `--force-device-scale-factor` with a window of the zoomed size
gives the page exactly that, as a 1280x800 screen at 100 % and at 200 %.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from tests.test_serve_browser import CHROMIUM, Tab, served  # noqa: E402,F401 (served: the fixture)

pytest.importorskip("textual_serve")
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")


def app_size_at_zoom(url: str, zoom: float) -> tuple[dict[str, int], float, str]:
    """The terminal size the page gives the app, the page's pixel ratio, and what the app drew."""
    width, height = int(1280 / zoom), int(800 / zoom)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  f"--force-device-scale-factor={zoom}", f"--window-size={width},{height}"],
        )
        try:
            page = browser.new_context(no_viewport=True).new_page()
            sent: list[Any] = []
            page.on("websocket", lambda ws: ws.on("framesent", lambda data: sent.append(data)))
            tab = Tab(page)
            page.goto(url)
            for _ in range(200):
                if len(tab.text()) > 200:
                    break
                page.wait_for_timeout(100)
            page.wait_for_timeout(1000)
            sizes = [json.loads(s)[1] for s in sent
                     if isinstance(s, str) and s.startswith('["resize"')]
            ratio = float(page.evaluate("window.devicePixelRatio"))
            return sizes[-1], ratio, tab.text()
        finally:
            browser.close()


def test_browser_zoom_gives_the_app_larger_cells(served: tuple[str, Path]) -> None:  # noqa: F811
    url, _ = served
    normal, ratio_normal, _ = app_size_at_zoom(url, 1)
    zoomed, ratio_zoomed, drawn = app_size_at_zoom(url, 2)
    assert drawn.strip()
    assert ratio_normal == 1 and ratio_zoomed == 2
    assert normal["width"] >= 120 and normal["height"] >= 30, normal
    # Twice the zoom: about half the columns and rows (the page's margins and the window's
    # frame take a few cells), each cell twice as large on screen.
    for side in ("width", "height"):
        assert 0.4 <= zoomed[side] / normal[side] <= 0.55, (normal, zoomed)
