"""Writing outputs safely: to a temporary file beside the target, then renamed into place.

A failed run leaves no half-written output behind, and no output may overwrite an input file
(spec section 7).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from rosterkit.errors import InputError, Location
from rosterkit.labels import t


def _umask_mode(mode: int = 0o666) -> int:
    """The permissions an ordinary ``open(path, "w")`` would give (mkstemp makes files 0600)."""
    current = os.umask(0)
    os.umask(current)
    return mode & ~current


def refuse_overwriting_inputs(outputs: Iterable[Path], inputs: Iterable[Path | None]) -> None:
    """Raise an InputError if an output path is one of the input files."""
    resolved = {Path(p).resolve() for p in inputs if p is not None}
    for out in outputs:
        if Path(out).resolve() in resolved:
            raise InputError(
                t("err.io.overwrite_input"),
                where=Location(file=out),
                fix=t("err.io.overwrite_input.fix"),
            )


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it onto ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, _umask_mode())
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(target: Path | str, text: str, encoding: str = "utf-8") -> Path:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding=encoding)
    return Path(target)


@contextlib.contextmanager
def staged_outputs(out_dir: Path | str) -> Iterator[Path]:
    """For a command that writes several files into ``out_dir``: yield a staging folder inside it;
    when the block succeeds, move every staged file into ``out_dir``; on failure, remove them all."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".rosterkit-", dir=out_dir))
    try:
        yield staging
        for item in sorted(staging.iterdir()):
            os.chmod(item, _umask_mode())
            os.replace(item, out_dir / item.name)
    finally:
        for item in staging.glob("*"):
            item.unlink()
        staging.rmdir()
