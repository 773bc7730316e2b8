from cli_runner import run_cli


def test_help_lists_every_command():
    result = run_cli("--help")
    assert result.exit_code == 0
    for name in ("forecast", "staff", "roster", "check", "attendance", "template", "import", "demo"):
        assert name in result.stdout


def test_unknown_command_is_usage_error():
    result = run_cli("nonsense")
    assert result.exit_code == 2
    assert "No such command 'nonsense'" in result.stderr
