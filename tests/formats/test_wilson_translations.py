"""A record that gives an original and two translations: one rendition per language.

The English and Russian paragraphs are Stalin's cable of 3 February 1949 as the shared record
gives them (samples/wilson/1949-02-03_filippov-to-mikoyan.md); the Chinese paragraphs are a
rendering of the same paragraphs written for this test, standing where the Wilson Center
places a Chinese translation tab (after the English, before the original).
"""

from __future__ import annotations

from chancery.formats import wilson_markdown
from chancery.model import RenditionKind
from tests.conftest import WILSON

SHARED = (WILSON / "1949-02-03_filippov-to-mikoyan.md").read_text(encoding="utf-8")


def paragraph(starting: str) -> str:
    return next(p for p in SHARED.split("\n\n") if p.startswith(starting)).strip()


ENGLISH = [paragraph("TO MIKOYAN:"), paragraph("Convey to Mao Zedong"), paragraph("First. We"),
           paragraph("Second. One should")]
CHINESE = ["致米高扬：", "请将此电内容转告毛泽东。",
           "第一，我们很高兴中国同志掌握了大多数农民和学生，但我们很难过他们在工人阶级中没有占多数。"
           "我们认为这是因为中国共产党人同大工业中心的联系很少。",
           "第二，无论如何必须掌握工农青年和妇女解放运动。可以在青年中建立类似“青年爱国者联盟”的组织，"
           "在妇女运动中建立“民主妇女联盟”。此事不能拖延。"]
RUSSIAN = [paragraph("Передайте Мао"), paragraph("Первое. Мы очень рады, что китайские "
                                                 "товарищи овладели большинством крестьянства "
                                                 "и студенчества, но очень опечалены тем, что "
                                                 "у них нет большинства в рабочем классе. Об'"),
           paragraph("Второе. Нужно")]


def record(*texts: list[str]) -> bytes:
    body = "\n\n".join(p for text in texts for p in text)
    return ("## **February 03, 1949**\n\n### **Cable, Filippov [Stalin] to Anastas Mikoyan**\n\n"
            "#### **Citation:**\n\n\"Cable, Filippov [Stalin] to Anastas Mikoyan\", February 03, "
            "1949, Wilson Center Digital Archive, RGASPI, f. 558, op. 11, d. 344, ll. 0057-0061. "
            "Translated by Sergey Radchenko.  \n<https://digitalarchive.wilsoncenter.org/document/"
            "121768>\n\n#### **Original Language:**\n\nRussian\n\n#### **Contents:**\n\n"
            "- English Translation\n- Chinese Translation\n- Original Transcription\n\n"
            f"{body}\n").encode("utf-8")


def test_original_with_english_and_chinese_translations_gives_one_rendition_each():
    document = wilson_markdown.read(record(ENGLISH, CHINESE, RUSSIAN), "three.md")
    shape = [(r.kind, r.language, len(r.blocks)) for r in document.renditions]
    assert shape == [(RenditionKind.TRANSLATION, "en", 4), (RenditionKind.TRANSLATION, "zh", 4),
                     (RenditionKind.TRANSCRIPTION, "ru", 3)]
    english, chinese, russian = document.renditions
    assert (english.label, chinese.label) == ("English Translation", "Chinese Translation")
    assert english.translator == "Sergey Radchenko" and chinese.translator == ""
    assert not any("毛泽东" in block.text for block in russian.blocks)
    assert russian.blocks[0].text.startswith("Передайте Мао")


def test_two_languages_still_split_once():
    document = wilson_markdown.read(record(ENGLISH, RUSSIAN), "two.md")
    assert [(r.kind, r.language) for r in document.renditions] == [
        (RenditionKind.TRANSLATION, "en"), (RenditionKind.TRANSCRIPTION, "ru")]
