"""The visitor page's words in Kazakh, Russian and English, and the language a phone asks for."""

from __future__ import annotations

LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "ru"
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "Кіруді тіркеу",
        "intro": "Мәртебеңізді тексеру үшін ЖСН-іңізді енгізіңіз.",
        "label": "ЖСН (12 цифр)",
        "button": "Мәртебені тексеру",
        "privacy": "Мекеме тек мәртебеңіздің түсін көреді, ЖСН-іңізді көрмейді.",
        "err_length": "ЖСН 12 цифрдан тұрады.",
        "err_characters": "ЖСН тек цифрлардан тұрады.",
        "err_check": "Мұндай ЖСН жоқ: цифрларды тексеріңіз.",
        "registered": "Сіз тіркелдіңіз",
        "show_staff": "Бұл экранды кіреберістегі қызметкерге көрсетіңіз.",
        "checked_at": "Тексерілген уақыты",
        "again": "Басқа адамды тексеру",
        "just_checked": "Бұл ЖСН осы жерде жаңа ғана тіркелді. Қайта тексермес бұрын сәл күтіңіз.",
        "too_many": "Әрекет тым көп. Бір минут күтіп, қайталап көріңіз.",
        "unavailable": "Мәртебе қызметі қазір жауап бермейді. Қызметкерге жеке куәлігіңізді көрсетіңіз.",
        "no_venue": "Мекеме табылмады. QR-кодты қайта сканерлеңіз.",
        "green": "Жасыл",
        "green_note": "ПТР-тесті теріс немесе вакцина алғансыз. Шектеу жоқ.",
        "blue": "Көк",
        "blue_note": "ПТР нәтижесі жоқ, байланыста болмағансыз.",
        "yellow": "Сары",
        "yellow_note": "Сіз COVID-19 науқасымен байланыста болған деп тіркелгенсіз.",
        "red": "Қызыл",
        "red_note": "ПТР-тесті оң. Үйде оқшаулану режимін сақтаңыз.",
        "not_found": "Мәртебе табылмады",
        "not_found_note": "Мәртебеңізді анықтау мүмкін болмады. Қызметкерге жеке куәлігіңізді көрсетіңіз.",
    },
    "ru": {
        "title": "Регистрация на входе",
        "intro": "Введите ИИН, чтобы проверить свой статус.",
        "label": "ИИН (12 цифр)",
        "button": "Проверить статус",
        "privacy": "Заведение видит только цвет вашего статуса, но не ваш ИИН.",
        "err_length": "ИИН состоит из 12 цифр.",
        "err_characters": "ИИН состоит только из цифр.",
        "err_check": "Такого ИИН не существует: проверьте цифры.",
        "registered": "Вы зарегистрированы",
        "show_staff": "Покажите этот экран сотруднику на входе.",
        "checked_at": "Время проверки",
        "again": "Проверить другого человека",
        "just_checked": "Этот ИИН только что зарегистрирован здесь. Подождите немного, прежде чем проверять снова.",
        "too_many": "Слишком много попыток. Подождите минуту и попробуйте снова.",
        "unavailable": "Сервис статусов сейчас не отвечает. Покажите удостоверение личности сотруднику.",
        "no_venue": "Заведение не найдено. Отсканируйте QR-код ещё раз.",
        "green": "Зелёный",
        "green_note": "Отрицательный ПЦР-тест или вы вакцинированы. Ограничений нет.",
        "blue": "Синий",
        "blue_note": "Результата ПЦР нет, вы не контактный.",
        "yellow": "Жёлтый",
        "yellow_note": "Вы зарегистрированы как контактный с заболевшим COVID-19.",
        "red": "Красный",
        "red_note": "Положительный ПЦР-тест. Соблюдайте домашний карантин.",
        "not_found": "Статус не найден",
        "not_found_note": "Не удалось определить ваш статус. Покажите удостоверение личности сотруднику.",
    },
    "en": {
        "title": "Check in at the entrance",
        "intro": "Enter your IIN to check your status.",
        "label": "IIN (12 digits)",
        "button": "Check my status",
        "privacy": "The venue sees only the colour of your status, never your IIN.",
        "err_length": "An IIN has 12 digits.",
        "err_characters": "An IIN has only digits.",
        "err_check": "This IIN does not exist: please check the digits.",
        "registered": "You are checked in",
        "show_staff": "Show this screen to the staff at the entrance.",
        "checked_at": "Checked at",
        "again": "Check another person",
        "just_checked": "This IIN was checked in here a moment ago. Please wait a little before checking it again.",
        "too_many": "Too many attempts. Please wait a minute and try again.",
        "unavailable": "The status service is not answering right now. Please show your ID to the staff.",
        "no_venue": "Venue not found. Please scan the QR code again.",
        "green": "Green",
        "green_note": "Negative PCR test or vaccinated. No restrictions.",
        "blue": "Blue",
        "blue_note": "No PCR result, and not a contact of a case.",
        "yellow": "Yellow",
        "yellow_note": "You are registered as a contact of a COVID-19 case.",
        "red": "Red",
        "red_note": "Positive PCR test. Please stay in home isolation.",
        "not_found": "Status not found",
        "not_found_note": "Your status could not be determined. Please show your ID to the staff.",
    },
}

# IinError codes -> the sentence shown under the field (the server's check repeats the page's).
IIN_ERROR_TEXT = {
    "empty": "err_length",
    "length": "err_length",
    "characters": "err_characters",
    "check_digit": "err_check",
    "never_issued": "err_check",
}


def pick_language(query_lang: str | None, accept_language: str | None) -> str:
    """The page's language: an explicit switch first, then the phone's preferences in order."""
    if query_lang in LANGUAGES:
        return query_lang
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and weight > 0:
            ranked.append((-weight, position, primary))
    return sorted(ranked)[0][2] if ranked else DEFAULT_LANGUAGE
