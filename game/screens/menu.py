"""The main menu: Teamspel · Stappenplan · Oefenen · Rapportage · Decks."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from dilemmas.config import PLACEHOLDER

if TYPE_CHECKING:
    from game.app import IntegerSpelApp

# (button id, label, one-line description, the app's action that opens it)
MENU_ITEMS: tuple[tuple[str, str, str, str], ...] = (
    ("teamspel", "Teamspel", "Bespreek dilemma's met je team, op de beamer.", "open_team_game"),
    ("stappenplan", "Stappenplan", "Werk één dilemma uit in zeven stappen.", "open_walkthroughs"),
    ("oefenen", "Oefenen", "Voor nieuwe collega's, vóór de ambtseed.", "open_practice"),
    ("rapportage", "Rapportage", "Anonieme cijfers voor het jaarverslag.", "open_report"),
    ("decks", "Decks", "De dilemmakaartjes bekijken en controleren.", "open_decks"),
)


def _filled(text: str) -> str:
    """``text``, or nothing while it is still a placeholder such as "[naam invullen]"."""
    return "" if PLACEHOLDER.search(text) else text.strip()


class MainMenuScreen(Screen[None]):
    """Where every visit starts."""

    TITLE = "Hoofdmenu"
    # Focus the first item as the screen is composed: focusing the scroll container first
    # and the button after would make the footer compose twice before the first frame.
    AUTO_FOCUS = "#menu-teamspel"
    HELP: ClassVar[str] = """\
Kies wat je wilt doen. Gebruik de pijltjes en `Enter`, de cijfers `1` tot en met `5`, of de muis.

- **Teamspel** — het Huizen Integer-spel met je team.
- **Stappenplan** — het zeven-stappenplan morele oordeelsvorming.
- **Oefenen** — dilemma's oefenen voordat je de ambtseed aflegt.
- **Rapportage** — de cijfers voor het jaarverslag integriteit.
- **Decks** — de dilemmakaartjes bekijken en fouten vinden.
"""
    BINDINGS: ClassVar[list[BindingType]] = list[BindingType]([
        Binding(str(i + 1), f"app.{item[3]}", item[1], id=f"menu.{item[0]}", tooltip=item[2])
        for i, item in enumerate(MENU_ITEMS)
    ] + [
        Binding("down", "app.focus_next", "Volgende", show=False),
        Binding("up", "app.focus_previous", "Vorige", show=False),
    ])

    def compose(self) -> ComposeResult:
        app = cast("IntegerSpelApp", self.app)
        organisation = app.ctx.config.organisation
        with VerticalScroll(id="menu-scroll"), Center(), Vertical(id="menu"):
            yield Static("Integer-spel", id="menu-title")
            yield Static(f"{organisation} · werkgroep integriteit en omgangsvormen",
                         id="menu-subtitle", markup=False)
            for number, (key, label, description, _action) in enumerate(MENU_ITEMS, 1):
                yield Button(f"{number}  {label}", id=f"menu-{key}", classes="menu-button")
                yield Static(description, classes="menu-description", markup=False)
            yield Static(self._contact_line(), id="menu-contact", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def _contact_line(self) -> str:
        """The first contact, as far as it is filled in: the menu is on the beamer, and what
        the WIO still has to fill in ("[naam invullen]") is told in the start-up notice."""
        contacts = cast("IntegerSpelApp", self.app).ctx.config.contacts
        if not contacts:
            return ""
        first = contacts[0]
        name, reach = _filled(first.name), _filled(first.reach)
        who = f"{first.role}: {name}" if name else first.role
        return f"Vragen of twijfels? {who}{f' — {reach}' if reach else ''}"

    def on_mount(self) -> None:
        self.query_one("#menu-teamspel", Button).focus()
        self.call_after_refresh(cast("IntegerSpelApp", self.app).first_screen_painted)

    @on(Button.Pressed, ".menu-button")
    async def _pressed(self, event: Button.Pressed) -> None:
        for key, _label, _description, action in MENU_ITEMS:
            if event.button.id == f"menu-{key}":
                await self.run_action(f"app.{action}")
                return
