"""Fill the Qt catalogues (resources/i18n/ashyq_{kk,ru,en}.ts) from hand-written translations.

Usage, from the repository root:

    python3 tools/i18n_fill.py            # lupdate, fill, lupdate again (normalise), lrelease
    python3 tools/i18n_fill.py --check    # only list messages that still have no translation

The dictionaries below are the master copy of the Kazakh and Russian texts: a translation written
by hand into a .ts file is kept only for source texts this file does not know. English is the
source text itself; numerus (%n) messages get proper singular / plural forms.
Terms follow docs/GLOSSARY.md. No online service is used: every text here was written by hand.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (source, Kazakh, Russian). A numerus source (%n) has a tuple of forms: Russian 3 (1 / 2-4 / 5+);
# Kazakh nouns do not change after a number, so one form, repeated as many times as lupdate asks.
T = tuple[str, str | tuple[str, ...], str | tuple[str, ...]]

COMMON: list[T] = [
    # --- camera panel -----------------------------------------------------------------------
    (
        "No camera found. Check the cable or choose another camera in Settings.",
        "Камера табылмады. Кабельді тексеріңіз немесе «Баптаулар» бөлімінде басқа камераны таңдаңыз.",
        "Камера не найдена. Проверьте кабель или выберите другую камеру в настройках.",
    ),
    (
        "The camera is used by another program. Close it, then reopen this screen.",
        "Камераны басқа бағдарлама пайдаланып тұр. Оны жауып, осы экранды қайта ашыңыз.",
        "Камеру использует другая программа. Закройте её и снова откройте этот экран.",
    ),
    ("The video ended.", "Бейне аяқталды.", "Видео закончилось."),
    (
        "Camera off. Use the scanner or type the IIN.",
        "Камера өшірулі. Сканерді пайдаланыңыз немесе ЖСН-ді енгізіңіз.",
        "Камера выключена. Используйте сканер или введите ИИН.",
    ),
    ("No picture.", "Кескін жоқ.", "Нет изображения."),
    ("Starting the camera…", "Камера қосылуда…", "Камера запускается…"),
    # --- crash dialog -----------------------------------------------------------------------
    ("Something went wrong", "Бірдеңе дұрыс болмады", "Что-то пошло не так"),
    (
        "The console hit an error it did not expect. Visits already shown are saved. If it happens "
        "again, copy the details and send them to your administrator.",
        "Консольде күтпеген қате пайда болды. Экранда көрсетілген келулер сақталған. Қате "
        "қайталанса, толық мәліметті көшіріп, әкімшіге жіберіңіз.",
        "В консоли произошла непредвиденная ошибка. Уже показанные посещения сохранены. Если это "
        "повторится, скопируйте подробности и отправьте их администратору.",
    ),
    ("Copy details", "Мәліметті көшіру", "Скопировать подробности"),
    # --- door screen ------------------------------------------------------------------------
    (
        "This is the venue's own poster. Scan the visitor's code.",
        "Бұл нысанның өз плакаты. Келушінің кодын сканерлеңіз.",
        "Это плакат самого объекта. Отсканируйте код посетителя.",
    ),
    ("VENUE POSTER", "НЫСАН ПЛАКАТЫ", "ПЛАКАТ ОБЪЕКТА"),
    ("CANNOT READ", "ОҚЫЛМАДЫ", "НЕ ПРОЧИТАНО"),
    (
        "TICKET VALID — check each person",
        "БИЛЕТ ЖАРАМДЫ — әркімді тексеріңіз",
        "БИЛЕТ ДЕЙСТВИТЕЛЕН — проверьте каждого",
    ),
    ("TICKET NOT VALID", "БИЛЕТ ЖАРАМСЫЗ", "БИЛЕТ НЕДЕЙСТВИТЕЛЕН"),
    (
        "Not checked: %1. Scan again; nothing was recorded for this scan.",
        "Тексерілмеді: %1. Қайта сканерлеңіз; бұл сканерлеу тіркелген жоқ.",
        "Не проверено: %1. Отсканируйте ещё раз; это сканирование не записано.",
    ),
    ("ERROR", "ҚАТЕ", "ОШИБКА"),
    ("Already inside", "Қазір ішінде", "Уже внутри"),
    (
        "This person is already inside. Is this an exit?",
        "Бұл адам қазір ішінде. Ол шығып бара ма?",
        "Этот человек уже внутри. Это выход?",
    ),
    ("Supervisor override", "Ауысым жетекшісінің шешімі", "Решение старшего смены"),
    (
        "A supervisor admits this visitor. Supervisor's PIN:",
        "Бұл келушіні ауысым жетекшісі кіргізеді. Жетекшінің PIN-коды:",
        "Старший смены пропускает этого посетителя. PIN-код старшего смены:",
    ),
    (
        "12 digits; spaces and dashes are ignored.",
        "12 сан; бос орын мен сызықшалар ескерілмейді.",
        "12 цифр; пробелы и дефисы не учитываются.",
    ),
    ("Only digits, please.", "Тек сандарды енгізіңіз.", "Только цифры, пожалуйста."),
    ("%1 of 12 digits", "12 саннан %1", "%1 из 12 цифр"),
    (
        "Valid IIN. Press Enter to check.",
        "ЖСН дұрыс. Тексеру үшін Enter пернесін басыңыз.",
        "ИИН верный. Нажмите Enter для проверки.",
    ),
    ("An IIN has exactly 12 digits.", "ЖСН дәл 12 саннан тұрады.", "ИИН состоит ровно из 12 цифр."),
    (
        "Wrong check digit: a digit was mistyped. Check the IIN.",
        "Бақылау саны қате: бір сан қате терілген. ЖСН-ді тексеріңіз.",
        "Неверная контрольная цифра: одна из цифр введена с ошибкой. Проверьте ИИН.",
    ),
    (
        "No such IIN is ever issued. Check the digits.",
        "Мұндай ЖСН берілмейді. Сандарды тексеріңіз.",
        "Такой ИИН не выдаётся. Проверьте цифры.",
    ),
    ("Type the IIN.", "ЖСН-ді енгізіңіз.", "Введите ИИН."),
    ("Not a valid IIN.", "ЖСН жарамсыз.", "Неверный ИИН."),
    ("Inside: %1", "Ішінде: %1", "Внутри: %1"),
    ("Inside: %1 / %2", "Ішінде: %1 / %2", "Внутри: %1 / %2"),
    ("FULL", "ОРЫН ЖОҚ", "МЕСТ НЕТ"),
    ("Door", "Кіреберіс", "Вход"),
    (
        "Type the IIN (no phone, no ID card):",
        "ЖСН-ді енгізіңіз (телефон да, куәлік те жоқ болса):",
        "Введите ИИН (если нет ни телефона, ни удостоверения):",
    ),
    ("IIN, 12 digits", "ЖСН, 12 сан", "ИИН, 12 цифр"),
    ("→ ENTRY", "→ КІРУ", "→ ВХОД"),
    ("← EXIT", "← ШЫҒУ", "← ВЫХОД"),
    (
        "Visitors' own check-ins (poster QR)",
        "Келушілердің өз тіркелуі (плакаттағы QR)",
        "Отметки самих посетителей (QR на плакате)",
    ),
    # --- group panel ------------------------------------------------------------------------
    ("used at %1 at door %2", "пайдаланылды: %1, кіреберіс: %2", "использован в %1, вход: %2"),
    ("valid", "жарамды", "действителен"),
    ("used", "пайдаланылған", "использован"),
    ("refunded", "қайтарылған", "возвращён"),
    ("exchanged", "айырбасталған", "обменян"),
    ("for another session", "басқа сеансқа", "на другой сеанс"),
    ("Group", "Топ", "Группа"),
    (
        "Scan a ticket to see its order here.",
        "Тапсырысты осында көру үшін билетті сканерлеңіз.",
        "Отсканируйте билет, чтобы увидеть здесь его заказ.",
    ),
    ("Order %1", "Тапсырыс %1", "Заказ %1"),
    ("not checked yet", "әлі тексерілмеген", "ещё не проверен"),
    ("Group: %1", "Топ: %1", "Группа: %1"),
    ("Group: check each person", "Топ: әркімді тексеріңіз", "Группа: проверьте каждого"),
    # --- login ------------------------------------------------------------------------------
    (
        "No staff are set up for this station yet. Enroll the station first.",
        "Бұл жұмыс орнына әлі қызметкерлер қосылмаған. Алдымен жұмыс орнын тіркеңіз.",
        "Для этого рабочего места ещё не заведены сотрудники. Сначала зарегистрируйте рабочее место.",
    ),
    ("Choose your name first.", "Алдымен атыңызды таңдаңыз.", "Сначала выберите своё имя."),
    ("Type your PIN.", "PIN-кодыңызды енгізіңіз.", "Введите PIN-код."),
    ("Checking…", "Тексерілуде…", "Проверка…"),
    (
        "Too many wrong PINs. Try again in %n second(s).",
        ("PIN-код тым көп рет қате терілді. %n секундтан кейін қайталаңыз.",),
        (
            "Слишком много неверных PIN-кодов. Повторите через %n секунду.",
            "Слишком много неверных PIN-кодов. Повторите через %n секунды.",
            "Слишком много неверных PIN-кодов. Повторите через %n секунд.",
        ),
    ),
    (
        "Wrong PIN. Try again.",
        "PIN-код қате. Қайталап көріңіз.",
        "Неверный PIN-код. Попробуйте ещё раз.",
    ),
    ("Could not log in: %1", "Жүйеге кіру мүмкін болмады: %1", "Не удалось войти: %1"),
    (
        "Locked by %1. Type your PIN to continue.",
        "Экран құлыпталды (%1). Жалғастыру үшін PIN-кодты енгізіңіз.",
        "Экран заблокирован (%1). Введите PIN-код, чтобы продолжить.",
    ),
    (
        "Who is working at this station?",
        "Мұнда қазір кім жұмыс істейді?",
        "Кто сейчас здесь работает?",
    ),
    ("PIN", "PIN-код", "PIN-код"),
    # --- start-up (app/__main__.py) --------------------------------------------------------
    ("The console cannot start", "Консоль іске қосылмады", "Консоль не может запуститься"),
    (
        "This PC is not enrolled with the central server yet. Ask your administrator for a "
        "one-time code and run: ashyq enroll --server URL --code CODE",
        "Бұл компьютер орталық серверде әлі тіркелмеген. Әкімшіден бір реттік кодты сұрап, мына "
        "пәрменді орындаңыз: ashyq enroll --server URL --code CODE",
        "Этот компьютер ещё не зарегистрирован на центральном сервере. Попросите у администратора "
        "одноразовый код и выполните: ashyq enroll --server URL --code CODE",
    ),
    (
        "The system keyring, where the station's token is kept, is not available. On Windows it is "
        "built in; on Linux install and unlock GNOME Keyring or KWallet.",
        "Жұмыс орнының токені сақталатын жүйелік кілттер қоймасы қолжетімсіз. Windows-та ол "
        "кірістірілген; Linux-та GNOME Keyring немесе KWallet орнатып, құлпын ашыңыз.",
        "Системное хранилище ключей, где хранится токен рабочего места, недоступно. В Windows оно "
        "встроено; в Linux установите и разблокируйте GNOME Keyring или KWallet.",
    ),
    (
        "The database is used by another copy of the console. Close it and try again.",
        "Дерекқорды консольдің басқа данасы пайдаланып тұр. Оны жауып, қайталап көріңіз.",
        "База данных занята другой копией консоли. Закройте её и попробуйте снова.",
    ),
    ("Error: %1", "Қате: %1", "Ошибка: %1"),
    # --- main window ------------------------------------------------------------------------
    (
        "Log in first: scans are checked only when someone is logged in.",
        "Алдымен жүйеге кіріңіз: біреу жүйеге кірмейінше сканерлеу тексерілмейді.",
        "Сначала войдите: сканы проверяются, только когда кто-то вошёл в систему.",
    ),
    (
        "This screen does not take scans.",
        "Бұл экран сканерлеуді қабылдамайды.",
        "Этот экран не принимает сканы.",
    ),
    ("Ashyq console", "Ashyq консолі", "Консоль Ashyq"),
    (
        "TEST MODE — records are marked as test and do not count for the venue",
        "СЫНАҚ РЕЖИМІ — жазбалар сынақ деп белгіленеді және нысанға есептелмейді",
        "ТЕСТОВЫЙ РЕЖИМ — записи помечаются как тестовые и не засчитываются объекту",
    ),
    ("%1 (%2)", "%1 (%2)", "%1 (%2)"),
    ("Lock", "Құлыптау", "Заблокировать"),
    ("Log out", "Жүйеден шығу", "Выйти"),
    # --- refund desk ------------------------------------------------------------------------
    ("Refunds", "Қайтарулар", "Возвраты"),
    (
        "Order number or ticket code",
        "Тапсырыс нөмірі немесе билет коды",
        "Номер заказа или код билета",
    ),
    ("Find", "Іздеу", "Найти"),
    (
        "Refused at the door today",
        "Бүгін кіреберісте кіргізілмегендер",
        "Сегодня не пропущены на входе",
    ),
    ("Receipts not printed", "Басылмаған чектер", "Ненапечатанные чеки"),
    ("Print selected receipt", "Таңдалған чекті басып шығару", "Напечатать выбранный чек"),
    ("Ticket", "Билет", "Билет"),
    ("Tariff", "Тариф", "Тариф"),
    ("Price", "Бағасы", "Цена"),
    ("State", "Күйі", "Состояние"),
    ("Rule", "Ереже", "Правило"),
    ("Fee", "Алым", "Сбор"),
    ("Refund", "Қайтару", "Возврат"),
    ("Exchange…", "Айырбастау…", "Обмен…"),
    ("Contact-centre request", "Байланыс орталығына өтінім", "Заявка в контакт-центр"),
    ("Attach proof…", "Дәлел қосу…", "Приложить подтверждение…"),
    ("Override (supervisor)…", "Ерекше рұқсат (жетекші)…", "Исключение (старший смены)…"),
    ("Retry printing", "Қайта басып шығару", "Повторить печать"),
    ("No cash shift open", "Касса ауысымы ашылмаған", "Кассовая смена не открыта"),
    ("Open shift", "Ауысымды ашу", "Открыть смену"),
    ("Shift open since %1 (%2)", "Ауысым ашылды: %1 (%2)", "Смена открыта с %1 (%2)"),
    ("Close shift", "Ауысымды жабу", "Закрыть смену"),
    (" (refunded)", " (қайтарылды)", " (возврат оформлен)"),
    ("No. %1 · order %2 · %3", "№ %1 · тапсырыс %2 · %3", "№ %1 · заказ %2 · %3"),
    ("Order %1 · %2 · %3 · %4", "Тапсырыс %1 · %2 · %3 · %4", "Заказ %1 · %2 · %3 · %4"),
    (
        "Ashyq proof: refused at %1 at %2 (status %3); the deadline is lifted.",
        "Ashyq дәлелі: кіргізілмеді — кіреберіс %1, %2 (мәртебе: %3); қайтару мерзімі шектелмейді.",
        "Подтверждение Ashyq: отказ на входе %1, %2 (статус: %3); срок возврата снят.",
    ),
    ("Attached proof: %1", "Қосылған дәлел: %1", "Приложено подтверждение: %1"),
    (
        "Selected: %1 · fee %2 · refund %3",
        "Таңдалды: %1 · алым %2 · қайтарылады %3",
        "Выбрано: %1 · сбор %2 · к возврату %3",
    ),
    (
        "Money back on the card by %1",
        "Ақша картаға қайтарылатын соңғы күн: %1",
        "Деньги вернутся на карту до %1",
    ),
    (
        "Tickets: %1\nFee withheld: %2\nReturned to the card: %3",
        "Билеттер: %1\nҰсталған алым: %2\nКартаға қайтарылады: %3",
        "Билеты: %1\nУдержанный сбор: %2\nВозврат на карту: %3",
    ),
    ("Refund these tickets?", "Бұл билеттер қайтарылсын ба?", "Вернуть эти билеты?"),
    (
        "Refund against the rules?",
        "Ережеге қарамастан қайтарылсын ба?",
        "Вернуть вопреки правилам?",
    ),
    (
        "A supervisor approves this refund.",
        "Бұл қайтаруды ауысым жетекшісі мақұлдайды.",
        "Этот возврат одобряет старший смены.",
    ),
    (
        "This organizer has no later session on this console.",
        "Бұл ұйымдастырушының осы консольде кейінгі сеансы жоқ.",
        "У этого организатора нет более поздних сеансов в этой консоли.",
    ),
    ("Exchange to %1?", "%1 сеансына айырбасталсын ба?", "Обменять на сеанс %1?"),
    (
        "Record a contact-centre request?",
        "Байланыс орталығына өтінім тіркелсін бе?",
        "Оформить заявку в контакт-центр?",
    ),
    (
        "No money moves at the desk; the organizer's contact centre handles the refund.",
        "Кассада ақша қайтарылмайды: қайтаруды ұйымдастырушының байланыс орталығы жүргізеді.",
        "На кассе деньги не возвращаются: возврат проводит контакт-центр организатора.",
    ),
    (
        "Done: receipt No. %1, returned %2.",
        "Дайын: чек № %1, қайтарылды %2.",
        "Готово: чек № %1, возвращено %2.",
    ),
    ("Money back by %1.", "Ақша қайтарылатын соңғы күн: %1.", "Деньги вернутся до %1."),
    (
        "A supervisor may override.",
        "Ауысым жетекшісі ерекше рұқсат бере алады.",
        "Старший смены может сделать исключение.",
    ),
    ("Refused by the rules:", "Ереже бойынша бас тартылды:", "Отказ по правилам:"),
    ("Receipt No. %1 printed.", "№ %1 чек басып шығарылды.", "Чек № %1 напечатан."),
    (
        "The receipt did not print: %1. The refund is saved; fix the printer and press Retry.",
        "Чек басылмады: %1. Қайтару сақталды; принтерді жөндеп, «Қайта басып шығару» "
        "батырмасын басыңыз.",
        "Чек не напечатан: %1. Возврат сохранён; устраните неполадку принтера и нажмите "
        "«Повторить печать».",
    ),
    (
        "the printer is off or not connected",
        "принтер өшірулі немесе қосылмаған",
        "принтер выключен или не подключён",
    ),
    ("the paper is out", "қағаз таусылды", "закончилась бумага"),
    (
        "no permission to use the printer port",
        "принтер портын пайдалануға рұқсат жоқ",
        "нет прав на использование порта принтера",
    ),
    (
        "this printer connection is not supported here",
        "принтердің мұндай қосылымы мұнда қолдау көрсетілмейді",
        "такое подключение принтера здесь не поддерживается",
    ),
    ("printer error", "принтер қатесі", "ошибка принтера"),
    ("Close the shift?", "Ауысым жабылсын ба?", "Закрыть смену?"),
    (
        "The closing summary follows.",
        "Одан кейін ауысым қорытындысы шығады.",
        "Далее — итоги смены.",
    ),
    ("Shift closed", "Ауысым жабылды", "Смена закрыта"),
    ("Ticket prices", "Билеттер құны", "Стоимость билетов"),
    ("Fees withheld", "Ұсталған алымдар", "Удержано сборов"),
    ("Returned to cards", "Карталарға қайтарылды", "Возвращено на карты"),
    ("Exchanges", "Айырбастаулар", "Обмены"),
    ("Contact-centre requests", "Байланыс орталығына өтінімдер", "Заявки в контакт-центр"),
    ("printed at box office", "кассада басып шығарылған", "распечатан в кассе"),
    ("adult", "ересек", "взрослый"),
    ("child", "балалар", "детский"),
    ("student", "студенттік", "студенческий"),
    ("Exchange", "Айырбастау", "Обмен"),
    ("Session:", "Сеанс:", "Сеанс:"),
    ("Attach proof", "Дәлел қосу", "Приложить подтверждение"),
    (
        "Images and PDF (*.jpg *.jpeg *.png *.pdf)",
        "Суреттер және PDF (*.jpg *.jpeg *.png *.pdf)",
        "Изображения и PDF (*.jpg *.jpeg *.png *.pdf)",
    ),
    ("Override", "Ерекше рұқсат", "Исключение"),
    ("Reason:", "Себебі:", "Причина:"),
    ("Supervisor PIN:", "Жетекшінің PIN-коды:", "PIN-код старшего смены:"),
    # --- settings ---------------------------------------------------------------------------
    (
        "Saved. Camera and scanner changes apply now.",
        "Сақталды. Камера мен сканердің өзгерістері бірден күшіне енді.",
        "Сохранено. Изменения камеры и сканера уже действуют.",
    ),
    ("Door %1", "Кіреберіс %1", "Вход %1"),
    (
        "Type the server address and the one-time code first.",
        "Алдымен сервер мекенжайы мен бір реттік кодты енгізіңіз.",
        "Сначала введите адрес сервера и одноразовый код.",
    ),
    ("Enrolling…", "Тіркелуде…", "Регистрация…"),
    (
        "Enrolled with venue %1. The token is kept in the system keyring.",
        "Нысанға тіркелді: %1. Токен жүйелік кілттер қоймасында сақталады.",
        "Зарегистрировано на объекте %1. Токен хранится в системном хранилище ключей.",
    ),
    (
        "Command barcodes saved to %1. Print it and keep it at the door.",
        "Пәрмен штрихкодтары сақталды: %1. Оны басып шығарып, кіреберісте ұстаңыз.",
        "Командные штрихкоды сохранены: %1. Распечатайте лист и держите его на входе.",
    ),
    ("Failed: %1", "Сәтсіз: %1", "Ошибка: %1"),
    ("Settings", "Баптаулар", "Настройки"),
    (
        "Camera (number or video file)",
        "Камера (нөмірі немесе бейнефайл)",
        "Камера (номер или видеофайл)",
    ),
    ("Barcode decoder", "Штрихкод декодері", "Декодер штрихкодов"),
    ("Serial scanner port", "COM-сканер порты", "Порт COM-сканера"),
    ("Serial speed", "Порт жылдамдығы", "Скорость порта"),
    ("Sounds", "Дыбыстар", "Звуки"),
    ("Language", "Тіл", "Язык"),
    ("Door label", "Кіреберіс атауы", "Название входа"),
    ("Receipt printer", "Чек принтері", "Принтер чеков"),
    ("Receipt paper", "Чек қағазы", "Бумага для чеков"),
    ("Verdict shown for (s)", "Шешімді көрсету уақыты (с)", "Показ решения (с)"),
    ("Full screen at start", "Іске қосқанда толық экран", "Полный экран при запуске"),
    ("Central server", "Орталық сервер", "Центральный сервер"),
    ("Fallback service", "Резервтік сервис", "Резервный сервис"),
    ("Station name", "Жұмыс орнының атауы", "Название рабочего места"),
    ("One-time code", "Бір реттік код", "Одноразовый код"),
    ("This station", "Осы жұмыс орны", "Это рабочее место"),
    ("Server and enrollment", "Сервер және тіркеу", "Сервер и регистрация"),
    (
        "Venue policy (set on the central server)",
        "Нысан ережелері (орталық серверде белгіленеді)",
        "Правила объекта (задаются на центральном сервере)",
    ),
    ("Enroll this station", "Жұмыс орнын тіркеу", "Зарегистрировать рабочее место"),
    ("Save", "Сақтау", "Сохранить"),
    ("Command barcodes (PDF)", "Пәрмен штрихкодтары (PDF)", "Командные штрихкоды (PDF)"),
    # --- sync status bar --------------------------------------------------------------------
    ("Status unknown: %1", "Күйі белгісіз: %1", "Состояние неизвестно: %1"),
    ("Connecting…", "Қосылуда…", "Подключение…"),
    ("● Online since %1", "● Желіде (қосылғаны: %1)", "● В сети с %1"),
    ("○ OFFLINE since %1", "○ БАЙЛАНЫС ЖОҚ (үзілгені: %1)", "○ НЕТ СВЯЗИ с %1"),
    (
        "Waiting to send: %n",
        ("Жіберуді күтуде: %n",),
        ("Ждут отправки: %n", "Ждут отправки: %n", "Ждут отправки: %n"),
    ),
    ("Last sync: %1", "Соңғы синхрондау: %1", "Последняя синхронизация: %1"),
    # --- Texts: statuses, verdicts, roles, sources, directions, methods, ages ---------------
    ("GREEN", "ЖАСЫЛ", "ЗЕЛЁНЫЙ"),
    ("BLUE", "КӨК", "СИНИЙ"),
    ("YELLOW", "САРЫ", "ЖЁЛТЫЙ"),
    ("RED", "ҚЫЗЫЛ", "КРАСНЫЙ"),
    ("NOT FOUND", "ТАБЫЛМАДЫ", "НЕ НАЙДЕН"),
    ("NO STATUS", "МӘРТЕБЕ ЖОҚ", "НЕТ СТАТУСА"),
    ("ADMIT", "КІРУГЕ РҰҚСАТ", "ПРОПУСТИТЬ"),
    ("DO NOT ADMIT", "КІРГІЗБЕУ", "НЕ ПРОПУСКАТЬ"),
    ("CHECK", "ТЕКСЕРУ", "ПРОВЕРИТЬ"),
    ("door", "бақылаушы", "контролёр"),
    ("cashier", "кассир", "кассир"),
    ("manager", "менеджер", "менеджер"),
    ("administrator", "әкімші", "администратор"),
    ("central service", "орталық сервис", "центральный сервис"),
    ("fallback service", "резервтік сервис", "резервный сервис"),
    ("saved earlier (offline)", "бұрын сақталған (байланыссыз)", "сохранён ранее (без связи)"),
    ("visitor's check-in", "келушінің өз тіркелуі", "отметка самого посетителя"),
    ("no source", "дереккөз жоқ", "нет источника"),
    ("entry", "кіру", "вход"),
    ("exit", "шығу", "выход"),
    ("denied", "кіргізілмеді", "отказ"),
    ("camera", "камера", "камера"),
    ("USB scanner", "USB-сканер", "USB-сканер"),
    ("serial scanner", "COM-сканер", "COM-сканер"),
    ("typed IIN", "ЖСН қолмен енгізілді", "ИИН введён вручную"),
    ("visitor's QR", "келушінің QR-коды", "QR-код посетителя"),
    ("command line", "пәрмен жолы", "командная строка"),
    ("just now", "жаңа ғана", "только что"),
    ("%1 min ago", "%1 мин бұрын", "%1 мин назад"),
    ("%1 h ago", "%1 сағ бұрын", "%1 ч назад"),
    ("%1 d ago", "%1 күн бұрын", "%1 дн. назад"),
    # reasons (app/views/texts.py reason_text)
    (
        "Green status: no restrictions.",
        "Жасыл мәртебе: шектеу жоқ.",
        "Зелёный статус: без ограничений.",
    ),
    (
        "Blue status: admitted here.",
        "Көк мәртебе: бұл нысанға кіруге болады.",
        "Синий статус: на этот объект пропускают.",
    ),
    (
        "Blue status: on Saturdays and Sundays cinemas admit green only.",
        "Көк мәртебе: сенбі мен жексенбіде кинотеатрға тек жасыл мәртебемен кіргізеді.",
        "Синий статус: в субботу и воскресенье в кинотеатр пускают только с зелёным.",
    ),
    (
        "Blue status: admit only after you have seen a negative PCR certificate.",
        "Көк мәртебе: теріс ПТР анықтамасын көргеннен кейін ғана кіргізіңіз.",
        "Синий статус: пропускайте только после предъявления отрицательной справки ПЦР.",
    ),
    (
        "Blue status: PCR certificate seen by staff.",
        "Көк мәртебе: ПТР анықтамасын қызметкер тексерді.",
        "Синий статус: справка ПЦР проверена сотрудником.",
    ),
    (
        "Yellow status: contact of a positive case. Not admitted.",
        "Сары мәртебе: COVID-19 сынағы оң адаммен байланыста болған. Кіргізілмейді.",
        "Жёлтый статус: контакт с заболевшим. Вход запрещён.",
    ),
    (
        "Yellow status: admitted to essential shops and pharmacies only.",
        "Сары мәртебе: тек азық-түлік және шаруашылық дүкендері мен дәріханаларға кіруге болады.",
        "Жёлтый статус: можно только в продуктовые и хозяйственные магазины и аптеки.",
    ),
    (
        "Red status: home isolation. Not admitted anywhere.",
        "Қызыл мәртебе: үйде оқшаулау. Ешқайда кіргізілмейді.",
        "Красный статус: домашняя изоляция. Вход везде запрещён.",
    ),
    (
        "No status found (for example a foreign citizen). A supervisor may admit.",
        "Мәртебе табылмады (мысалы, шетел азаматы). Ауысым жетекшісі кіргізе алады.",
        "Статус не найден (например, иностранный гражданин). Пропустить может старший смены.",
    ),
    (
        "Offline, and the saved status is too old to trust. A supervisor may admit.",
        "Байланыс жоқ, ал сақталған мәртебе ескірген. Ауысым жетекшісі кіргізе алады.",
        "Нет связи, а сохранённый статус устарел. Пропустить может старший смены.",
    ),
    (
        "The venue is full. Wait until someone leaves.",
        "Нысанда орын жоқ. Біреу шыққанша күтіңіз.",
        "Мест нет. Подождите, пока кто-нибудь выйдет.",
    ),
    ("Exit recorded.", "Шығу тіркелді.", "Выход зарегистрирован."),
    (
        "Admitted by a supervisor.",
        "Ауысым жетекшісінің шешімімен кіргізілді.",
        "Пропущен по решению старшего смены.",
    ),
    (
        "A member of the group is not admitted.",
        "Топтың бір мүшесі кіргізілмейді.",
        "Одного из группы пропустить нельзя.",
    ),
    ("This person is already inside.", "Бұл адам қазір ішінде.", "Этот человек уже внутри."),
    (
        "This venue's rules do not admit this status.",
        "Нысан ережелері бойынша бұл мәртебемен кіргізілмейді.",
        "По правилам объекта с этим статусом не пропускают.",
    ),
    (
        "The visitor's own check-in is too old. Ask them to scan the poster again.",
        "Келушінің өз тіркелуі ескірген. Плакатты қайта сканерлеуін сұраңыз.",
        "Отметка посетителя устарела. Попросите его снова отсканировать плакат.",
    ),
    (
        "No status service answered and nothing is saved. A supervisor may admit.",
        "Мәртебе сервистері жауап бермеді, сақталған дерек жоқ. Ауысым жетекшісі кіргізе алады.",
        "Сервисы статусов не ответили, сохранённых данных нет. Пропустить может старший смены.",
    ),
    ("The whole group may enter.", "Бүкіл топ кіре алады.", "Вся группа может войти."),
    (
        "Only the members shown in colour may enter.",
        "Тек түспен белгіленгендер кіре алады.",
        "Войти могут только отмеченные цветом.",
    ),
    (
        "A member of the group still needs a check.",
        "Топтың бір мүшесін әлі тексеру керек.",
        "Одного из группы ещё нужно проверить.",
    ),
    (
        "Nobody in this group may enter.",
        "Бұл топтан ешкім кіре алмайды.",
        "Никто из группы не может войти.",
    ),
    (
        "The scan was empty. Scan again.",
        "Сканерлеу бос. Қайта сканерлеңіз.",
        "Пустое сканирование. Отсканируйте ещё раз.",
    ),
    (
        "The scan is far too long to be an ID or a ticket. Scan again, or use the serial mode.",
        "Бұл мәтін куәлік не билет үшін тым ұзын. Қайта сканерлеңіз немесе COM-порт режимін қолданыңыз.",
        "Слишком длинный код для удостоверения или билета. Отсканируйте ещё раз или включите режим COM-порта.",
    ),
    (
        "An IIN has exactly 12 digits. Scan or type it again.",
        "ЖСН дәл 12 саннан тұрады. Қайта сканерлеңіз немесе енгізіңіз.",
        "ИИН состоит ровно из 12 цифр. Отсканируйте или введите его ещё раз.",
    ),
    (
        "An IIN has digits only. Scan or type it again.",
        "ЖСН тек сандардан тұрады. Қайта сканерлеңіз немесе енгізіңіз.",
        "ИИН состоит только из цифр. Отсканируйте или введите его ещё раз.",
    ),
    (
        "The IIN's check digit is wrong: it was misread or mistyped.",
        "ЖСН-нің бақылау саны қате: ол қате оқылған немесе қате терілген.",
        "Неверная контрольная цифра ИИН: он считан или введён с ошибкой.",
    ),
    (
        "No such IIN is ever issued. Check the document.",
        "Мұндай ЖСН берілмейді. Құжатты тексеріңіз.",
        "Такой ИИН не выдаётся. Проверьте документ.",
    ),
    (
        "The document's machine-readable zone could not be read.",
        "Құжаттың машинамен оқылатын аймағы оқылмады.",
        "Не удалось прочитать машиночитаемую зону документа.",
    ),
    (
        "The document's machine-readable zone failed its check digit: scan it again.",
        "Құжаттың машинамен оқылатын аймағының бақылау саны сәйкес келмеді: қайта сканерлеңіз.",
        "Машиночитаемая зона документа не прошла проверку контрольной цифры: отсканируйте ещё раз.",
    ),
    (
        "This code is not an ID, a ticket or a command.",
        "Бұл код куәлік те, билет те, пәрмен де емес.",
        "Этот код — не удостоверение, не билет и не команда.",
    ),
    # --- verdict banner ---------------------------------------------------------------------
    ("✔ Admit (Enter)", "✔ Кіргізу (Enter)", "✔ Пропустить (Enter)"),
    ("✖ Refuse (Esc)", "✖ Кіргізбеу (Esc)", "✖ Отказать (Esc)"),
    (
        "Supervisor: admit anyway (PIN)",
        "Жетекші: бәрібір кіргізу (PIN)",
        "Старший смены: всё равно пропустить (PIN)",
    ),
    ("READY", "ДАЙЫН", "ГОТОВ"),
    (
        "OFFLINE — statuses come from saved answers; every scan is kept and sent later",
        "БАЙЛАНЫС ЖОҚ — мәртебелер сақталған жауаптардан алынады; әр сканерлеу сақталып, кейін жіберіледі",
        "НЕТ СВЯЗИ — статусы из сохранённых ответов; каждое сканирование сохраняется и будет отправлено позже",
    ),
    ("Valid ticket: admitted.", "Билет жарамды: кіргізілді.", "Билет действителен: пропущен."),
    (
        "Refused at the door by Ashyq status: no deadline, service fee withheld",
        "Кіреберісте Ashyq мәртебесі бойынша кіргізілмеді: мерзім шектелмейді, сервистік алым ұсталады",
        "Отказ на входе по статусу Ashyq: без срока, сервисный сбор удерживается",
    ),
    (
        "Refused at the door by Ashyq status: exchange without a fee",
        "Кіреберісте Ashyq мәртебесі бойынша кіргізілмеді: айырбастау алымсыз",
        "Отказ на входе по статусу Ashyq: обмен без сбора",
    ),
    (
        "No documents for the tariff: cancelled, service fee withheld",
        "Тарифке құжат жоқ: билет жойылды, сервистік алым ұсталады",
        "Нет документов для тарифа: билет аннулирован, сервисный сбор удерживается",
    ),
    (
        "%1: an hour or more before the start, fee 10 %",
        "%1: басталуына бір сағат не одан көп уақыт бар, алым 10 %",
        "%1: за час и более до начала, сбор 10 %",
    ),
    (
        "%1: less than an hour before the start, fee 20 %",
        "%1: басталуына бір сағаттан аз уақыт қалды, алым 20 %",
        "%1: менее чем за час до начала, сбор 20 %",
    ),
    ("%1: no refunds", "%1: билет қайтарылмайды", "%1: возврат не производится"),
    (
        "%1: only through the contact centre",
        "%1: тек байланыс орталығы арқылы",
        "%1: только через контакт-центр",
    ),
    (
        "%1: refund until %2, service fee withheld",
        "%1: қайтару мерзімі %2 дейін, сервистік алым ұсталады",
        "%1: возврат до %2, сервисный сбор удерживается",
    ),
    (
        "Printed at the organizer's box office: refunded there, not here",
        "Ұйымдастырушының кассасында басып шығарылған: ақша сонда қайтарылады, мұнда емес",
        "Распечатан в кассе организатора: возврат там, а не здесь",
    ),
    (
        "The event has already started",
        "Іс-шара басталып кетті",
        "Мероприятие уже началось",
    ),
    (
        "%1: no money at the desk; record a request for the contact centre",
        "%1: кассада ақша берілмейді; байланыс орталығына өтінішті тіркеңіз",
        "%1: деньги на кассе не выдаются; оформите заявку в контакт-центр",
    ),
    ("The deadline passed at %2", "Мерзім %2 кезінде өтіп кетті", "Срок истёк в %2"),
    (
        "Exchanges are made only after an Ashyq denial",
        "Айырбастау тек Ashyq бойынша кіргізілмегеннен кейін жасалады",
        "Обмен возможен только после отказа по Ashyq",
    ),
    (
        "Used at %1 at door %2",
        "Пайдаланылды: %1, кіреберіс: %2",
        "Использован в %1 на входе %2",
    ),
    (
        "Valid ticket (checked offline).",
        "Билет жарамды (байланыссыз тексерілді).",
        "Билет действителен (проверен без связи).",
    ),
    (
        "This ticket was already used.",
        "Бұл билет бұрын пайдаланылған.",
        "Этот билет уже использован.",
    ),
    (
        "This ticket was refunded or exchanged.",
        "Бұл билет қайтарылған немесе айырбасталған.",
        "Этот билет возвращён или обменян.",
    ),
    (
        "This ticket is for another session.",
        "Бұл билет басқа сеансқа арналған.",
        "Этот билет на другой сеанс.",
    ),
    (
        "Unknown ticket, and the server cannot be asked now.",
        "Билет белгісіз, ал серверден қазір сұрау мүмкін емес.",
        "Неизвестный билет, а сервер сейчас недоступен.",
    ),
    (
        "Blue status: no PCR certificate shown. Not admitted.",
        "Көк мәртебе: ПТР анықтамасы көрсетілмеді. Кіргізілмейді.",
        "Синий статус: справка ПЦР не предъявлена. Не пропускать.",
    ),
    ("Scan the next visitor", "Келесі келушіні сканерлеңіз", "Отсканируйте следующего посетителя"),
    (
        "ID card barcode, phone QR, ticket, or type the IIN",
        "Куәліктегі штрихкод, телефондағы QR, билет немесе ЖСН-ді теріңіз",
        "Штрихкод удостоверения, QR на телефоне, билет — или введите ИИН",
    ),
    ("Source: %1, %2", "Дереккөз: %1, %2", "Источник: %1, %2"),
    # --- visit log --------------------------------------------------------------------------
    ("%n visit(s)", ("%n келу",), ("%n посещение", "%n посещения", "%n посещений")),
    ("All doors", "Барлық кіреберіс", "Все входы"),
    ("All staff", "Барлық қызметкер", "Все сотрудники"),
    ("Visit log", "Келу журналы", "Журнал посещений"),
    ("From", "Кезең:", "С"),
    ("to", "—", "по"),
    ("Show", "Көрсету", "Показать"),
    ("All directions", "Барлық бағыт", "Все направления"),
    ("All colours", "Барлық түс", "Все цвета"),
    ("All verdicts", "Барлық шешім", "Все решения"),
    ("All methods", "Барлық тәсіл", "Все способы"),
    ("Time", "Уақыт", "Время"),
    ("Direction", "Бағыт", "Направление"),
    ("Status", "Мәртебе", "Статус"),
    ("Verdict", "Шешім", "Решение"),
    ("Reason", "Себебі", "Причина"),
    ("Method", "Тәсіл", "Способ"),
    ("Staff", "Қызметкер", "Сотрудник"),
    ("Person", "Келуші", "Посетитель"),
    ("Flags", "Белгілер", "Отметки"),
    ("test", "сынақ", "тест"),
    ("offline", "байланыссыз", "без связи"),
    ("not sent yet", "әлі жіберілмеген", "ещё не отправлено"),
    # --- reports ----------------------------------------------------------------------------
    ("Reports", "Есептер", "Отчёты"),
    ("One day", "Бір күн", "Один день"),
    ("Export %1…", "%1 файлына экспорттау…", "Экспорт в %1…"),
    ("Venue QR poster (PDF)…", "Нысанның QR-плакаты (PDF)…", "QR-плакат объекта (PDF)…"),
    ("Denials", "Кіргізілмегендер", "Отказы"),
    ("Doors", "Кіреберістер", "Входы"),
    ("Refunds by organizer", "Ұйымдастырушылар бойынша қайтару", "Возвраты по организаторам"),
    (
        "The period ends before it starts.",
        "Кезеңнің соңы басынан ерте.",
        "Конец периода раньше начала.",
    ),
    ("Counting…", "Есептелуде…", "Подсчёт…"),
    ("Checks", "Тексерулер", "Проверки"),
    ("Admitted", "Кіргізілді", "Пропущено"),
    ("Denied", "Кіргізілмеді", "Отказано"),
    ("Entries", "Кіргендер", "Вошли"),
    ("Exits", "Шыққандар", "Вышли"),
    ("Peak occupancy", "Ішінде ең көп болғаны", "Максимум внутри"),
    ("Test mode (not counted)", "Сынақ режимі (есептелмейді)", "Тестовый режим (не учитывается)"),
    ("Count", "Саны", "Количество"),
    ("Overrides", "Ерекше рұқсаттар", "Исключения"),
    ("Organizer", "Ұйымдастырушы", "Организатор"),
    ("Refunded", "Қайтарылған билеттер", "Возвращено билетов"),
    ("Exchanged", "Айырбасталған билеттер", "Обменяно билетов"),
    ("Requests", "Өтінімдер", "Заявки"),
    ("Fees", "Алымдар", "Сборы"),
    ("Returned", "Қайтарылған сома", "Сумма возврата"),
    ("Exporting…", "Экспортталуда…", "Экспорт…"),
    ("Saved: %1", "Сақталды: %1", "Сохранено: %1"),
    ("Save as", "Басқаша сақтау", "Сохранить как"),
]

# The same source in one context needing another word: {(context, source): (kk, ru)}.
BY_CONTEXT: dict[tuple[str, str], tuple[str | tuple[str, ...], str | tuple[str, ...]]] = {}

# English numerus forms (singular, plural) where the source's "(s)" trick is not enough.
EN_NUMERUS: dict[str, tuple[str, str]] = {
    "Waiting to send: %n": ("Waiting to send: %n", "Waiting to send: %n"),
}

LANGS = ("kk", "ru", "en")


def _table() -> dict[str, dict[str, str | tuple[str, ...]]]:
    out: dict[str, dict[str, str | tuple[str, ...]]] = {"kk": {}, "ru": {}}
    for source, kk, ru in COMMON:
        if source in out["kk"]:
            raise SystemExit(f"duplicate source in COMMON: {source!r}")
        out["kk"][source] = kk
        out["ru"][source] = ru
    return out


def english_forms(source: str) -> tuple[str, str]:
    if source in EN_NUMERUS:
        return EN_NUMERUS[source]
    if "(s)" in source:
        return source.replace("(s)", ""), source.replace("(s)", "s")
    return source, source


def _set_forms(translation: ET.Element, forms: tuple[str, ...]) -> None:
    """Write the forms; as many as lupdate asked for (Kazakh: 2, the same text twice)."""
    wanted = len(translation.findall("numerusform"))
    forms = forms + (forms[-1],) * (wanted - len(forms))
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    for form in forms:
        ET.SubElement(translation, "numerusform").text = form


def fill(ts: Path, lang: str) -> list[str]:
    """Fill one catalogue in place; return the sources still without a translation."""
    table = _table()
    tree = ET.parse(ts)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            numerus = message.get("numerus") == "yes"
            value: str | tuple[str, ...] | None
            if lang == "en":
                value = english_forms(source) if numerus else source
            elif (ctx, source) in BY_CONTEXT:
                value = BY_CONTEXT[(ctx, source)][0 if lang == "kk" else 1]
            else:
                value = table[lang].get(source)
            if value is None:
                if translation.get("type") == "unfinished":
                    missing.append(f"{ctx}: {source!r}")
                continue
            if numerus:
                if isinstance(value, str):
                    raise SystemExit(f"{lang}: numerus source needs forms: {source!r}")
                _set_forms(translation, value)
            else:
                if not isinstance(value, str):
                    raise SystemExit(f"{lang}: plain source given forms: {source!r}")
                translation.text = value
            translation.attrib.pop("type", None)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    return missing


def main(argv: list[str]) -> int:
    from app import i18n

    check_only = "--check" in argv
    if not check_only:
        i18n.update_catalogues()
    missing_any = False
    for lang in LANGS:
        path = i18n.ts_path(lang)
        if check_only:
            tree = ET.parse(path)
            missing = [
                f"{c.findtext('name')}: {m.findtext('source')!r}"
                for c in tree.getroot().iter("context")
                for m in c.iter("message")
                if (
                    m.find("translation") is not None
                    and m.find("translation").get("type") == "unfinished"
                )  # type: ignore[union-attr]
            ]
        else:
            missing = fill(path, lang)
        for line in missing:
            print(f"{lang}: untranslated {line}")
        missing_any = missing_any or bool(missing)
    if not check_only:
        i18n.update_catalogues()  # lupdate rewrites the files in its own layout, then lrelease
    return 1 if missing_any else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
