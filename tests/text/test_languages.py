"""Paragraph languages: script first, a detector only where scripts are shared."""

from __future__ import annotations

from chancery.text.languages import code_for, detect, parse_language_list, script_of


def test_scripts():
    assert script_of("Передай Мао Цзе-дуну") == "Cyrillic"
    assert script_of("中共中央复周恩来电") == "Han"
    assert script_of("Bierut's Telephone Conversation") == "Latin"
    assert script_of("57") == ""


def test_detect_among_the_records_languages():
    assert detect("Передай Мао Цзе-дуну содержание этой телеграммы.", ("en", "ru")) == "ru"
    assert detect("中央同意你对在华美侨问题的分析", ("en", "zh")) == "zh"
    assert detect("Your telegram dated 3 June has been received.", ("en", "zh")) == "en"
    german = "Der Minister hörte mit sichtbarem Interesse meinen Ausführungen über die " \
             "Entwicklungen in Europa nach dem Referendum in Großbritannien zu."
    assert detect(german, ("en", "de")) == "de"
    english = "The Minister listened with visible interest to my explanations regarding " \
              "developments in Europe after the referendum in Great Britain."
    assert detect(english, ("en", "de")) == "en"
    assert detect("St.: Except for Mikołajczyk?", ("en", "pl")) == "en"  # short: the first
    assert detect("✓ 57", ("en", "ru")) == ""


def test_language_names():
    assert code_for("Russian") == "ru" and code_for("ru") == "ru" and code_for("Klingon") == ""
    assert parse_language_list("Chinese, Russian") == ("zh", "ru")
    assert parse_language_list("German and English") == ("de", "en")


def test_script_runs_mark_each_run_of_another_script_with_its_language():
    from chancery.text.languages import script_runs

    assert script_runs("draft with handwritten corrections (И. В. Сталиным)") == [
        ("draft with handwritten corrections (", ""), ("И. В. Сталиным", "ru"), (")", "")]
    assert script_runs("as Mao Zedong, Мао Цзе-дуну") == [("as Mao Zedong, ", ""),
                                                          ("Мао Цзе-дуну", "ru")]
    assert script_runs("4 февраля 1949 г.") == [("4 ", ""), ("февраля 1949 г", "ru"), (".", "")]
    assert script_runs("中央同意 Zhou") == [("中央同意", "zh"), (" Zhou", "")]
    assert script_runs("Plain English.") == [("Plain English.", "")]
    assert script_runs("Київ", ("uk",)) == [("Київ", "uk")]
