"""Reading the attendance rules' settings from a TOML or JSON file (field names of
``rosterkit.attendance.AttendanceSettings``, optionally under an ``[attendance]`` table)."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rosterkit.errors import InputError, InputErrors, Location
from rosterkit.io.reasons import reason
from rosterkit.labels import t
from rosterkit.model.attendance_settings import AttendanceSettings


def build_settings(values: Mapping[str, Any], source: Path | str | None = None) -> AttendanceSettings:
    """Settings from a mapping; every invalid field is reported with its name (exit 2)."""
    try:
        return AttendanceSettings(**values)
    except ValidationError as exc:
        errors = [
            InputError(
                t(
                    "err.att.setting",
                    name=".".join(map(str, e["loc"])) or "settings",
                    detail=t("err.att.extra") if e["type"] == "extra_forbidden" else reason(e),
                ),
                where=Location(file=source) if source else None,
                fix=t("err.att.setting.fix", known=", ".join(AttendanceSettings.model_fields)),
            )
            for e in exc.errors()
        ]
        raise (errors[0] if len(errors) == 1 else InputErrors(errors=errors)) from None


def read_settings_file(path: Path | str) -> dict[str, Any]:
    path = Path(path)
    if not path.exists():
        raise InputError(t("err.io.not_found"), where=Location(file=path), fix=t("err.fix.check_path"))
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise InputError(
            t("err.att.bad_settings", detail=exc),
            where=Location(file=path),
            fix=t("err.att.bad_settings.fix"),
        ) from exc
    if isinstance(data, dict) and isinstance(data.get("attendance"), dict):
        data = data["attendance"]
    if not isinstance(data, dict):
        raise InputError(t("err.att.not_table"), where=Location(file=path), fix=t("err.att.not_table.fix"))
    return data
