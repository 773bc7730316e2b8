import pytest

from rosterkit import labels


def test_every_label_has_both_languages():
    for key, (en, zh) in labels.CATALOGUE.items():
        assert en.strip() and zh.strip(), key


def test_placeholders_match_between_languages():
    import string

    fmt = string.Formatter()
    for key, (en, zh) in labels.CATALOGUE.items():
        names_en = {f for _, f, _, _ in fmt.parse(en) if f}
        names_zh = {f for _, f, _, _ in fmt.parse(zh) if f}
        assert names_en == names_zh, key


def test_language_choice():
    assert labels.t("weekday.0", lang="zh") == "周一"
    labels.set_language("zh_CN.UTF-8")
    assert labels.t("weekday.0") == "周一"
    labels.set_language("en")
    assert labels.t("weekday.0") == "Mon"
    with pytest.raises(ValueError):
        labels.set_language("fr")


def test_default_language_follows_locale(monkeypatch):
    monkeypatch.delenv("ROSTERKIT_LANG", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert labels.default_language() == "zh"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert labels.default_language() == "en"
