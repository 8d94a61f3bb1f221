"""Inline editorial markup: signs become marks over plain text, and go back the same."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chancery.model import Block, BlockKind, MarkKind
from chancery.text.markup import bracket_marks, parse_inline, reading_text, to_inline


def spans(source, italic=MarkKind.ITALIC):
    text, marks = parse_inline(source, italic)
    return text, [(m.kind, text[m.start:m.end]) for m in marks]


def test_strike_and_handwriting_in_stalins_draft():
    text, marks = spans("не сбегут от ~~нас~~ *коммунистов* в случае", MarkKind.ADDED)
    assert text == "не сбегут от нас коммунистов в случае"
    assert marks == [(MarkKind.DELETED, "нас"), (MarkKind.ADDED, "коммунистов")]


def test_nested_marks_inside_a_handwritten_passage():
    source = "*Наша сила в <sup>русских кадрах</sup> ~~наших~~ кадрах*"
    text, marks = spans(source, MarkKind.ADDED)
    assert text == "Наша сила в русских кадрах наших кадрах"
    assert (MarkKind.SUPERSCRIPT, "русских кадрах") in marks
    assert (MarkKind.DELETED, "наших") in marks
    assert marks[0] == (MarkKind.ADDED, text)


def test_bold_letters_underline_and_footnote_references():
    assert spans("**Н**ужно") == ("Нужно", [(MarkKind.EMPHASIS, "Н")])
    assert spans("<u>Stalin</u>: yes") == ("Stalin: yes", [(MarkKind.UNDERLINE, "Stalin")])
    text, marks = parse_inline("hours<sup>[1]</sup> and 8<sup>th</sup>")
    assert [(m.kind, m.value) for m in marks] == [(MarkKind.FOOTNOTE_REF, "1"),
                                                  (MarkKind.SUPERSCRIPT, "")]


def test_unmatched_signs_stay_text():
    assert spans("5 * 3 = 15 and a lone ~~ here") == ("5 * 3 = 15 and a lone ~~ here", [])
    assert spans("<sup>never closed") == ("<sup>never closed", [])
    assert spans("\\*escaped\\*") == ("*escaped*", [])


@given(st.text(alphabet=st.sampled_from(list("ab *~<>/supФ\\[]_-#\n")), max_size=60))
def test_writing_back_reads_the_same(source):
    text, marks = parse_inline(source)
    assert parse_inline(to_inline(text, marks)) == (text, marks)


def test_editor_brackets():
    def kinds(text):
        return [(m.kind, text[m.start:m.end], m.value) for m in bracket_marks(text)]

    assert kinds("Com[rade] Filippov [Stalin],") == [
        (MarkKind.EXPANSION, "[rade]", "rade"), (MarkKind.IDENTIFICATION, "[Stalin]", "Stalin")]
    assert kinds("FILIPPOV [Stalin]") == [(MarkKind.IDENTIFICATION, "[Stalin]", "Stalin")]
    assert kinds("Our CC [Central Committee] has") == [
        (MarkKind.EXPANSION, "[Central Committee]", "Central Committee")]
    assert kinds("Liu Shaoqi, Zhu De, [and] Dong Biwu") == [(MarkKind.SUPPLIED, "[and]", "and")]
    assert kinds("[trans. note--'Comrade Filippov' was Stalin's nom de guerre]")[0][::2] == (
        MarkKind.TRANSLATOR_NOTE, "'Comrade Filippov' was Stalin's nom de guerre")
    assert kinds("[signed] Pauls")[0][0] is MarkKind.EDITORIAL
    assert kinds("word [illegible] word")[0][0] is MarkKind.UNCLEAR
    assert kinds("✓ Вы выигрываете") == [(MarkKind.CHECK, "✓", "")]


def test_reading_text_drops_deletions_only():
    text, marks = parse_inline("не-~~которое~~ большее количество")
    block = Block(BlockKind.PARAGRAPH, text, marks)
    assert reading_text(block) == "не- большее количество"
