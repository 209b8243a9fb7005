"""``normalize_and_lower`` gives exactly what ``normalize`` and ``scan_form`` give."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from osint_claims import extract_quantities
from osint_claims.numbers import scan_form
from osint_claims.text import _REPLACEMENT, normalize, normalize_and_lower, scan_forms

# Characters that stress the fast path: ASCII replacements, "?", case changes that grow,
# shrink to ASCII or read their context, and wide characters.
_TRICKY = "aZ ?`\t\x0b\x0c\n1,-'\"İIΣσςKkéÉßẞǅﬁ\u212a\U0001f399\ufe0f" + "".join(_REPLACEMENT)


@given(st.text(alphabet=st.sampled_from(_TRICKY)) | st.text())
@example("\u201cAbout\u00a0Two \U0001f399 Thousand\u201d\t`x`?")
@example("ΣΑΣ 3 ΣΑΣ")
@example("İ 3 K\u212a")
def test_same_as_normalize_and_scan_form(text: str) -> None:
    forms = normalize_and_lower(text)
    if forms is None:
        wide = sum(not char.isascii() or char == "?" for char in text)
        assert "\u03a3" in text or wide > len(text) // 32
        return
    plain = normalize(text)
    assert forms == (plain, scan_form(plain, normalized=True))


def test_wide_texts_take_the_fast_path() -> None:
    news = "About 3,000 \u201ctroops\u201d \U0001f399 and 200\u00a0tanks. "
    text = (news + "The ministry said more would follow within the week. " * 4) * 3
    assert normalize_and_lower(text) == (normalize(text), scan_form(text))


def test_capital_sigma_falls_back() -> None:
    text = "ΣΑΣ: about 3,000 troops \U0001f399 and ΟΔΟΣ 200 tanks"
    found = extract_quantities(text)
    assert [(q.text, q.item) for q in found] == [
        ("about 3,000 troops", "troops"),
        ("200 tanks", "tanks"),
    ]


@given(st.text(alphabet=st.sampled_from(_TRICKY)) | st.text())
@example("a\tb`c\x0bd\x0c")
@example("Haitians\u2014some 10,000\u201412,000 5\u2015a")
def test_normalize_replaces_each_character_on_its_own(text: str) -> None:
    # One character for one, each by the table, but a break dash between two characters
    # that are not blanks (and not two digits, a range) keeps the words apart with a blank.
    expected = [_REPLACEMENT.get(char, char) for char in text]
    for at, char in enumerate(text):
        if char in "\u2014\u2015" and 0 < at < len(text) - 1:
            before, after = text[at - 1], text[at + 1]
            digits = before in "0123456789" and after in "0123456789"
            if not (before.isspace() or after.isspace() or digits):
                expected[at] = " "
    assert normalize(text) == "".join(expected)


@given(st.text(alphabet=st.sampled_from(_TRICKY)) | st.text())
@example("About 3\u00a0000 troops came, the ministry said; the Kelvin sign \u212a is a K.")
@example("\u201cAbout\u201d " + "x" * 64 + " \u0130 \U0001f399")
def test_the_ascii_copy_holds_the_letters_and_digits_of_the_lower_case(text: str) -> None:
    forms = scan_forms(text)
    if forms is None:
        return
    plain, scan, ascii_scan = forms
    assert (plain, scan) == normalize_and_lower(text)
    if ascii_scan is not None:
        # The same ASCII letters and digits where the lower case has them; other bytes
        # only elsewhere.
        assert len(ascii_scan) == len(scan)
        for char, byte in zip(scan, ascii_scan, strict=True):
            if char.isascii() and char.isalnum():
                assert byte == ord(char)
            else:
                assert not chr(byte).isalnum()
