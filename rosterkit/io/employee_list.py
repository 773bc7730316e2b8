"""Reading a simple employee list (``employee_id,name``; csv or xlsx, English or Chinese headers),
used to match punches that carry a name but no known id."""

from __future__ import annotations

from pathlib import Path

from rosterkit.errors import InputError
from rosterkit.io.sheet_rows import read_keyed_table
from rosterkit.labels import aliases

EMPLOYEE_NAMES: dict[str, tuple[str, ...]] = {
    "employee_id": ("employee_id", *aliases("att.col.employee_id"), "员工编号", "id"),
    "name": ("name", *aliases("att.col.name"), "员工姓名"),
}


def read_employee_list(path: Path | str) -> dict[str, str]:
    """employee id -> name."""
    table = read_keyed_table(path, EMPLOYEE_NAMES, ("employee_id", "name"), "employee list")
    found: dict[str, str] = {}
    for i, (emp, name) in enumerate(zip(table.frame["employee_id"], table.frame["name"], strict=True)):
        emp_text = str(emp).strip().removesuffix(".0") if emp is not None else ""
        if not emp_text or emp_text in ("nan", "None"):
            raise InputError(
                "the employee id is empty.", where=table.where(i, "employee_id"), fix="Fill it in."
            )
        if emp_text in found:
            raise InputError(
                f"employee id '{emp_text}' is listed twice.",
                where=table.where(i, "employee_id"),
                fix="Keep one row per employee.",
            )
        found[emp_text] = "" if name is None else str(name).strip()
    return found
