"""The reveal's bars: a label line only where the label says more than the key."""

from __future__ import annotations

from textual.app import App, ComposeResult

from game.widgets.bars import VoteBars


class Host(App[None]):
    def __init__(self, labels: dict[str, str]) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        yield VoteBars({k: 1 for k in self.labels}, self.labels, id="bars")


async def test_a_scale_or_pulse_label_that_repeats_its_key_takes_no_line_at_80_columns() -> None:
    """Seen at 80x24: "2" under the bar of 2 and "Ja" under ja — a row each the room needs."""
    scale = {"1": "1 — Helemaal niet acceptabel", "2": "2", "3": "3", "4": "4", "5": "5 — Prima"}
    async with Host(scale).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bars = pilot.app.query_one(VoteBars)
        text = [line.plain for line in [bars.render()][0].split("\n")]
        assert bars.size.height == 5 + 2 + 1  # five bars, two labels that say more, the words
        assert sum("Helemaal niet acceptabel" in line for line in text) == 1
    async with Host({"ja": "Ja", "nee": "Nee"}).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert pilot.app.query_one(VoteBars).size.height == 2 + 1
