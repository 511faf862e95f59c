"""The printed-text catalogue: complete in kk, ru and en, and each language really that language."""

from __future__ import annotations

import string

import pytest

from app.documents.fonts import BOLD, KAZAKH_LETTERS, REGULAR, missing_glyphs
from app.documents.texts import CATALOGUES, LANGUAGES, reason_text, t


def test_every_id_exists_in_all_three_languages() -> None:
    ids = {lang: set(CATALOGUES[lang]) for lang in LANGUAGES}
    assert ids["kk"] == ids["ru"] == ids["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_is_empty_and_placeholders_match(lang: str) -> None:
    for key, text in CATALOGUES[lang].items():  # type: ignore[index]
        assert text.strip(), key
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        english = {f for _, f, _, _ in string.Formatter().parse(CATALOGUES["en"][key]) if f}
        assert fields == english, key


def test_kazakh_catalogue_is_kazakh_not_russian() -> None:
    kk, ru = CATALOGUES["kk"], CATALOGUES["ru"]
    kazakh_texts = [text for text in kk.values() if set(text) & set(KAZAKH_LETTERS)]
    assert len(kazakh_texts) > len(kk) * 0.6
    same = [
        key
        for key in kk
        if kk[key] == ru[key] and kk[key] not in ("Кассир", "Чек №", "Сеанс", "Тариф", "Билет")
    ]
    assert same == []
    assert not any(set(text) & set(KAZAKH_LETTERS) for text in ru.values())


def test_english_catalogue_has_no_cyrillic() -> None:
    for key, text in CATALOGUES["en"].items():
        assert not any("\u0400" <= ch <= "\u04ff" for ch in text), key


def test_every_catalogue_character_prints_in_the_embedded_font() -> None:
    everything = "".join(text for cat in CATALOGUES.values() for text in cat.values())
    assert missing_glyphs(REGULAR, everything) == set()
    assert missing_glyphs(BOLD, everything) == set()


def test_every_kazakh_letter_has_a_glyph_in_both_faces() -> None:
    assert len(KAZAKH_LETTERS) == 18
    assert missing_glyphs(REGULAR, KAZAKH_LETTERS + "₸№") == set()
    assert missing_glyphs(BOLD, KAZAKH_LETTERS + "₸№") == set()
    assert missing_glyphs(REGULAR, "中") == {"中"}  # the check does see a missing glyph


def test_templates_and_unknown_reasons() -> None:
    assert t("kk", "receipt.vat", rate=12) == "оның ішінде ҚҚС 12 %"
    assert reason_text("ru", "red_isolation") == "Красный статус (домашняя изоляция)"
    assert reason_text("en", "some_new_rule") == "some_new_rule"
    with pytest.raises(KeyError):
        t("ru", "receipt.no_such_id")


def test_every_denial_reason_of_the_admission_rules_is_in_words() -> None:
    from app.core.admission import CELL_REASONS

    admit_only = {"green", "blue", "yellow_essential_shop"}
    codes = (set(CELL_REASONS) - admit_only) | {
        "stale_offline",
        "stale_checkin",
        "no_answer",
        "capacity_full",
    }
    for lang in LANGUAGES:
        for code in codes:
            assert reason_text(lang, code) != code, (lang, code)
