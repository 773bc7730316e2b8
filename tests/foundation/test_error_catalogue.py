"""Error messages come from the bilingual catalogue: both texts of every error key take the same
fields, locations render in Chinese under --lang zh, and no InputError is built from a bare string."""

from __future__ import annotations

import ast
import string
from pathlib import Path
from typing import Literal

import pytest

from rosterkit import labels
from rosterkit.errors import InputError, Location

PACKAGE = Path(labels.__file__).resolve().parent.parent
ERROR_KEY_MARKS = ("err.", ".err.", ".fix.")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _error_keys() -> list[str]:
    return [k for k in labels.CATALOGUE if k.startswith("err.") or any(m in k for m in ERROR_KEY_MARKS[1:])]


def test_error_keys_have_both_texts_with_the_same_fields():
    keys = _error_keys()
    assert len(keys) > 150  # err.* here plus team.err.* / team.fix.*
    for key in keys:
        en, zh = labels.CATALOGUE[key]
        assert en.strip() and zh.strip(), key
        assert _fields(en) == _fields(zh), key
        assert "" not in _fields(en), f"{key}: positional {{}} cannot be filled by t(key, **fields)"
        assert not _fields(en) & {"key", "lang"}, f"{key}: a field named like t()'s own parameters"


def test_every_error_key_formats_in_both_languages():
    for key in _error_keys():
        fields = {name: "x" for name in _fields(labels.CATALOGUE[key][0])}
        for lang in labels.LANGUAGES:
            assert labels.t(key, lang=lang, **fields)


def test_error_module_is_merged_into_the_catalogue():
    from rosterkit.labels import errors

    assert set(errors.LABELS) <= set(labels.CATALOGUE)
    assert all(k.startswith("err.") for k in errors.LABELS)


def test_location_and_message_in_english_stay_as_before():
    e = InputError(
        "'x' is not a date.", where=Location("dir/team.xlsx", "Leave", 5, "start"), fix="Write YYYY-MM-DD."
    )
    assert str(e) == "team.xlsx, sheet 'Leave', row 5, column 'start': 'x' is not a date. Write YYYY-MM-DD."
    assert str(InputError("no target given.", fix="Give one.")) == "no target given. Give one."


def test_location_and_message_in_chinese():
    labels.set_language("zh")
    e = InputError(
        labels.t("err.roster.not_date", value="'x'"),
        where=Location("dir/team.xlsx", "请假", 5, "开始日期"),
        fix=labels.t("err.roster.not_date.fix"),
    )
    assert str(e) == (
        "文件 team.xlsx，工作表 '请假'，第 5 行，列 '开始日期'：日期 'x' 不是有效日期。日期请写作 YYYY-MM-DD。"
    )
    assert str(Location(row=3)) == "第 3 行"


# ---- no English-only message can creep back -----------------------------------------------------

# Files whose InputError sites still pass literal text (none now). Remove a file from here once its
# call sites use t(...).
PENDING: set[str] = set()


def _literal_messages(path: Path) -> list[int]:
    """Lines where InputError(...) gets a string literal or f-string as its problem or fix."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(
            node.func, "attr", None
        )  # InputError / errors.InputError
        if name != "InputError":
            continue
        args = node.args[:1] + [k.value for k in node.keywords if k.arg in ("problem", "fix")]
        if any(isinstance(a, ast.Constant | ast.JoinedStr | ast.BinOp) for a in args):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_input_error_is_built_from_literal_text(path):
    relative = path.relative_to(PACKAGE).as_posix()
    found = _literal_messages(path)
    if relative in PENDING:
        return
    assert not found, f"{relative}: InputError with literal text at line(s) {found}; use t('err....')"


def test_pending_list_is_not_stale():
    for relative in PENDING:
        path = PACKAGE / relative
        if path.exists():
            assert _literal_messages(path), f"{relative} is converted: remove it from PENDING"


def test_pydantic_reasons_in_both_languages():
    from pydantic import BaseModel, Field, ValidationError

    from rosterkit.io.reasons import reason

    class Sample(BaseModel):
        n: int = Field(ge=0)
        kind: Literal["a", "b"] = "a"

    with pytest.raises(ValidationError) as caught:
        Sample(n=-1, kind="c")
    errors = caught.value.errors()
    assert [reason(e) for e in errors] == [
        "Input should be greater than or equal to 0",
        "Input should be 'a' or 'b'",
    ]
    labels.set_language("zh")
    assert [reason(e) for e in errors] == ["应大于或等于 0", "应为 'a' 或 'b'"]


# ---- --lang is in force before any input is read, on every command path --------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["forecast", "{d}/nope.csv", "--start", "2024-01-01", "--end", "2024-01-02", "-o", "{d}/f.csv"],
            "找不到文件",
        ),
        (["forecast", "backtest", "{d}/nope.csv"], "找不到文件"),
        (["forecast", "report", "{d}/nope.csv", "--out", "{d}/rep"], "找不到文件"),
        (["staff", "{d}/nope.csv", "--aht", "180", "--service-level", "80", "-o", "{d}/r.csv"], "找不到文件"),
        (["roster", "{d}/nope.xlsx", "--out", "{d}/out"], "团队文件不存在"),
        (["check", "{d}/roster.csv", "{d}/nope.xlsx"], "团队文件不存在"),
        (["attendance", "{d}/roster.csv", "{d}/p.csv", "--out", "{d}/out"], "排班表没有任何数据行"),
        (["template", "-o", "{d}/roster.csv"], "文件已存在"),
        (["import", "curtois", "{d}/nope.txt", "-o", "{d}/x.toml"], "找不到文件"),
        (["demo", "--out", "{d}/demo", "--examples", "{d}"], "缺少示例文件"),
    ],
    ids=lambda v: " ".join(v[:2]) if isinstance(v, list) else None,
)
def test_every_command_reports_bad_input_in_chinese(tmp_path, args, expected):
    from cli_runner import run_cli

    (tmp_path / "roster.csv").write_text("employee_id,date,shift,start,end\n", encoding="utf-8")
    result = run_cli("--lang", "zh", *(a.format(d=tmp_path) for a in args))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("错误：文件 "), result.stderr  # the location is rendered in Chinese
    assert expected in result.stderr
