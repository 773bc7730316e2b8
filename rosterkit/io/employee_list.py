"""Reading a simple employee list (``employee_id,name``; csv or xlsx, English or Chinese headers),
used to match punches that carry a name but no known id."""

from __future__ import annotations

from pathlib import Path

from rosterkit.errors import InputError
from rosterkit.io.sheet_rows import read_keyed_table
from rosterkit.labels import aliases, t

EMPLOYEE_NAMES: dict[str, tuple[str, ...]] = {
    "employee_id": ("employee_id", *aliases("att.col.employee_id"), "员工编号", "id"),
    "name": ("name", *aliases("att.col.name"), "员工姓名"),
}


def read_employee_list(path: Path | str) -> dict[str, str]:
    """employee id -> name."""
    table = read_keyed_table(path, EMPLOYEE_NAMES, ("employee_id", "name"), "err.what.employee_list")
    found: dict[str, str] = {}
    for i, (emp, name) in enumerate(zip(table.frame["employee_id"], table.frame["name"], strict=True)):
        emp_text = str(emp).strip().removesuffix(".0") if emp is not None else ""
        if not emp_text or emp_text in ("nan", "None"):
            raise InputError(
                t("err.emp.empty_id"), where=table.where(i, "employee_id"), fix=t("err.fix.fill_in")
            )
        if emp_text in found:
            raise InputError(
                t("err.emp.twice", id=emp_text),
                where=table.where(i, "employee_id"),
                fix=t("err.emp.twice.fix"),
            )
        found[emp_text] = "" if name is None else str(name).strip()
    return found
