"""The Kazakh, Russian and English catalogues: complete, up to date, compiled, and live-switchable.

- every message of resources/i18n/ashyq_{kk,ru,en}.ts is finished, non-empty, with all its numerus
  forms, and keeps the source's placeholders (%1, %2, %n) and symbols (arrows, ✔, ✖, ●, ○);
- lupdate over the sources (app.i18n.sources()) finds no text the catalogues lack, and none they
  keep for nothing;
- the committed .qm files are exactly what lrelease makes of the .ts files;
- each .qm loads and translates the key words of docs/GLOSSARY.md, plural forms included;
- a widget changes language at run time through app.i18n.LanguageSwitcher.

After adding or changing a visible string: `python3 tools/i18n_fill.py` (or `python3 -m app.i18n`
and translate the new messages by hand), then run this file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app import i18n

LANGS = tuple(i18n.LANGUAGES)
# The forms lupdate asks for: Russian 1 / 2-4 / 5+; English 1 / many; Kazakh 2 (Qt has no rule of
# its own for kk and falls back to two forms; Kazakh nouns do not change after a number, so both
# hold the same text).
NUMERUS_FORMS = {"kk": 2, "ru": 3, "en": 2}
PLACEHOLDER = re.compile(r"%(?:n|L?\d)")
SYMBOLS = "→←✔✖●○·—…"

Key = tuple[str, str, bool]  # (context, source, numerus)


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            yield name, message


def _key(context: str, message: ET.Element) -> Key:
    return context, message.findtext("source") or "", message.get("numerus") == "yes"


def _keys(ts: Path) -> set[Key]:
    return {_key(context, message) for context, message in _messages(ts)}


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


# --- (a) complete ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang: str) -> None:
    problems: list[str] = []
    count = 0
    for context, message in _messages(i18n.ts_path(lang)):
        count += 1
        source = message.findtext("source") or ""
        where = f"{context}: {source!r}"
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            problems.append(f"unfinished {where}")
            continue
        forms = _forms(message)
        if message.get("numerus") == "yes" and len(forms) != NUMERUS_FORMS[lang]:
            problems.append(f"{len(forms)} numerus forms, {NUMERUS_FORMS[lang]} wanted: {where}")
        for form in forms:
            if not form.strip():
                problems.append(f"empty translation {where}")
                continue
            wanted = set(PLACEHOLDER.findall(source))
            if message.get("numerus") == "yes":
                wanted.add("%n")
            got = set(PLACEHOLDER.findall(form))
            if wanted != got:
                problems.append(
                    f"placeholders {sorted(got)} != {sorted(wanted)}: {where} -> {form!r}"
                )
            lost = [s for s in SYMBOLS if s in source and s not in form]
            if lost:
                problems.append(f"symbols {lost} dropped: {where} -> {form!r}")
            if source.startswith(" ") != form.startswith(" "):
                problems.append(f"leading space differs: {where} -> {form!r}")
        if lang == "en" and message.get("numerus") != "yes" and forms != [source]:
            problems.append(f"English differs from the source: {where} -> {forms!r}")
    assert count > 100, f"{lang}: only {count} messages: is this the right catalogue?"
    assert not problems, f"{lang}:\n" + "\n".join(problems)


def test_the_three_catalogues_hold_the_same_messages() -> None:
    keys = {lang: _keys(i18n.ts_path(lang)) for lang in LANGS}
    for lang in LANGS[1:]:
        assert keys[lang] == keys[LANGS[0]], f"{lang} and {LANGS[0]} differ"


# Sources whose Kazakh / Russian text may equal the English (brand names, codes); none yet.
SAME_IN_ALL_LANGUAGES: set[str] = set()


@pytest.mark.parametrize("lang", ("kk", "ru"))
def test_translations_are_not_left_in_english(lang: str) -> None:
    """A copied English source is a forgotten translation (codes and symbols aside)."""
    same = [
        f"{context}: {source!r}"
        for context, message in _messages(i18n.ts_path(lang))
        for source in [message.findtext("source") or ""]
        if source not in SAME_IN_ALL_LANGUAGES
        and re.search("[A-Za-z]{3}", PLACEHOLDER.sub("", source))
        and any(form == source for form in _forms(message))
    ]
    assert not same, f"{lang}: untranslated:\n" + "\n".join(same)


# --- (b) up to date ----------------------------------------------------------------------------


def test_qt_tools_are_found_without_an_activated_environment() -> None:
    """A fresh clone's `./run test` activates nothing: lupdate/lrelease come from beside python."""
    import os
    import sys

    code = "from app import i18n; print(i18n.environment_tool('pyside6-lrelease'))"
    env = {**os.environ, "PATH": os.defpath, "PYTHONPATH": str(Path(i18n.__file__).parents[1])}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    found = Path(done.stdout.strip())
    assert found.is_file() and found.parent == Path(sys.executable).parent, found


def test_a_missing_tool_is_named_in_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(i18n.ToolMissing, match="pyside6-no-such-tool not found beside"):
        i18n.environment_tool("pyside6-no-such-tool")


def test_catalogues_are_up_to_date_with_the_source(tmp_path: Path) -> None:
    copies = []
    for lang in LANGS:
        copy = tmp_path / i18n.ts_path(lang).name
        shutil.copyfile(i18n.ts_path(lang), copy)
        copies.append(copy)
    files = [str(p) for p in i18n.sources()]
    assert any(p.endswith("verdict.py") for p in files)
    subprocess.run(
        [
            i18n.environment_tool("pyside6-lupdate"),
            *files,
            "-no-obsolete",
            "-ts",
            *map(str, copies),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for lang, copy in zip(LANGS, copies, strict=True):
        committed, fresh = _keys(i18n.ts_path(lang)), _keys(copy)
        missing = sorted(fresh - committed)
        stale = sorted(committed - fresh)
        assert not missing, (
            f"{lang}: strings in the source but not in the catalogue "
            f"(run python3 tools/i18n_fill.py): {missing}"
        )
        assert not stale, f"{lang}: messages no longer in the source: {stale}"


def test_every_literal_tr_call_is_in_the_catalogue() -> None:
    """A second look, independent of lupdate's parser: each tr()/translate() literal is there."""
    import ast

    keys = {(context, source) for context, source, _ in _keys(i18n.ts_path("ru"))}
    sources = {source for _, source in keys}
    missing = []
    for path in i18n.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if node.func.attr == "tr" and args and isinstance(args[0], str):
                if args[0] not in sources:
                    missing.append(f"{path.name}:{node.lineno}: {args[0]!r}")
            elif (
                node.func.attr == "translate"
                and len(args) >= 2
                and isinstance(args[0], str)
                and isinstance(args[1], str)
                and (args[0], args[1]) not in keys
            ):
                missing.append(f"{path.name}:{node.lineno}: {args[0]}/{args[1]!r}")
    assert not missing, "not in the catalogues:\n" + "\n".join(missing)


# --- (c) compiled ------------------------------------------------------------------------------


def test_committed_qm_files_match_the_ts_files(tmp_path: Path) -> None:
    made = i18n.compile_catalogues(tmp_path)
    assert len(made) == len(LANGS)
    for lang, fresh in zip(LANGS, made, strict=True):
        assert fresh.parent == tmp_path
        committed = i18n.qm_path(lang)
        assert committed.is_file(), f"{committed.name} is missing: run python3 -m app.i18n"
        assert committed.read_bytes() == fresh.read_bytes(), (
            f"{committed.name} is not compiled from {i18n.ts_path(lang).name}: "
            "run python3 -m app.i18n --compile-only"
        )


# --- (d) loadable ------------------------------------------------------------------------------

KEY_WORDS = {
    "kk": {
        ("Texts", "GREEN"): "ЖАСЫЛ",
        ("Texts", "BLUE"): "КӨК",
        ("Texts", "YELLOW"): "САРЫ",
        ("Texts", "RED"): "ҚЫЗЫЛ",
        ("Texts", "ADMIT"): "КІРУГЕ РҰҚСАТ",
        ("Texts", "DO NOT ADMIT"): "КІРГІЗБЕУ",
        ("Texts", "CHECK"): "ТЕКСЕРУ",
        ("DoorScreen", "→ ENTRY"): "→ КІРУ",
        ("DoorScreen", "← EXIT"): "← ШЫҒУ",
        ("DoorScreen", "IIN, 12 digits"): "ЖСН, 12 сан",
    },
    "ru": {
        ("Texts", "GREEN"): "ЗЕЛЁНЫЙ",
        ("Texts", "BLUE"): "СИНИЙ",
        ("Texts", "YELLOW"): "ЖЁЛТЫЙ",
        ("Texts", "RED"): "КРАСНЫЙ",
        ("Texts", "ADMIT"): "ПРОПУСТИТЬ",
        ("Texts", "DO NOT ADMIT"): "НЕ ПРОПУСКАТЬ",
        ("Texts", "CHECK"): "ПРОВЕРИТЬ",
        ("DoorScreen", "→ ENTRY"): "→ ВХОД",
        ("DoorScreen", "← EXIT"): "← ВЫХОД",
        ("DoorScreen", "IIN, 12 digits"): "ИИН, 12 цифр",
    },
    "en": {
        ("Texts", "GREEN"): "GREEN",
        ("Texts", "DO NOT ADMIT"): "DO NOT ADMIT",
        ("DoorScreen", "→ ENTRY"): "→ ENTRY",
    },
}


@pytest.mark.parametrize("lang", LANGS)
def test_qm_loads_and_translates_key_words(lang: str, qapp: QCoreApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path(lang))), f"cannot load {i18n.qm_path(lang)}"
    assert translator.language() == {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}[lang]
    for (context, source), wanted in KEY_WORDS[lang].items():
        assert translator.translate(context, source) == wanted, (context, source)


PLURALS = {
    # (context, source): {lang: {n: text}}
    ("VisitLogScreen", "%n visit(s)"): {
        "ru": {
            1: "1 посещение",
            3: "3 посещения",
            5: "5 посещений",
            21: "21 посещение",
            12: "12 посещений",
        },  # fmt: skip
        "kk": {1: "1 келу", 7: "7 келу"},
        "en": {1: "1 visit", 2: "2 visits"},
    },
    ("SyncStatusBar", "Waiting to send: %n"): {
        "ru": {1: "Ждут отправки: 1", 5: "Ждут отправки: 5"},
        "kk": {3: "Жіберуді күтуде: 3"},
        "en": {1: "Waiting to send: 1", 4: "Waiting to send: 4"},
    },
}


@pytest.fixture
def restore_language(qapp: QCoreApplication) -> Iterator[i18n.LanguageSwitcher]:
    locale = QLocale()
    switcher = i18n.LanguageSwitcher(qapp)
    try:
        yield switcher
    finally:
        switcher.switch("en")
        QLocale.setDefault(locale)


@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms_follow_the_language(lang: str, qapp: QCoreApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path(lang)))
    assert qapp.installTranslator(translator)
    try:
        for (context, source), by_lang in PLURALS.items():
            for n, wanted in by_lang[lang].items():
                assert QCoreApplication.translate(context, source, "", n) == wanted, (source, n)
    finally:
        qapp.removeTranslator(translator)


# --- (e) live switch ---------------------------------------------------------------------------

BANNER = {
    "en": ("READY", "CHECK", "BLUE", "✔ Admit (Enter)"),
    "ru": ("ГОТОВ", "ПРОВЕРИТЬ", "СИНИЙ", "✔ Пропустить (Enter)"),
    "kk": ("ДАЙЫН", "ТЕКСЕРУ", "КӨК", "✔ Кіргізу (Enter)"),
}


def test_switcher_installs_each_language(restore_language: i18n.LanguageSwitcher) -> None:
    for lang in ("ru", "kk", "en", "kk"):
        assert restore_language.switch(lang)
        assert restore_language.language == lang
        assert QCoreApplication.translate("Texts", "GREEN") == KEY_WORDS[lang][("Texts", "GREEN")]


def _blue_check() -> object:
    from app.views.verdict import VerdictView

    return VerdictView(
        verdict="needs_check",
        status="blue",
        reason="pcr_certificate_required",
        message="Blue status: admit only after you have seen a negative PCR certificate.",
    )


def _banner_texts(idle: object, banner: object) -> tuple[str, str, str, str]:
    return (
        idle.headline.text(),  # type: ignore[attr-defined]
        banner.headline.text(),  # type: ignore[attr-defined]
        banner.status_label.text(),  # type: ignore[attr-defined]
        banner.confirm_button.text(),  # type: ignore[attr-defined]
    )


def test_verdict_banner_texts_in_each_language(
    qtbot, restore_language: i18n.LanguageSwitcher
) -> None:
    """The banner's words come from the catalogue in force (re-read on retranslate())."""
    from app.views.verdict import VerdictBanner

    banner, idle = VerdictBanner(hold_seconds=600), VerdictBanner(hold_seconds=600)
    qtbot.addWidget(banner)
    qtbot.addWidget(idle)
    banner.show_verdict(_blue_check())  # type: ignore[arg-type]
    for lang in ("ru", "kk", "en", "ru"):
        assert restore_language.switch(lang)
        banner.retranslate()
        idle.retranslate()
        assert _banner_texts(idle, banner) == BANNER[lang]


def test_verdict_banner_switches_language_without_restart(
    qtbot, restore_language: i18n.LanguageSwitcher
) -> None:
    from app.views.verdict import VerdictBanner

    restore_language.switch("en")
    banner, idle = VerdictBanner(hold_seconds=600), VerdictBanner(hold_seconds=600)
    qtbot.addWidget(banner)
    qtbot.addWidget(idle)  # stays on "ready"
    banner.show_verdict(_blue_check())  # type: ignore[arg-type]
    for lang in ("ru", "kk", "en", "ru"):
        assert restore_language.switch(lang)
        qtbot.waitUntil(lambda lang=lang: _banner_texts(idle, banner) == BANNER[lang], timeout=2000)


GROUP = {
    "en": ("Order 1042", "Group: DO NOT ADMIT", "valid", "RED"),
    "ru": ("Заказ 1042", "Группа: НЕ ПРОПУСКАТЬ", "действителен", "КРАСНЫЙ"),
    "kk": ("Тапсырыс 1042", "Топ: КІРГІЗБЕУ", "жарамды", "ҚЫЗЫЛ"),
}


def test_group_panel_switches_language_without_restart(
    qtbot, restore_language: i18n.LanguageSwitcher
) -> None:
    """A widget with a LanguageChange handler re-reads its texts when the switcher changes."""
    from datetime import UTC, datetime

    from app.services.door_types import MemberView, OrderView
    from app.views.group_panel import GroupPanel

    restore_language.switch("en")
    panel = GroupPanel()
    qtbot.addWidget(panel)
    panel.show_order(
        OrderView(number="1042", session_title="Film", session_start=datetime(2021, 9, 4, 18, tzinfo=UTC),
                  hall=None, group_verdict="deny",
                  members=(MemberView(ticket_code="T1", tariff="adult", state="valid", status="red"),))
    )  # fmt: skip

    def shown() -> tuple[str, str, str]:
        return panel.heading.text(), panel.verdict.text(), panel.members.item(0).text()

    for lang in ("ru", "kk", "en", "kk"):
        heading, verdict, state, colour = GROUP[lang]
        assert restore_language.switch(lang)
        qtbot.waitUntil(lambda heading=heading: shown()[0] == heading, timeout=3000)
        assert shown()[1] == verdict
        assert state in shown()[2] and colour in shown()[2]


def test_every_reason_text_is_in_the_catalogue() -> None:
    """Strings passed through a helper (texts._t) must still reach the catalogue."""
    import ast

    texts = Path(i18n.__file__).resolve().parent / "views" / "texts.py"
    helper_strings = {
        node.args[0].value
        for node in ast.walk(ast.parse(texts.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "_t"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    catalogue = {source for context, source, _ in _keys(i18n.ts_path("ru")) if context == "Texts"}
    missing = sorted(helper_strings - catalogue)
    assert missing == [], f"reason texts the catalogues do not hold: {missing[:3]}"
