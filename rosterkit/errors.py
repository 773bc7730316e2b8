"""One exception family for everything a user can cause or needs to hear about.

The library raises these and never prints or exits; ``rosterkit.cli.main`` maps them to exit codes
(spec section 2) in one place. Every message is ready to show: it says where the problem is and how
to fix it.
Messages are formatted when the error is raised, in the language chosen then (the CLI's ``--lang``
is set before any input is read); the location words come from the catalogue (``err.loc.*``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rosterkit.labels import t


class RosterkitError(Exception):
    """Base of every error rosterkit raises on purpose. ``exit_code`` follows spec section 2."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Location:
    """Where in an input a problem is: file, sheet, 1-based row (as Excel shows it) and column name."""

    file: str | Path | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            parts.append(t("err.loc.file", file=Path(self.file).name))
        if self.sheet is not None:
            parts.append(t("err.loc.sheet", sheet=self.sheet))
        if self.row is not None:
            parts.append(t("err.loc.row", row=self.row))
        if self.column is not None:
            parts.append(t("err.loc.column", column=self.column))
        return t("err.loc.join").join(parts)


class InputError(RosterkitError):
    """Bad input or usage (exit 2). Built from a location, what was found/expected, and the fix."""

    exit_code = 2

    def __init__(self, problem: str, *, where: Location | None = None, fix: str | None = None) -> None:
        self.where = where or Location()
        self.problem = problem
        self.fix = fix
        where_text = str(self.where)
        text = t("err.located", where=where_text, problem=problem) if where_text else problem
        if fix:  # a sentence ending in ASCII (English, whatever the language) keeps a space before the fix
            text = f"{text} {fix}" if text[-1:].isascii() else t("err.with_fix", problem=text, fix=fix)
        super().__init__(text)


@dataclass
class InputErrors(InputError):
    """Several input problems found in one pass, reported together (exit 2)."""

    errors: list[InputError] = field(default_factory=list)

    def __post_init__(self) -> None:
        RosterkitError.__init__(self, "\n".join(e.message for e in self.errors))
        self.where = self.errors[0].where if self.errors else Location()
        self.problem = self.message
        self.fix = None


class InfeasibleError(RosterkitError):
    """No roster exists under the hard rules (exit 3). ``diagnosis`` lists the conflicting rules."""

    exit_code = 3

    def __init__(self, message: str, diagnosis: list[str] | None = None) -> None:
        self.diagnosis = diagnosis or []
        text = message
        if self.diagnosis:
            text += "\n" + "\n".join(f"  - {line}" for line in self.diagnosis)
        super().__init__(text)


class NoSolutionFoundError(RosterkitError):
    """The time limit ended before any roster was found; the problem may still be feasible (exit 3)."""

    exit_code = 3


class HardViolationsError(RosterkitError):
    """``check`` found hard violations (exit 4)."""

    exit_code = 4


def raise_all(errors: list[InputError]) -> None:
    """Raise the collected input errors together (one if there is one), or do nothing."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors=errors)
