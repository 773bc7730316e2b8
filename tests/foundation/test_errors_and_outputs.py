from pathlib import Path

import openpyxl
import pytest

from rosterkit.errors import InputError, InputErrors, Location, raise_all
from rosterkit.io.atomic import atomic_path, refuse_overwriting_inputs, staged_outputs
from rosterkit.io.excel import set_cell


def test_input_error_names_the_place_and_the_fix():
    err = InputError(
        "shift 'N2' is not defined.", where=Location("team.xlsx", "Employees", 14, "shift"), fix="Add it."
    )
    assert (
        str(err) == "team.xlsx, sheet 'Employees', row 14, column 'shift': shift 'N2' is not defined. Add it."
    )
    assert err.exit_code == 2


def test_errors_are_reported_together():
    with pytest.raises(InputErrors) as info:
        raise_all([InputError("a"), InputError("b")])
    assert info.value.message == "a\nb"
    raise_all([])  # nothing to raise


def test_atomic_write_leaves_nothing_on_failure(tmp_path: Path):
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_staged_outputs_move_all_or_nothing(tmp_path: Path):
    with staged_outputs(tmp_path / "out") as stage:
        (stage / "a.csv").write_text("1")
        (stage / "b.csv").write_text("2")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.csv", "b.csv"]
    with pytest.raises(RuntimeError), staged_outputs(tmp_path / "fail") as stage:
        (stage / "a.csv").write_text("1")
        raise RuntimeError("boom")
    assert list((tmp_path / "fail").iterdir()) == []


def test_output_may_not_overwrite_input(tmp_path: Path):
    src = tmp_path / "team.xlsx"
    src.write_text("x")
    with pytest.raises(InputError, match="overwrite an input"):
        refuse_overwriting_inputs([tmp_path / "team.xlsx"], [src])


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    set_cell(ws, 1, 1, "=SUM(A2:A3)")
    set_cell(ws, 1, 2, "@evil")
    set_cell(ws, 1, 3, 42)
    wb.save(tmp_path / "x.xlsx")
    ws2 = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    assert ws2["A1"].data_type == "s" and ws2["A1"].value == "=SUM(A2:A3)"
    assert ws2["B1"].value == "@evil" and ws2["C1"].value == 42


def test_outputs_get_ordinary_permissions(tmp_path: Path):
    import os
    import stat

    with atomic_path(tmp_path / "a.csv") as tmp:
        tmp.write_text("1")
    with staged_outputs(tmp_path / "out") as stage:
        (stage / "b.csv").write_text("2")
    umask = os.umask(0)
    os.umask(umask)
    for path in (tmp_path / "a.csv", tmp_path / "out" / "b.csv"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
