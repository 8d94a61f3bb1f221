"""The reading room shows a FRUS document's apparatus: footnotes linked both ways, tables,
cross-references to other documents, printed pages, with no markup shown raw."""

from __future__ import annotations

from chancery.web.blocks import READING, render_blocks
from tests.formats.test_frus_reading import read


def rendered(body: str):
    [document] = read(body)[0]
    return render_blocks(document.renditions[0].blocks, READING)


def test_a_footnote_reference_links_to_its_note_and_the_note_back():
    blocks = rendered("""<div type="document" xml:id="d1" n="1"><head>1. Memorandum<note
      n="1" type="source">Source: Kennedy Library. Secret.</note></head>
      <p>Text<note n="2">A footnote.</note> and again.</p></div>""")
    html = "".join(str(block.html) for block in blocks)
    assert 'href="#fn-2"' in html and 'id="fnref-2"' in html
    assert 'aria-label="footnote 2"' in html and 'aria-label="footnote 1"' in html
    [note] = [block for block in blocks if block.kind == "note" and block.n == "2"]
    assert (note.anchor, note.back) == ("fn-2", "#fnref-2")


def test_a_table_is_cells_and_a_cross_reference_is_a_link_to_the_document():
    blocks = rendered("""<div type="document" xml:id="d2" n="2"><head>2. Paper</head>
      <p>See <ref target="#d12">Document 12</ref>.</p><pb n="167"/>
      <table><row><cell>Participants:</cell><cell>The <hi rend="italic">Secretary</hi></cell></row></table></div>""")
    html = "".join(str(block.html) for block in blocks)
    assert 'href="/documents/frus:frus1961-63v99/d12"' in html
    [table] = [block for block in blocks if block.kind == "table"]
    assert [list(map(str, row)) for row in table.rows] == [["Participants:", "The <i>Secretary</i>"]]
    assert [block.n for block in blocks if block.kind == "page"] == ["167"]
