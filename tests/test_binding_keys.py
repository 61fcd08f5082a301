"""No screen, dialog or widget binds a key that never arrives: terminals send ctrl+h, ctrl+i,
ctrl+m, ctrl+[ and ctrl+j as Backspace, Tab, Enter, Escape and newline, and a browser keeps
ctrl+t, ctrl+w and ctrl+n for itself under `serve`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import game
from game.app import IntegerSpelApp

NEVER_ARRIVE = {
    "ctrl+h": "komt in de terminal aan als Backspace",
    "ctrl+i": "komt aan als Tab",
    "ctrl+m": "komt aan als Enter",
    "ctrl+j": "komt aan als Enter",
    "ctrl+left_square_bracket": "komt aan als Escape",
    "ctrl+[": "komt aan als Escape",
    "ctrl+t": "houdt de browser zelf (nieuw tabblad)",
    "ctrl+w": "houdt de browser zelf (tabblad sluiten)",
    "ctrl+n": "houdt de browser zelf (nieuw venster)",
}
# Offenders in modules another part of the project owns: listed so this test stays useful
# (strict: once fixed there, the mark must go).
def _classes() -> list[type[DOMNode]]:
    found: dict[str, type[DOMNode]] = {"game.app.IntegerSpelApp": IntegerSpelApp}
    for package in ("game.screens", "game.dialogs", "game.widgets"):
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__):
            loaded = importlib.import_module(f"{package}.{info.name}")
            for _, cls in inspect.getmembers(loaded, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__.startswith(game.__name__):
                    found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[name] for name in sorted(found)]


def _keys(cls: type[DOMNode]) -> list[str]:
    keys = []
    for binding in cls.__dict__.get("BINDINGS", []):
        key = binding.key if isinstance(binding, Binding) else binding[0]
        keys += [k.strip() for k in key.split(",")]
    return keys


CLASSES = _classes()


def test_the_walk_finds_the_screens_and_dialogs() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {"WalkthroughScreen", "PracticeScreen", "RoundScreen", "ChoiceDialog"} <= names
    assert len(CLASSES) > 30


@pytest.mark.parametrize(
    "cls",
    [
        pytest.param(cls, id=f"{cls.__module__}.{cls.__qualname__}")
        for cls in CLASSES
    ],
)
def test_no_binding_on_a_key_that_never_arrives(cls: type[DOMNode]) -> None:
    bad = {key: NEVER_ARRIVE[key] for key in _keys(cls) if key in NEVER_ARRIVE}
    assert not bad, f"{cls.__qualname__}: {bad}"
