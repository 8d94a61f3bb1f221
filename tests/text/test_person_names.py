"""Persons as FRUS lists print them: each form of entry read into the name in natural order,
its other spellings and its nicknames; and which two names may be one person's."""

from __future__ import annotations

import pytest

from chancery.text.person_names import given_agreement, read_listed, same_person

# (as listed, the natural order, other spellings, nicknames with the surname)
LISTED = [
    ("Abrams, Creighton W., Jr.", "Creighton W. Abrams, Jr.", (), ()),
    ("Abrams, General Creighton", "Creighton Abrams", (), ()),
    ("Hoover, Herbert Jr.", "Herbert Hoover, Jr.", (), ()),
    ("Cash, Frank E. Jr.", "Frank E. Cash, Jr.", (), ()),
    ("Boggs, Thomas Hale, Sr.", "Thomas Hale Boggs, Sr.", (), ()),
    ("MacArthur, Douglas II", "Douglas MacArthur II", (), ()),
    ("Irwin, John A., II.", "John A. Irwin II", (), ()),
    ("Stevenson, Adlai E., III", "Adlai E. Stevenson III", (), ()),
    ("Caccia, Sir Harold A.", "Harold A. Caccia", (), ()),
    ("Eden, Rt. Hon. Sir Anthony", "Anthony Eden", (), ()),
    ("Glubb, Lt. Gen. Sir John Bagot", "John Bagot Glubb", (), ()),
    ("Eisenhower, General of the Army Dwight D.", "Dwight D. Eisenhower", (), ()),
    ("Aramburu, Major General Pedro Eugenio", "Pedro Eugenio Aramburu", (), ()),
    ("Radford, Adm., Arthur W.", "Arthur W. Radford", (), ()),
    ("Adenauer, Dr. Konrad", "Konrad Adenauer", (), ()),
    ("Chalfont, Lord", "Lord Chalfont", (), ()),
    ("Cromer, Earl of (George Rowland Stanley Baring)", "Earl of Cromer",
     ("George Rowland Stanley Baring",), ()),
    ("Gore, Sir David Ormsby (Lord Harlech)", "David Ormsby Gore", ("Lord Harlech",), ()),
    ("Chiang Kai-shek, Generalissimo", "Chiang Kai-shek", (), ()),
    ("Ngo Dinh Nhu, Madame (Tran Le Xuan)", "Madame Ngo Dinh Nhu", ("Tran Le Xuan",), ()),
    ("Mao Tse-tung (Mao Zedong)", "Mao Tse-tung", ("Mao Zedong",), ()),
    ("Kim Il Sung (Kim Il-sung)", "Kim Il Sung", ("Kim Il-sung",), ()),
    ("Assad (Asad), Hafez", "Hafez Assad", ("Hafez Asad",), ()),
    ("Canellopoulos (also Kanellopoulos), Panayiotis", "Panayiotis Canellopoulos",
     ("Panayiotis Kanellopoulos",), ()),
    ("Nasser (Nasr, Nassir), Gamal Abd’al", "Gamal Abd’al Nasser",
     ("Gamal Abd’al Nasr", "Gamal Abd’al Nassir"), ()),
    ("Numayri, Ga’far M. (Jaafar Nimeiry, Gaafar Nimeiry)", "Ga’far M. Numayri",
     ("Jaafar Nimeiry", "Gaafar Nimeiry"), ()),
    ("Carter, Jimmy (James E.)", "Jimmy Carter", ("James E. Carter",), ()),
    ("Kim, Chung-yul (Kim Chung-yil)", "Kim Chung-yul", ("Kim Chung-yil",), ()),
    ("Shen, Sampson (Shen Chi)", "Sampson Shen", ("Shen Chi",), ()),
    ("Cho Chong-hwan (Cho, Chung W.)", "Cho Chong-hwan", ("Chung W. Cho",), ()),
    ("Bremer, L. Paul (Jerry)", "L. Paul Bremer", (), ("Jerry Bremer",)),
    ("House, Edward “Colonel,”", "Edward House", (), ("Colonel House",)),
    ("Biester, Edward G., Jr., (Pete)", "Edward G. Biester, Jr.", (), ("Pete Biester",)),
    ("Arends, Representative Leslie C., (R–Illinois)", "Leslie C. Arends", (), ()),
    ("Dueng Van (“Big”) Minh, Major General", "Dueng Van Minh", (), ()),
    ("Jackson C. D.", "C. D. Jackson", (), ()),
    ("Klemstine, James, A.", "James A. Klemstine", (), ()),
    ("Hussein I, ibn Talal", "Hussein I ibn Talal", (), ()),
    ("Faisal II", "Faisal II", (), ()),
    ("Constantine II (also Konstantine)", "Constantine II", (), ()),
]


@pytest.mark.parametrize(("listed", "natural", "others", "nicknames"), LISTED,
                         ids=[row[0] for row in LISTED])
def test_a_listed_name_is_read_into_its_natural_order_and_other_names(listed, natural, others,
                                                                      nicknames):
    person = read_listed(listed)
    assert (person.natural, person.others, person.nicknames) == (natural, others, nicknames)


def test_a_surname_listed_alone_takes_the_given_names_the_entry_goes_on_with():
    person = read_listed("Anghelis", ", General Odysseus, Chief of Staff, Greek Armed Forces, "
                         "1967–1968")
    assert person.natural == "Odysseus Anghelis"
    assert person.description == "Chief of Staff, Greek Armed Forces, 1967–1968"


def test_a_surname_alone_before_a_description_stays_alone():
    person = read_listed("Stalin", ", Generalissimo and Marshal of the Soviet Union Iosif "
                         "Vissarionovich, Chairman of the Council of Ministers")
    assert person.natural == "Stalin"
    assert person.description.startswith("Generalissimo and Marshal")


@pytest.mark.parametrize(("listed", "following", "target"), [
    ("Diem", ", see Ngo Dinh Diem", "Ngo Dinh Diem"),
    ("Loan.", " See Nguyen Ngoc Loan", "Nguyen Ngoc Loan"),
    ("Zhou Enlai", ", see Chou En-lai", "Chou En-lai")])
def test_an_entry_that_points_to_another_says_which(listed, following, target):
    assert read_listed(listed, following).see == target


SAME = [
    ("Cabell, Lt. Gen. C.P.", "Cabell, Lieutenant General Charles Pearre"),
    ("Smith, Walter B.", "Smith, General Walter Bedell"),
    ("Colby, William", "Colby, William E."),
    ("Asad, Hafez", "Assad (Asad), Hafez"),
    ("Hoover, Herbert Jr.", "Hoover, Herbert C., Jr."),
    ("Carter, James E.", "Carter, Jimmy (James E.)"),
]
DIFFERENT = [
    ("Hoover, Herbert", "Hoover, Herbert, Jr."),  # the President and his son
    ("Hoover, J. Edgar", "Hoover, Herbert, Jr."),
    ("Wood, C. Tyler", "Wood, Chalmers"),  # one goes by his middle name
    ("FitzGerald, D.A.", "FitzGerald, Desmond"),
    ("Smith, James H., Jr.", "Smith, General Frederic H., Jr."),
    ("Stevenson, Adlai E., III", "Stevenson, Adlai E."),
    ("Kennedy, Mrs. John F.", "Kennedy, John F."),
    ("Lodge, Henry Cabot, Jr.", "Lodge, John"),
]


@pytest.mark.parametrize(("first", "second"), SAME, ids=[" = ".join(pair) for pair in SAME])
def test_names_of_one_person_agree(first, second):
    assert same_person(read_listed(first), read_listed(second))


@pytest.mark.parametrize(("first", "second"), DIFFERENT,
                         ids=[" != ".join(pair) for pair in DIFFERENT])
def test_names_of_two_people_of_one_surname_do_not(first, second):
    assert not same_person(read_listed(first), read_listed(second))


def test_a_given_name_left_out_is_not_a_whole_agreement():
    assert same_person(read_listed("Brown, George"), read_listed("Brown, George S."))
    assert not same_person(read_listed("Brown, George"), read_listed("Brown, George S."),
                           whole=True)


def test_an_initial_agrees_better_with_itself_than_with_a_name_it_begins():
    entry = read_listed("Wilson, Charles E.")
    assert given_agreement(entry, read_listed("Wilson, Charles E.")) == 2
    assert given_agreement(entry, read_listed("Wilson, Charles Erwin")) == 1.5
