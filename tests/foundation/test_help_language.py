"""`--help` of every command follows --lang (or the system locale), from the one catalogue."""

from __future__ import annotations

import re

import click
import pytest
from cli_runner import run_cli

from rosterkit import labels
from rosterkit.cli.help_text import (
    command_key,
    display_width,
    first_sentence,
    localise_help,
    localised_options,
    option_key,
    split_wide,
    walk,
)
from rosterkit.cli.main import cli

COMMANDS = [path for path, _ in walk(cli)]
OTHER = {"en": "zh", "zh": "en"}


@pytest.fixture(autouse=True)
def _english_help_afterwards():
    """run_cli leaves the shared click tree in the last language: put English back."""
    yield
    labels.set_language("en")
    localise_help(cli)


def _flat(text: str) -> str:
    """Text without whitespace, so a wrapped rendering compares with the catalogue's text."""
    return re.sub(r"\s+", "", text)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0]


def _command(path: tuple[str, ...]) -> click.Command:
    return dict(walk(cli))[path]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "rosterkit")
def test_help_in_the_chosen_language(path: tuple[str, ...], lang: str):
    result = run_cli("--lang", lang, *path, "--help")
    assert result.exit_code == 0, result.output
    shown = _flat(result.stdout)
    key = command_key(path)
    assert _flat(_first_line(labels.t(key, lang=lang))) in shown
    assert _flat(_first_line(labels.t(key, lang=OTHER[lang]))) not in shown
    for option in localised_options(_command(path)):  # `check` and the groups have none
        option_help = labels.t(option_key(path, option.name), lang=lang)
        assert _flat(option_help) in shown, (key, option.name)
    # click's own help line follows too
    assert ("显示此帮助并退出。" in result.stdout) == (lang == "zh")


def test_help_follows_the_system_locale_by_default(monkeypatch):
    for var in ("ROSTERKIT_LANG", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    zh = run_cli("roster", "--help")
    assert zh.exit_code == 0
    assert "用 CP-SAT 为团队 TEAM" in zh.stdout
    assert "--nondeterministic" in zh.stdout
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    en = run_cli("roster", "--help")
    assert "Solve the duty roster" in en.stdout
    assert "用 CP-SAT" not in en.stdout


def test_group_help_lists_commands_in_chinese():
    result = run_cli("--lang", "zh", "--help")
    assert result.exit_code == 0
    assert "命令" in result.stdout
    assert "用 CP-SAT 为团队 TEAM" in result.stdout  # roster's short help in the command list
    assert "显示版本并退出。" in result.stdout  # --version: click's own text


def test_forecast_group_lists_the_default_commands_options_in_chinese():
    result = run_cli("--lang", "zh", "forecast", "--help")
    assert result.exit_code == 0
    assert "`rosterkit forecast HISTORY` 的选项" in result.stdout
    assert _flat(labels.t("help.forecast.make.start", lang="zh")) in _flat(result.stdout)


def test_every_option_of_every_command_has_help_in_the_catalogue():
    """A new option cannot ship with English-only help: walk the click tree."""
    missing = [
        f"{' '.join(path) or 'rosterkit'} --{option.name}"
        for path, command in walk(cli)
        for option in localised_options(command)
        if option_key(path, option.name) is None
    ]
    assert not missing, missing
    missing_commands = [command_key(path) for path in COMMANDS if command_key(path) not in labels.CATALOGUE]
    assert not missing_commands


def test_every_help_entry_is_used():
    """No stale help text: each help.* entry belongs to a command, an option or its default."""
    used = {"help.forecast.options_section"}
    for path, command in walk(cli):
        used.add(command_key(path))
        for option in localised_options(command):
            key = option_key(path, option.name)
            used.add(key)
            if isinstance(option.show_default, str):
                used.add(f"{key}.default")
    stale = sorted(k for k in labels.CATALOGUE if k.startswith("help.") and k not in used)
    assert not stale, stale


def test_decorator_texts_are_the_catalogue_texts():
    """One copy of each text: the click tree holds exactly the catalogue's text (English here)."""
    labels.set_language("en")
    localise_help(cli)
    for path, command in walk(cli):
        assert command.help == labels.t(command_key(path))
        for option in localised_options(command):
            assert option.help == labels.t(option_key(path, option.name))


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "rosterkit")
def test_chinese_help_fits_80_columns(path: tuple[str, ...], monkeypatch):
    """Chinese characters take two columns: wrapped text stays within 80. Only verbatim example
    lines may be wider, and only those that are as wide in the English help."""
    monkeypatch.setenv("COLUMNS", "80")
    zh = run_cli("--lang", "zh", *path, "--help").stdout.splitlines()
    en = run_cli("--lang", "en", *path, "--help").stdout.splitlines()
    wide = [line for line in zh if display_width(line) > 80 and line not in en]
    assert not wide, wide


def test_wide_text_breaks_between_characters_never_inside_names():
    assert split_wide("加--nondeterministic）。") == ["加", "--nondeterministic）。"]
    assert split_wide("（默认：30）") == ["（默", "认：", "30）"]
    assert split_wide("plain-ascii") == ["plain-ascii"]
    assert display_width("排班 ab") == 7


def test_names_are_never_cut_and_short_notes_stay_whole(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    demo = run_cli("--lang", "zh", "demo", "--help").stdout
    assert "examples/roster-worked.csv" in demo  # not broken after the hyphen
    forecast = run_cli("--lang", "zh", "forecast", "--help").stdout
    assert "[必填]" in forecast and "[默认：CN]" in forecast
    roster = run_cli("--lang", "en", "roster", "--help").stdout
    assert "wall-clock" in roster


def test_command_list_shows_the_first_chinese_sentence():
    assert first_sentence(labels.t("help.demo", lang="zh")) == (
        "在示例中心上依次运行 forecast -> staff -> roster -> attendance，把流程中的每个文件写到 --out。"
    )
