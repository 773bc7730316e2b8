"""Reading leave records (请假记录) from xlsx or csv into ``rosterkit.model.Leave``.

Columns (English or Chinese; title rows above the header are fine): employee_id/工号, name/姓名
(used when the id is missing), start/开始, end/结束 (default: the start), type/类型 (a code or a
Chinese name: 事假, 病假, 年假, 调休, 婚假, 产假, 陪产假, 丧假, 其他), half_day/半天 (am/pm/上午/下午),
approved_by/审批人 (team_lead/班长, manager/经理/中心经理).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

import pandas as pd
from pydantic import ValidationError

from rosterkit.errors import InputError, Location, raise_all
from rosterkit.io.punch_times import to_dates
from rosterkit.io.reasons import reason
from rosterkit.io.sheet_rows import read_keyed_table
from rosterkit.labels import aliases, t
from rosterkit.model.leave import LEAVE_NAMES_ZH, Approver, HalfDay, Leave, parse_leave_type

T = TypeVar("T")

LEAVE_NAMES: dict[str, tuple[str, ...]] = {
    "employee_id": ("employee_id", *aliases("att.col.employee_id"), "员工编号"),
    "name": ("name", *aliases("att.col.name")),
    "start": ("start", *aliases("att.col.start"), "开始日期", "开始时间", "请假开始"),
    "end": ("end", *aliases("att.col.end"), "结束日期", "结束时间", "请假结束"),
    "type": ("type", *aliases("att.col.type"), "请假类型", "假别", "leave_type"),
    "half_day": ("half_day", *aliases("att.col.half_day"), "半天假", "上下午"),
    "approved_by": ("approved_by", *aliases("att.col.approved_by"), "审批", "批准人"),
}
HALF_DAY = {"am": HalfDay.AM, "上午": HalfDay.AM, "pm": HalfDay.PM, "下午": HalfDay.PM}
APPROVERS = {
    "team_lead": Approver.TEAM_LEAD,
    "班长": Approver.TEAM_LEAD,
    "组长": Approver.TEAM_LEAD,
    "manager": Approver.MANAGER,
    "经理": Approver.MANAGER,
    "中心经理": Approver.MANAGER,
    "主管": Approver.MANAGER,
}


def _optional_choice(
    value: object, choices: Mapping[str, T], what: str, where: Location, fix: str
) -> T | None:
    """The choice a cell names (case-insensitive), None for an empty cell; an unknown word is an
    InputError at ``where``."""
    text = _text(value).lower()
    if not text:
        return None
    if text not in choices:
        raise InputError(t("err.leave.unknown_choice", what=what, text=text), where=where, fix=fix)
    return choices[text]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = str(value).strip()
    return (
        ""
        if text in ("nan", "None")
        else text.removesuffix(".0")
        if text.endswith(".0") and text[:-2].isdigit()
        else text
    )


def read_leave(path: Path | str, names: Mapping[str, str] | None = None) -> list[Leave]:
    """The leave records of a file; ``names`` (id -> name) resolves rows that give a name only."""
    table = read_keyed_table(path, LEAVE_NAMES, ("start", "type"), "err.what.leave_file")
    frame = table.frame
    if "employee_id" not in frame and "name" not in frame:
        raise InputError(
            t("err.leave.no_id_column"),
            where=table.sheet.where(row=None),
            fix=t("err.leave.no_id_column.fix"),
        )
    by_name: dict[str, list[str]] = {}
    for emp, name in (names or {}).items():
        by_name.setdefault(name, []).append(emp)
    starts = to_dates(frame["start"], lambda i: table.where(i, "start"))
    ends = to_dates(frame["end"], lambda i: table.where(i, "end")) if "end" in frame else starts
    errors: list[InputError] = []
    records: list[Leave] = []
    known_types = ", ".join(f"{lt.value} ({zh})" for lt, zh in LEAVE_NAMES_ZH.items())
    for i in range(len(frame)):
        row = frame.iloc[i]
        emp = _text(row.get("employee_id"))
        name = _text(row.get("name"))
        if not emp:
            found = by_name.get(name, [])
            if len(found) != 1:
                problem = (
                    t("err.leave.name_unknown", name=name)
                    if not found
                    else t("err.leave.name_ambiguous", name=name, ids=", ".join(found))
                )
                errors.append(
                    InputError(
                        problem,
                        where=table.where(i, "employee_id" if "employee_id" in frame else "name"),
                        fix=t("err.leave.name.fix"),
                    )
                )
                continue
            emp = found[0]
        type_text = _text(row.get("type"))
        leave_type = parse_leave_type(type_text)
        if leave_type is None:
            errors.append(
                InputError(
                    t("err.leave.unknown_type", text=type_text),
                    where=table.where(i, "type"),
                    fix=t("err.fix.one_of", known=known_types),
                )
            )
            continue
        try:
            half = _optional_choice(
                row.get("half_day"),
                HALF_DAY,
                t("err.leave.what.half_day"),
                table.where(i, "half_day"),
                t("err.leave.half_day.fix"),
            )
            approver = _optional_choice(
                row.get("approved_by"),
                APPROVERS,
                t("err.leave.what.approver"),
                table.where(i, "approved_by"),
                t("err.leave.approver.fix"),
            )
        except InputError as error:
            errors.append(error)
            continue
        start = starts.iloc[i]
        end = ends.iloc[i] if pd.notna(ends.iloc[i]) else start
        if pd.isna(start):
            errors.append(
                InputError(
                    t("err.leave.empty_start"), where=table.where(i, "start"), fix=t("err.fix.fill_in")
                )
            )
            continue
        try:
            records.append(
                Leave(
                    employee_id=emp,
                    start=start.date(),
                    end=end.date(),
                    type=leave_type,
                    half_day=half,
                    approved_by=approver,
                    note=name,
                )
            )
        except ValidationError as exc:
            problem = "; ".join(reason(e) for e in exc.errors())
            errors.append(
                InputError(
                    t("err.sentence", text=problem),
                    where=table.where(i, "end"),
                    fix=t("err.leave.bad_dates.fix"),
                )
            )
    raise_all(errors)
    return records
