"""A paragraph's kind from its own text (chancery.text.layout.classify): a cipher office's
transmission log, whatever the case and indentation of its lines, and only a log."""

import pytest

from chancery.model import BlockKind
from chancery.text.layout import Paragraph, classify


@pytest.mark.parametrize("text", [
    # the cable's number and date among the log's lines, lines indented as printed
    "No. 1476/sh\n  Sent by wire on 10/14/50 at 03:15 a.m.\n"
    "\tRECEIVED in Moscow on 10/14/50 at 6:36 a.m.",
    "14 October 1950\n\u2003Deciphered by Morozov on 10/14/50 at 7:45 a.m.",
    "ОТПРАВЛЕНО 4.II.49 г. в 03 ч. 20 м.\nПолучена 4.02.1949 г. 18.30",
])
def test_a_transmission_log_is_a_stamp_whatever_its_lines_case_and_indentation(text):
    assert classify([Paragraph(text, (), "en")], transcription=False)[0][0] is BlockKind.STAMP


@pytest.mark.parametrize("text", [
    "Sentences were read at 10:30 on 5 May.",  # a verb's letters opening another word
    "The cable was sent: 10:30 on 5 May.",  # the verb inside the line, not opening it
    "Sent by wire on 10/14/50 at 03:15 a.m.\nThe Ambassador asked for an answer.",
])
def test_a_block_with_a_line_that_is_no_step_is_not_a_log(text):
    assert classify([Paragraph(text, (), "en")], transcription=False)[0][0] \
        is not BlockKind.STAMP
