"""The stappenplan data file: the bundled plan, a WIO's own plan, and located Dutch problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from dilemmas.stappenplan import (
    DEFAULT_CHECKLIST,
    StappenplanError,
    bundled_path,
    load_stappenplan,
    load_stappenplan_or_default,
    parse_stappenplan,
)

SMALL = """\
stappenplan:
  title: Ons eigen plan
steps:
  - id: vraag
    title: Wat is de vraag?
    questions: ["Waar gaat het om?"]
    input: {kind: text, label: De vraag}
  - id: opties
    title: Opties
    questions: ["Wat kun je doen?"]
    input: {kind: options, label: Opties}
  - id: besluit
    title: Besluit
    questions: ["Wat kies je?"]
    hints: [Zeg waarom.]
    input: {kind: decision, label: Besluit}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(StappenplanError) as info:
        parse_stappenplan(text, "plan.yaml")
    return [str(p) for p in info.value.problems]


def test_bundled_plan_has_the_seven_steps_of_the_spec() -> None:
    plan = load_stappenplan()
    assert [s.title for s in plan.steps] == [
        "De morele vraag",
        "Feiten",
        "Betrokkenen",
        "Handelingsmogelijkheden",
        "Argumenten",
        "Afweging en besluit",
        "Verantwoorden en schade beperken",
    ]
    assert [s.input.kind for s in plan.steps] == [
        "text",
        "text",
        "stakeholders",
        "options",
        "arguments",
        "decision",
        "justification",
    ]
    assert all(s.questions for s in plan.steps)
    last = plan.steps[-1].input
    assert "Kun je dit uitleggen aan een inwoner?" in last.checklist
    assert any("krant" in item for item in last.checklist)
    assert last.harm.endswith("hoe beperk je de nadelen?")
    assert plan.path == str(bundled_path())


def test_a_wio_may_use_its_own_shorter_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(SMALL, encoding="utf-8")
    plan = load_stappenplan(path)
    assert plan.title == "Ons eigen plan"
    assert [s.id for s in plan.steps] == ["vraag", "opties", "besluit"]
    step = plan.step("besluit")
    assert step is not None and step.hints == ("Zeg waarom.",)
    assert plan.step_of_kind("arguments") is None


def test_justification_gets_the_default_checklist() -> None:
    text = (
        SMALL
        + "  - id: uitleg\n    title: Uitleg\n    questions: [Uitleggen]\n    input: {kind: justification, label: Uitleg}\n"
    )
    step = parse_stappenplan(text).steps[-1]
    assert step.input.checklist == DEFAULT_CHECKLIST


def test_yaml_syntax_error_is_located() -> None:
    found = problems("steps:\n  - id: [\n")
    assert len(found) == 1
    assert found[0].startswith("plan.yaml:")
    assert "geen geldige YAML" in found[0]


def test_every_problem_is_listed_with_line_and_column() -> None:
    text = SMALL.replace("kind: options", "kind: keuzes").replace(
        "    title: Besluit\n", "    titel: Besluit\n"
    )
    found = problems(text)
    assert any(p.startswith("plan.yaml:11:19:") and "onbekende kind 'keuzes'" in p for p in found)
    assert any(p.startswith("plan.yaml:13:5:") and "onbekende sleutel 'titel'" in p for p in found)
    assert "plan.yaml:12:5: 'title' van de stap ontbreekt." in found


def test_a_decision_step_is_required() -> None:
    text = SMALL.replace("kind: decision", "kind: text")
    assert any("kind 'decision'" in p for p in problems(text))


def test_step_count_between_three_and_twelve() -> None:
    two = SMALL.split("  - id: besluit")[0].replace("kind: options", "kind: decision")
    assert any("3 tot 12 stappen" in p for p in problems(two))


def test_duplicate_ids_and_kinds_are_refused() -> None:
    text = (
        SMALL
        + "  - id: vraag\n    title: Nog een besluit\n    questions: [x]\n    input: {kind: decision, label: B}\n"
    )
    found = problems(text)
    assert any("de stap-id 'vraag' komt twee keer voor" in p for p in found)
    assert any("kind 'decision' mag maar één keer voorkomen" in p for p in found)


def test_arguments_need_options_before_them() -> None:
    text = SMALL.replace("kind: options", "kind: arguments")
    assert any("na een stap met kind 'options'" in p for p in problems(text))


def test_wrong_types_are_named() -> None:
    text = SMALL.replace('questions: ["Waar gaat het om?"]', "questions: Waar gaat het om?")
    assert any("'questions' moet een lijst zijn" in p for p in problems(text))
    assert any("moet een lijst van sleutels en waarden zijn" in p for p in problems("- a\n- b\n"))


def test_unreadable_file_is_a_dutch_problem(tmp_path: Path) -> None:
    with pytest.raises(StappenplanError) as info:
        load_stappenplan(tmp_path / "bestaat-niet.yaml")
    assert "kan niet worden gelezen" in str(info.value)


def test_broken_configured_plan_falls_back_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("steps: 3\n", encoding="utf-8")
    plan, notices = load_stappenplan_or_default(path)
    assert len(plan.steps) == 7
    assert notices and "standaardplan" in notices[0] and str(path) in notices[0]
    assert load_stappenplan_or_default(None)[1] == []


def test_bundled_content_of_issue_15_item_8() -> None:
    from dilemmas.stappenplan import load_stappenplan as load

    plan = load()
    steps = {s.id: s for s in plan.steps}
    assert "Er is geen fout antwoord" not in plan.intro
    assert "geen standaardantwoord" in plan.intro and "grenzen" in plan.intro
    assert any("waarden botsen" in q for q in steps["vraag"].questions)
    assert any("goed ambtenaar" in q for q in steps["argumenten"].questions)
    assert any("zwaarst" in q and "waarom" in q for q in steps["besluit"].questions)
    text = " ".join(steps["verantwoorden"].questions + steps["verantwoorden"].hints)
    assert "informeren" in text and "melden" in text
    assert "spiegel" in text and "krant" in text


def test_the_facts_step_does_not_send_you_to_investigate_a_suspicion() -> None:
    facts = load_stappenplan().steps[1]
    hints = " ".join(facts.hints)
    assert "Zoek het uit" not in hints
    assert "niet zelf speuren" in hints and "bij wie het mag weten" in hints
