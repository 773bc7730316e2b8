"""Reading csv text a user hands us: UTF-8, UTF-8 with BOM, or GB18030 (what Excel on Chinese
Windows writes). One place for every csv reader, so they all accept the same files and fail alike."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from rosterkit.errors import InputError, Location

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
        "the file is neither UTF-8 nor GB18030 text.",
        where=Location(file=path),
        fix="Save it from Excel as 'CSV UTF-8' (or as .xlsx) and try again.",
    )


def read_csv_frame(path: Path, fix: str, **options: object) -> pd.DataFrame:
    """A csv file as a frame of strings (nothing parsed, empty cells as ''); ``fix`` tells the user
    what file was expected when it is no csv table at all."""
    text = decode_csv(path)
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(
            f"not a readable CSV table ({str(exc).splitlines()[0]}).", where=Location(file=path), fix=fix
        ) from None
