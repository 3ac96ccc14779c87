from hypothesis import given
from hypothesis import strategies as st

from distans.org.rules import find_cycle, fold, search_terms, search_text


def test_fold_makes_nordic_letters_searchable_without_a_nordic_keyboard():
    assert fold("Øystein Løvås") == "oystein lovas"
    assert fold("Ærø Åström Müller") == "aero astrom muller"


@given(st.text())
def test_every_word_of_a_name_is_found_by_its_own_spelling(name):
    text = search_text(name, "x@example.com", "1")
    assert all(term in text for term in search_terms(name))


@given(st.dictionaries(st.integers(0, 30).map(str), st.integers(0, 30).map(str)))
def test_find_cycle_returns_a_real_cycle_or_none(parent_of):
    cycle = find_cycle(parent_of)
    if cycle is None:
        # Walking up from any node ends (no node is visited twice).
        for start in parent_of:
            seen, node = set(), start
            while node is not None:
                assert node not in seen
                seen.add(node)
                node = parent_of.get(node)
    else:
        for i, node in enumerate(cycle):
            assert parent_of[node] == cycle[(i + 1) % len(cycle)]
