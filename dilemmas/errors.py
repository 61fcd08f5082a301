"""Errors and located problems that users can cause with decks and config files."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Problem:
    """One problem in a file, located by 1-based line and column, with a Dutch message."""

    path: str
    line: int
    column: int
    message: str
    excerpt: str = field(default="", compare=False)
    """The line as written, for `detail` (empty when not known)."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def detail(self) -> str:
        """The problem with its line below it and a caret under the spot, as linters show it."""
        if not self.excerpt:
            return str(self)
        line = self.excerpt.replace("\t", "    ")
        lead = " " * len(self.excerpt[: max(self.column - 1, 0)].replace("\t", "    "))
        return f"{self}\n    {line}\n    {lead}^"


def attach_excerpts(problems: list[Problem], text: str, limit: int = 200) -> list[Problem]:
    """The problems with the line each points at (the first ``limit``; the rest as they are)."""
    lines = text.split("\n")
    result: list[Problem] = []
    for index, problem in enumerate(problems):
        if index < limit and 1 <= problem.line <= len(lines) and not problem.excerpt:
            line = lines[problem.line - 1].rstrip("\r")
            if line.strip() and len(line) <= 300:
                problem = replace(problem, excerpt=line)
        result.append(problem)
    return result


def end_sentence(text: str) -> str:
    """The text ending a sentence: a full stop added, unless it ends with one, '?' or '!'
    already (a hint such as "bedoel je 'grappen'?" ends its own sentence)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


class DeckError(Exception):
    """A deck could not be loaded; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ConfigError(Exception):
    """The config file could not be read; carries a Dutch message with file and line."""
