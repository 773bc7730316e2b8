"""An independent reading of the Curtois–Qu format and of the benchmark's own objective and hard rules,
written from the benchmark's description (shared/benchmarks/curtois/README.md), sharing no code with
``rosterkit.io.curtois`` or the solver. Tests compare rosterkit's numbers with these."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Grid = dict[str, list[str | None]]  # employee id -> shift per day index (None: off)


@dataclass
class Instance:
    days: int = 0
    length: dict[str, int] = field(default_factory=dict)
    cannot_follow: dict[str, set[str]] = field(default_factory=dict)
    staff: dict[str, list[str]] = field(default_factory=dict)  # raw fields after the id
    days_off: dict[str, set[int]] = field(default_factory=dict)
    on: list[tuple[str, int, str, int]] = field(default_factory=list)
    off: list[tuple[str, int, str, int]] = field(default_factory=list)
    cover: list[tuple[int, str, int, int, int]] = field(default_factory=list)


def read(path: Path) -> Instance:
    inst = Instance()
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            section = line
            continue
        f = line.split(",")
        if section == "SECTION_HORIZON":
            inst.days = int(f[0])
        elif section == "SECTION_SHIFTS":
            inst.length[f[0]] = int(f[1])
            inst.cannot_follow[f[0]] = {s for s in f[2].split("|") if s} if len(f) > 2 else set()
        elif section == "SECTION_STAFF":
            inst.staff[f[0]] = f[1:]
        elif section == "SECTION_DAYS_OFF":
            inst.days_off[f[0]] = {int(d) for d in f[1:] if d}
        elif section == "SECTION_SHIFT_ON_REQUESTS":
            inst.on.append((f[0], int(f[1]), f[2], int(f[3])))
        elif section == "SECTION_SHIFT_OFF_REQUESTS":
            inst.off.append((f[0], int(f[1]), f[2], int(f[3])))
        elif section == "SECTION_COVER":
            inst.cover.append((int(f[0]), f[1], int(f[2]), int(f[3]), int(f[4])))
    return inst


def objective(inst: Instance, grid: Grid) -> int:
    """Shift-on requests not granted + shift-off requests violated + weighted under/over cover."""
    cost = sum(w for e, d, s, w in inst.on if grid[e][d] != s)
    cost += sum(w for e, d, s, w in inst.off if grid[e][d] == s)
    for d, s, need, under, over in inst.cover:
        n = sum(1 for e in grid if grid[e][d] == s)
        cost += under * max(0, need - n) + over * max(0, n - need)
    return cost


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, f in enumerate([*flags, False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            runs.append((start, i - start))
            start = None
    return runs


def hard_breaches(inst: Instance, grid: Grid) -> list[str]:
    """Every breach of the benchmark's hard rules, with its boundary conventions."""
    out: list[str] = []
    h = inst.days
    for e, raw in inst.staff.items():
        row = grid[e]
        limits = {k: int(v) for k, v in (item.split("=") for item in raw[0].split("|") if item)}
        max_min, min_min, max_cons, min_cons, min_off, max_we = (int(x) for x in raw[1:7])
        for s, lim in limits.items():
            if sum(1 for x in row if x == s) > lim:
                out.append(f"{e}: more than {lim} {s}")
        minutes = sum(inst.length[x] for x in row if x)
        if not min_min <= minutes <= max_min:
            out.append(f"{e}: {minutes} minutes outside {min_min}..{max_min}")
        for d in range(h - 1):
            if row[d] and row[d + 1] and row[d + 1] in inst.cannot_follow[row[d]]:
                out.append(f"{e}: {row[d + 1]} after {row[d]} on day {d + 1}")
        work = [x is not None for x in row]
        for start, length in _runs(work):
            if length > max_cons:
                out.append(f"{e}: {length} consecutive shifts from day {start}")
            if length < min_cons and start > 0 and start + length < h:
                out.append(f"{e}: only {length} consecutive shifts from day {start}")
        for start, length in _runs([not w for w in work]):
            if length < min_off and start > 0 and start + length < h:
                out.append(f"{e}: only {length} days off from day {start}")
        weekends = sum(1 for sat in range(5, h, 7) if work[sat] or (sat + 1 < h and work[sat + 1]))
        if weekends > max_we:
            out.append(f"{e}: {weekends} weekends")
        for d in inst.days_off.get(e, set()):
            if row[d]:
                out.append(f"{e}: works on day off {d}")
    return out


def cut(text: str, days: int, staff: int) -> str:
    """A smaller instance: the first ``days`` days and the first ``staff`` employees; per-type limits
    capped at the horizon, total minutes scaled with it, cover capped at half the staff."""
    lines = [line.strip() for line in text.splitlines()]
    after = lines[lines.index("SECTION_HORIZON") + 1 :]
    source_days = int(next(x for x in after if x and not x.startswith("#")))
    kept: list[str] = []
    names: list[str] = []
    section = ""
    for s in lines:
        if s.startswith("SECTION_") or not s or s.startswith("#"):
            section = s if s.startswith("SECTION_") else section
            kept.append(s)
            continue
        f = s.split(",")
        if section == "SECTION_HORIZON":
            kept.append(str(days))
        elif section == "SECTION_STAFF":
            if len(names) >= staff:
                continue
            names.append(f[0])
            f[1] = "|".join(f"{k}={min(int(v), days)}" for k, v in (i.split("=") for i in f[1].split("|")))
            f[2] = str(int(f[2]) * days // source_days)
            f[3] = str(int(f[3]) * days // source_days)
            kept.append(",".join(f))
        elif section == "SECTION_DAYS_OFF":
            ds = [d for d in f[1:] if d and int(d) < days]
            if f[0] in names and ds:
                kept.append(",".join([f[0], *ds]))
        elif section in ("SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS"):
            if f[0] in names and int(f[1]) < days:
                kept.append(s)
        elif section == "SECTION_COVER":
            if int(f[0]) < days:
                f[2] = str(min(int(f[2]), max(1, staff // 2)))
                kept.append(",".join(f))
        else:
            kept.append(s)
    return "\n".join(kept) + "\n"
