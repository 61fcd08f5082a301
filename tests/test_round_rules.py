"""Room wording and percentages for the round screen (issue 11, defects 8 and 11)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sessions.figures import room_phrase, shares


def test_majority_is_called_a_majority_not_divided() -> None:
    phrase = room_phrase({"A": 5, "B": 2, "C": 1, "D": 1})
    assert phrase == "9 stemmen — een meerderheid (56 %) voor A"
    assert "verdeeld" not in phrase


def test_phrases_match_what_the_room_sees() -> None:
    assert room_phrase({"A": 0, "B": 7}) == "7 stemmen — eensgezind voor B"
    assert room_phrase({"A": 8, "B": 1, "C": 1}) == "10 stemmen — een grote meerderheid (80 %) voor A"
    assert room_phrase({"A": 3, "B": 3, "C": 1}) == "7 stemmen — verdeeld tussen A en B"
    assert room_phrase({"A": 4, "B": 3, "C": 3}) == "10 stemmen — verdeeld; de meeste stemmen (40 %) voor A"
    assert room_phrase({"A": 0, "B": 0}) == "nog geen stemmen"


def test_shares_of_thirds_are_equal() -> None:
    assert shares({"A": 1, "B": 1, "C": 1}) == {"A": 33, "B": 33, "C": 33}


@given(st.dictionaries(st.sampled_from("ABCDE"), st.integers(0, 500), min_size=1))
def test_shares_are_each_rounded_on_their_own(counts: dict[str, int]) -> None:
    result = shares(counts)
    total = sum(counts.values())
    assert set(result) == set(counts)
    if total == 0:
        assert all(v == 0 for v in result.values())
        return
    for key, n in counts.items():
        assert abs(result[key] - 100 * n / total) <= 0.5


def test_note_is_scrubbed_before_it_is_cut_and_the_cut_is_told() -> None:
    from game.rules.notes import MAX_NOTE, clean_note, note_message

    typed = "x" * (MAX_NOTE - 10) + " mail jan.jansen@huizen.nl graag"
    note = clean_note(typed)
    assert "huizen.nl" not in note.text and "@" not in note.text
    assert note.removed
    message = note_message(note)
    assert message is not None and "weggehaald" in message
    assert note.cut == (len(note.text) >= MAX_NOTE - 1)
    long = clean_note("a" * (MAX_NOTE + 50))
    assert long.cut and len(long.text) == MAX_NOTE
    assert "ingekort" in (note_message(long) or "")
    assert note_message(clean_note("Kort gesprek.")) is None
    assert "anoniem" not in (message or "")


@given(st.lists(st.sampled_from(["A", "B", "C", None]), max_size=30), st.integers(1, 20))
def test_secret_tally_with_blanco_and_take_back(presses: list[str | None], participants: int) -> None:
    from game.rules.tally import SecretTally

    tally = SecretTally(["A", "B", "C"], participants)
    expected = {"A": 0, "B": 0, "C": 0}
    blanco = 0
    for key in presses:
        ok = tally.cast_blanco() if key is None else tally.cast(key)
        if ok:
            if key is None:
                blanco += 1
            else:
                expected[key] += 1
            # the voter corrects the press and presses the same again
            assert tally.take_back(key)
            assert tally.cast_blanco() if key is None else tally.cast(key)
    assert tally.counts() == expected
    assert tally.blanco == blanco
    assert tally.total == sum(expected.values()) + blanco <= participants
    assert not tally.take_back("A") or expected["A"] > 0
