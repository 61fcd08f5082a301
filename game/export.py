"""Handing a file to the user from inside the app: a private file in a terminal, a download
in a browser (textual-serve), and always a plain Dutch word on where it went or what failed."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App

from sessions.files import WriteError, export_folder, free_path, write_private


def deliver_file(
    app: App[Any],
    filename: str,
    data: str | bytes,
    what: str,
    folder: Path | None = None,
) -> Path | None:
    """Give `data` to the user as `filename`; tell them where it went.

    In a terminal the file is written (atomically, readable by the user alone) into `folder`,
    else the Downloads folder, else the home folder, under a free name. In a browser it is
    handed to Textual's delivery and success is told when the browser confirms it.

    Args:
        app: the running app.
        filename: the file name to use (no folders).
        data: text or bytes.
        what: what it is, for the message ("De samenvatting").
        folder: a folder the user chose, or None for the default place.

    Returns:
        The path written in a terminal, or None (browser, or failure: already told).
    """
    if app.is_web:
        if isinstance(data, bytes):
            app.deliver_binary(io.BytesIO(data), save_filename=filename, name=what)
        else:
            app.deliver_text(io.StringIO(data), save_filename=filename, name=what)
        return None
    target_folder = folder if folder is not None else export_folder()
    try:
        path = write_private(free_path(target_folder, filename), data)
    except WriteError as exc:
        app.notify(f"{what} is niet opgeslagen. {exc.message}", title="Opslaan lukt niet",
                   severity="error", timeout=12, markup=False)
        return None
    app.notify(f"{what} staat in {path}.", title="Opgeslagen", timeout=10, markup=False)
    return path


def delivery_complete(app: App[Any], event: events.DeliveryComplete) -> None:
    """Tell the user a browser download arrived (call from the app's DeliveryComplete handler)."""
    if event.name and event.name != "screenshot":
        app.notify(f"{event.name} is gedownload.", title="Opgeslagen", markup=False)


def delivery_failed(app: App[Any], event: events.DeliveryFailed) -> None:
    """Tell the user a browser download failed."""
    if event.name and event.name != "screenshot":
        app.notify(f"{event.name} kon niet worden gedownload. Probeer het nog eens.",
                   title="Downloaden lukt niet", severity="error", markup=False)
