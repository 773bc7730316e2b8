"""Generate the example centre's files in examples/ (seeded: the same files every run).

    python examples/generate.py            # writes into the folder of this script

Writes:
- history.csv: 15-minute call counts 2026-03-23 .. 2026-09-30 (27 weeks), 24/7 with weekly and
  daily seasonality, low nights, Chinese holidays (low volume), a partial outage on 2026-07-14.
- team.xlsx and team.toml: the example centre's team for October 2026 (rosterkit.io.example_centre).
- roster-worked.csv: the roster the month was actually worked to, a simple rotation
  (``example_centre.rotation_roster``), in the roster.csv contract. The punches come from it.
- punches-zkteco.xlsx (teams 一组, 二组) and punches-dingtalk.xlsx (team 三组): the month's punches
  with planted defects, listed in defects.csv and in README.md.
- leave.xlsx: the month's leave records as HR keeps them (planned leave, a sick day that was not
  planned, and a two-day leave approved at the wrong level).
"""

from __future__ import annotations

import csv
import random
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np
import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rosterkit import labels  # noqa: E402
from rosterkit.calendar import DayKind, WorkCalendar  # noqa: E402
from rosterkit.io.example_centre import END, START, example_team, rotation_roster  # noqa: E402
from rosterkit.io.team import write_team_toml, write_team_workbook  # noqa: E402
from rosterkit.model import Team  # noqa: E402
from rosterkit.model.leave import LEAVE_NAMES_ZH, Approver, HalfDay, LeaveType  # noqa: E402

SEED = 20261001
HISTORY_START = date(2026, 3, 23)  # a Monday; 27 weeks + 3 days up to 2026-09-30
HISTORY_END = date(2026, 9, 30)
OUTAGE_DAY = date(2026, 7, 14)
OUTAGE_HOURS = (10.0, 13.5)
UNKNOWN_PERSON = ("王小明", "9999")


# ---- history -----------------------------------------------------------------------------------


def intraday_profile() -> np.ndarray:
    """Relative call volume of the 96 quarter hours of a day: morning and afternoon peaks, low nights."""
    hours = np.arange(96) / 4 + 0.125
    shape = (
        0.04
        + 1.00 * np.exp(-0.5 * ((hours - 10.3) / 1.6) ** 2)
        + 0.85 * np.exp(-0.5 * ((hours - 15.0) / 2.0) ** 2)
        + 0.35 * np.exp(-0.5 * ((hours - 20.5) / 1.8) ** 2)
    )
    return shape / shape.sum()


WEEKDAY_FACTOR = (1.18, 1.06, 1.0, 0.98, 0.95, 0.72, 0.62)
KIND_FACTOR = {DayKind.HOLIDAY: 0.35, DayKind.REST: 1.0, DayKind.MAKEUP: 1.0, DayKind.WORKDAY: 1.0}


def history_rows(rng: np.random.Generator) -> list[tuple[str, int]]:
    calendar = WorkCalendar("CN")
    profile = intraday_profile()
    rows: list[tuple[str, int]] = []
    days = (HISTORY_END - HISTORY_START).days + 1
    for i in range(days):
        day = HISTORY_START + timedelta(days=i)
        kind = calendar.kind(day)
        weekday = day.weekday()
        if kind == DayKind.MAKEUP:
            weekday = 4  # a make-up Saturday/Sunday runs like a Friday
        factor = WEEKDAY_FACTOR[weekday]
        if kind == DayKind.HOLIDAY:
            factor = KIND_FACTOR[kind]
        elif kind == DayKind.REST and day.weekday() < 5:
            factor = 0.55  # a bridging day off inside a holiday week
        daily = 2300 * factor * (1 + 0.05 * i / days) * rng.normal(1, 0.03)
        expected = daily * profile
        calls = rng.poisson(expected)
        if day == OUTAGE_DAY:
            q0, q1 = int(OUTAGE_HOURS[0] * 4), int(OUTAGE_HOURS[1] * 4)
            calls[q0:q1] = rng.poisson(expected[q0:q1] * 0.03)
        for q in range(96):
            stamp = datetime.combine(day, time()) + timedelta(minutes=15 * q)
            rows.append((stamp.strftime("%Y-%m-%d %H:%M"), int(calls[q])))
    return rows


def write_history(path: Path, rng: np.random.Generator) -> int:
    rows = history_rows(rng)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["interval_start", "calls"])
        writer.writerows(rows)
    return len(rows)


# ---- the worked roster -------------------------------------------------------------------------


def write_worked_roster(path: Path, team: Team, roster: dict[tuple[str, date], str]) -> int:
    """roster.csv contract: one row per employee per day; leave code on full leave days."""
    shifts = team.shift_by_code
    leave = {
        (lv.employee_id, d): lv.type
        for lv in team.leave
        if lv.half_day is None
        for d in _days(lv.start, lv.end)
    }
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["employee_id", "date", "shift", "start", "end"])
        for emp in team.employees:
            for day in team.days:
                code = roster.get((emp.id, day))
                if code:
                    start, end = shifts[code].span(day)
                    writer.writerow([emp.id, day.isoformat(), code, _ts(start), _ts(end)])
                elif (emp.id, day) in leave:
                    writer.writerow([emp.id, day.isoformat(), leave[(emp.id, day)].value, "", ""])
                else:
                    writer.writerow([emp.id, day.isoformat(), "", "", ""])
                n += 1
    return n


def _ts(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# ---- punches -----------------------------------------------------------------------------------


@dataclass
class Punch:
    employee_id: str
    name: str
    team: str
    moment: datetime
    shift_day: date | None  # the day of the shift the punch belongs to (for 次日 in DingTalk)


@dataclass
class Defect:
    employee_id: str
    day: date
    shift: str
    kind: str
    detail: str


def _normal_in(start: datetime, rng: random.Random) -> datetime:
    return start - timedelta(minutes=rng.randint(3, 15), seconds=rng.randint(0, 59))


def _normal_out(end: datetime, rng: random.Random) -> datetime:
    return end + timedelta(minutes=rng.randint(1, 10), seconds=rng.randint(0, 59))


def make_punches(team: Team, roster: dict[tuple[str, date], str], rng: random.Random):
    """Every worked shift's in and out punch, then the planted defects (returned for the README)."""
    shifts = team.shift_by_code
    people = team.employee_by_id
    half_days = {(lv.employee_id, lv.start): lv.half_day for lv in team.leave if lv.half_day}
    leave_days = {(lv.employee_id, d) for lv in team.leave for d in _days(lv.start, lv.end)}
    worked = sorted((e, d) for (e, d) in roster if START <= d <= END)
    plain = [k for k in worked if k not in leave_days]
    picks = rng.sample(plain, 24)
    # the unplanned sick day and the wrongly approved leave are taken from worked days too
    defects: list[Defect] = []
    plan: dict[tuple[str, date], tuple[str, int]] = {}
    kinds = (
        [("late", m) for m in (8, 15, 25, 48, 75)]
        + [("early_leave", m) for m in (20, 40, 65)]
        + [("missing_in", 0), ("missing_in", 0), ("missing_out", 0), ("missing_out", 0)]
        + [("duplicate", s) for s in (20, 35, 45, 50)]
        + [("absent", 0), ("absent", 0)]
        + [("overtime_after", 95), ("overtime_after", 130), ("overtime_before", 75)]
        + [("sick_unplanned", 0), ("wrong_approval", 0)]
    )
    # a night shift gets the second missing_out so that the overnight case is covered
    nights = [k for k in plain if roster[k] == "N" and k not in picks]
    picks[11] = nights[0]
    for key, (kind, amount) in zip(picks, kinds, strict=False):
        plan[key] = (kind, amount)
    # the wrongly approved leave lasts two days: no punches on the second day either
    for (emp_id, day), (kind, _) in list(plan.items()):
        nxt = (emp_id, day + timedelta(days=1))
        if kind == "wrong_approval" and nxt in roster and nxt not in plan:
            plan[nxt] = ("on_leave", 0)

    punches: list[Punch] = []
    for emp_id, day in worked:
        code = roster[(emp_id, day)]
        emp = people[emp_id]
        start, end = shifts[code].span(day)
        t_in, t_out = _normal_in(start, rng), _normal_out(end, rng)
        kind, amount = plan.get((emp_id, day), ("", 0))
        half = half_days.get((emp_id, day))
        mid = start + (end - start) / 2
        if half == HalfDay.AM:
            t_in = mid - timedelta(minutes=rng.randint(3, 10))
        elif half == HalfDay.PM:
            t_out = mid + timedelta(minutes=rng.randint(1, 5))
        times = [t_in, t_out]
        detail = ""
        if kind == "late":
            times[0] = start + timedelta(minutes=amount, seconds=rng.randint(0, 40))
            detail = f"in at {times[0]:%H:%M}, {amount} min late"
        elif kind == "early_leave":
            times[1] = end - timedelta(minutes=amount, seconds=rng.randint(0, 40))
            detail = f"out at {times[1]:%H:%M}, {amount} min early"
        elif kind == "missing_in":
            times = [t_out]
            detail = "no in punch"
        elif kind == "missing_out":
            times = [t_in]
            detail = "no out punch" + (" (night shift)" if code == "N" else "")
        elif kind == "duplicate":
            times = [t_in, t_in + timedelta(seconds=amount), t_out]
            detail = f"in punch repeated {amount} s later"
        elif kind == "on_leave":
            times = []
        elif kind in ("absent", "sick_unplanned", "wrong_approval"):
            times = []
            detail = {
                "absent": "no punches, no leave (旷工)",
                "sick_unplanned": "no punches; sick leave in leave.xlsx (病假, approved by the manager)",
                "wrong_approval": "no punches; 2-day 事假 in leave.xlsx approved by 班长 (needs 中心经理)",
            }[kind]
        elif kind == "overtime_after":
            times[1] = end + timedelta(minutes=amount, seconds=rng.randint(0, 40))
            detail = f"out at {times[1]:%H:%M}, {amount} min after the end"
        elif kind == "overtime_before":
            times[0] = start - timedelta(minutes=amount, seconds=rng.randint(0, 40))
            detail = f"in at {times[0]:%H:%M}, {amount} min before the start"
        if kind and kind != "on_leave":
            defects.append(Defect(emp_id, day, code, kind, detail))
        punches += [Punch(emp_id, emp.name, emp.team, moment, day) for moment in times]

    # work outside the roster: a rest day and a statutory holiday, on days the person was off
    calendar = WorkCalendar("CN")
    for target_kind, label in ((DayKind.REST, "rest day"), (DayKind.HOLIDAY, "statutory holiday")):
        candidates = [
            (e.id, d)
            for e in team.employees
            for d in team.days
            if calendar.kind(d) == target_kind
            and (e.id, d) not in roster
            and (e.id, d) not in leave_days
            and (e.id, d - timedelta(days=1)) not in roster
            and (e.id, d + timedelta(days=1)) not in roster
        ]
        emp_id, day = rng.choice(sorted(candidates))
        emp = people[emp_id]
        t_in = datetime.combine(day, time(9, 0)) - timedelta(minutes=rng.randint(2, 9))
        t_out = datetime.combine(day, time(14, 0)) + timedelta(minutes=rng.randint(1, 9))
        punches += [Punch(emp_id, emp.name, emp.team, t, None) for t in (t_in, t_out)]
        defects.append(Defect(emp_id, day, "", "work_on_day_off", f"{label}: {t_in:%H:%M}-{t_out:%H:%M}"))

    # someone the team does not know (a visitor's card, a new hire not yet in the system)
    name, number = UNKNOWN_PERSON
    day = date(2026, 10, 8)
    for t in (datetime.combine(day, time(8, 55, 12)), datetime.combine(day, time(18, 4, 40))):
        punches.append(Punch(number, name, "一组", t, None))
    defects.append(
        Defect(number, day, "", "unknown_person", f"{name} ({number}) is not in the team: 2 punches")
    )
    punches.sort(key=lambda p: (p.moment, p.employee_id))
    return punches, defects


ZK_HEADER = ["部门", "姓名", "考勤号码", "日期时间", "机器号", "编号", "比对方式", "卡号"]
DING_HEADER = ["姓名", "工号", "部门", "职位", "考勤日期", "打卡时间", "打卡结果", "打卡地址", "打卡设备"]


def write_zkteco(path: Path, punches: list[Punch]) -> int:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "考勤记录"
    ws.append([f"考勤记录表  {START:%Y-%m-%d} ~ {END:%Y-%m-%d}"])
    ws.append(ZK_HEADER)
    for n, p in enumerate(punches, start=1):
        machine = 1 if p.team == "一组" else 2
        ws.append(
            [
                f"客服中心/{p.team}",
                p.name,
                p.employee_id,
                p.moment.strftime("%Y-%m-%d %H:%M:%S"),
                machine,
                n,
                "指纹",
                "",
            ]
        )
    wb.save(path)
    return len(punches)


def write_dingtalk(path: Path, punches: list[Punch]) -> int:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "原始记录"
    ws.append([f"原始记录  统计日期：{START:%Y-%m-%d} 至 {END:%Y-%m-%d}"])
    ws.append(DING_HEADER)
    for p in punches:
        day = p.shift_day or p.moment.date()
        clock = p.moment.strftime("%H:%M")
        if p.moment.date() > day:
            clock = f"次日 {clock}"
        ws.append(
            [
                p.name,
                p.employee_id,
                f"客服中心-{p.team}",
                "客服专员",
                day.isoformat(),
                clock,
                "正常",
                "客服中心大楼3层",
                "考勤机",
            ]
        )
    wb.save(path)
    return len(punches)


LEAVE_HEADER = ["工号", "姓名", "假别", "开始日期", "结束日期", "半天", "审批人", "备注"]


def write_leave(path: Path, team: Team, defects: list[Defect]) -> int:
    people = team.employee_by_id
    rows = []
    for lv in team.leave:
        rows.append((lv.employee_id, lv.type, lv.start, lv.end, lv.half_day, lv.approved_by, lv.note))
    for d in defects:
        if d.kind == "sick_unplanned":
            rows.append((d.employee_id, LeaveType.SICK, d.day, d.day, None, Approver.MANAGER, "发烧，补假"))
        elif d.kind == "wrong_approval":
            end = d.day + timedelta(days=1)
            rows.append((d.employee_id, LeaveType.PERSONAL, d.day, end, None, Approver.TEAM_LEAD, "家中有事"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "请假记录"
    ws.append(LEAVE_HEADER)
    half = {HalfDay.AM: "上午", HalfDay.PM: "下午"}
    approver = {Approver.TEAM_LEAD: "班长", Approver.MANAGER: "中心经理"}
    for emp_id, kind, start, end, half_day, by, note in rows:
        ws.append(
            [
                emp_id,
                people[emp_id].name,
                LEAVE_NAMES_ZH[kind],
                start,
                end,
                half.get(half_day, "") if half_day else "",
                approver.get(by, "") if by else "",
                note,
            ]
        )
        for col in (4, 5):
            ws.cell(row=ws.max_row, column=col).number_format = "yyyy-mm-dd"
    wb.save(path)
    return len(rows)


def write_defects(path: Path, defects: list[Defect]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["employee_id", "date", "shift", "defect", "detail"])
        for d in sorted(defects, key=lambda d: (d.day, d.employee_id)):
            writer.writerow([d.employee_id, d.day.isoformat(), d.shift, d.kind, d.detail])


def update_readme(path: Path, defects: list[Defect], team: Team) -> None:
    """Rewrite the planted-defects table between its markers in README.md."""
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- defects:start -->", "<!-- defects:end -->"
    if start not in text or end not in text:
        return
    source = {
        e.id: ("punches-dingtalk.xlsx" if e.team == "三组" else "punches-zkteco.xlsx") for e in team.employees
    }
    lines = ["| employee | date | shift | defect | detail | file |", "|---|---|---|---|---|---|"]
    for d in sorted(defects, key=lambda d: (d.day, d.employee_id)):
        file = source.get(d.employee_id, "punches-zkteco.xlsx")
        lines.append(f"| {d.employee_id} | {d.day} | {d.shift or '-'} | {d.kind} | {d.detail} | {file} |")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    path.write_text(before + start + "\n" + "\n".join(lines) + "\n" + end + after, encoding="utf-8")


FIXED_STAMP = "2026-09-30T00:00:00Z"


def freeze_xlsx(path: Path) -> None:
    """Make a saved workbook byte-for-byte reproducible: fixed zip entry times and document dates
    (openpyxl stamps both with the current time), so regenerating leaves git clean."""
    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rf"\g<1>{FIXED_STAMP}\3", text
                )
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 9, 30, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            zout.writestr(fixed, data)
    tmp.replace(path)


def main(out_dir: Path = HERE) -> None:
    labels.set_language("en")
    out_dir.mkdir(parents=True, exist_ok=True)
    np_rng = np.random.default_rng(SEED)
    rng = random.Random(SEED)
    n_history = write_history(out_dir / "history.csv", np_rng)
    team = example_team()
    write_team_workbook(team, out_dir / "team.xlsx")
    write_team_toml(team, out_dir / "team.toml")
    roster = rotation_roster(team)
    n_roster = write_worked_roster(out_dir / "roster-worked.csv", team, roster)
    punches, defects = make_punches(team, roster, rng)
    third = {e.id for e in team.employees if e.team == "三组"}
    n_zk = write_zkteco(out_dir / "punches-zkteco.xlsx", [p for p in punches if p.employee_id not in third])
    n_ding = write_dingtalk(out_dir / "punches-dingtalk.xlsx", [p for p in punches if p.employee_id in third])
    n_leave = write_leave(out_dir / "leave.xlsx", team, defects)
    write_defects(out_dir / "defects.csv", defects)
    update_readme(out_dir / "README.md", defects, team)
    for path in sorted(out_dir.iterdir()):
        if path.is_file() and path.suffix == ".xlsx":
            freeze_xlsx(path)
        if path.is_file() and path.suffix in (".csv", ".xlsx", ".toml"):
            path.chmod(0o644)
    print(
        f"history.csv {n_history} rows; team.xlsx/team.toml {len(team.employees)} employees; "
        f"roster-worked.csv {n_roster} rows; punches: zkteco {n_zk}, dingtalk {n_ding}; "
        f"leave.xlsx {n_leave} rows; {len(defects)} planted defects"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
