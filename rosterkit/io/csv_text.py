"""Reading csv text a user hands us: UTF-8, UTF-8 with BOM, or GB18030 (what Excel on Chinese
Windows writes). One place for every csv reader, so they all accept the same files and fail alike."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from rosterkit.errors import InputError, Location
from rosterkit.labels import t

ENCODINGS = ("utf-8-sig", "gb18030")


def decode_csv(path: Path) -> str:
    """The text of a csv file in UTF-8 (with or without BOM) or GB18030."""
    data = Path(path).read_bytes()
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        t("err.io.encoding"),
        where=Location(file=path),
        fix=t("err.io.encoding.fix"),
    )


def read_csv_frame(path: Path, fix: str, **options: object) -> pd.DataFrame:
    """A csv file as a frame of strings (nothing parsed, empty cells as ''); ``fix`` tells the user
    what file was expected when it is no csv table at all."""
    text = decode_csv(path)
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(
            t("err.io.bad_csv", detail=str(exc).splitlines()[0]), where=Location(file=path), fix=fix
        ) from None
