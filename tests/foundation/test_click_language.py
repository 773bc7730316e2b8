"""click's own command-line errors follow --lang like every other message (exit 2)."""

from __future__ import annotations

from cli_runner import run_cli


def test_missing_argument_in_chinese():
    result = run_cli("--lang", "zh", "roster")
    assert result.exit_code == 2
    assert "用法： rosterkit roster [OPTIONS] TEAM" in result.stderr
    assert "运行 'rosterkit roster --help' 查看帮助。" in result.stderr
    assert "错误：缺少参数 'TEAM'" in result.stderr


def test_out_of_range_option_in_chinese(tmp_path):
    result = run_cli("--lang", "zh", "roster", tmp_path / "t.toml", "--out", tmp_path, "--time-limit", "-1")
    assert result.exit_code == 2
    assert "错误：'--time-limit' 的值无效：-1.0 不在范围 x>=0.1 内。" in result.stderr


def test_unknown_command_in_chinese_before_the_group_runs():
    result = run_cli("--lang", "zh", "rosterx")
    assert result.exit_code == 2
    assert "错误：没有命令 'rosterx'。 您是想用 'roster' 吗？" in result.stderr


def test_english_is_click_unchanged():
    result = run_cli("--lang", "en", "roster")
    assert result.exit_code == 2
    assert "Error: Missing argument 'TEAM'." in result.stderr
    assert "Try 'rosterkit roster --help' for help." in result.stderr
