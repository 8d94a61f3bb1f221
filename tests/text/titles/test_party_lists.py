"""Talks "between A, B, and C" with an Oxford comma (issue 18, list 16): a list of names, never
one party "A, B". Persons and a body are the persons' side and the body's; persons alone, the
host named first and his visitors. An office in apposition ("A's office, A, and B") is one
side, and a list with no comma before its "and" keeps its last name as the other side (lists 5
and 12)."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, senders, recipients", [
    # list 16
    ("Note on Conversation Between Nicolae Ceausescu, Ion Gheorghe Maurer, and the Chinese "
     "Communist Party Delegation Led by Deng Xiaoping",
     ["Nicolae Ceausescu", "Ion Gheorghe Maurer"], ["Chinese Communist Party Delegation"]),
    ("Record of a Conversation between Stalin, Kim Il Sung, Pak Heon-yeong, Zhou Enlai, and Peng "
     "Dehuai", ["Stalin"], ["Kim Il Sung", "Pak Heon-yeong", "Zhou Enlai", "Peng Dehuai"]),
    # the same shapes in other wordings
    ("Conversation between Mao Zedong, Liu Shaoqi, and the Albanian Delegation",
     ["Mao Zedong", "Liu Shaoqi"], ["Albanian Delegation"]),
    ("Minutes of the Talks between Cde. Todor Zhivkov, Cde. Zhivko Zhivkov, and the Delegation of "
     "the Cuban Communist Party", ["Todor Zhivkov", "Zhivko Zhivkov"],
     ["Delegation of the Cuban Communist Party"]),
    ("Conversation between Mao Zedong, Kim Il Sung, and Peng Dehuai", ["Mao Zedong"],
     ["Kim Il Sung", "Peng Dehuai"]),
    ("Minutes of the Discussions between Cdes. L.I. Brezhnev, A.N. Kosygin, N.V. Podgorny, and "
     "UAR President Nasser", ["L.I. Brezhnev", "A.N. Kosygin", "N.V. Podgorny"],
     ["UAR President Nasser"]),
    # no list: an office in apposition, and a list with no Oxford comma
    ("Memo of Meeting Between Bulgarian Deputy Foreign Minister, Maria Zaharieva, and North "
     "Korean Ambassador to Bulgaria, Ha Dong-yun", ["Maria Zaharieva"], ["Ha Dong-yun"]),
    ("Discussion between Zhou Enlai, Chen Yi and Xuan Thuy", ["Zhou Enlai", "Chen Yi"],
     ["Xuan Thuy"]),
])
def test_a_list_of_names_splits_into_its_names(title, senders, recipients):
    assert read(title)[1:] == (senders, recipients)
