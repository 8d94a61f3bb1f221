"""pymorphy3, which the linker and the name keys ask of every new Cyrillic word, reads its
dictionaries in C (DAWG2, a dependency of the package), not with its pure-Python reader."""

from chancery.text.names import _morph, nominative


def test_pymorphy3_reads_its_dictionaries_through_the_c_extension():
    import pymorphy3.dawg

    assert pymorphy3.dawg.EXTENSION_AVAILABLE
    # the analyzer's word list is DAWG2's C class ("dawg"), not dawg_python's
    assert any(base.__module__ == "dawg" for base in type(_morph().dictionary.words).__mro__)


def test_the_dictionaries_answer_as_before():
    """A place's oblique case back to its nominative, through the dictionary's Geox tag."""
    assert nominative("Москве") == "Москва"
    assert nominative("Филиппову") == "Филиппов"
