<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../app/views/camera_panel.py" line="53"/>
        <source>No camera found. Check the cable or choose another camera in Settings.</source>
        <translation>Камера не найдена. Проверьте кабель или выберите другую камеру в настройках.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="56"/>
        <source>The camera is used by another program. Close it, then reopen this screen.</source>
        <translation>Камеру использует другая программа. Закройте её и снова откройте этот экран.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="58"/>
        <source>The video ended.</source>
        <translation>Видео закончилось.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="59"/>
        <source>Camera off. Use the scanner or type the IIN.</source>
        <translation>Камера выключена. Используйте сканер или введите ИИН.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="61"/>
        <source>No picture.</source>
        <translation>Нет изображения.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="74"/>
        <source>Starting the camera…</source>
        <translation>Камера запускается…</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/views/crash.py" line="29"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../../app/views/crash.py" line="31"/>
        <source>The console hit an error it did not expect. Visits already shown are saved. If it happens again, copy the details and send them to your administrator.</source>
        <translation>В консоли произошла непредвиденная ошибка. Уже показанные посещения сохранены. Если это повторится, скопируйте подробности и отправьте их администратору.</translation>
    </message>
    <message>
        <location filename="../../app/views/crash.py" line="40"/>
        <source>Copy details</source>
        <translation>Скопировать подробности</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <location filename="../../app/views/door.py" line="206"/>
        <source>This is the venue&apos;s own poster. Scan the visitor&apos;s code.</source>
        <translation>Это плакат самого объекта. Отсканируйте код посетителя.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="207"/>
        <source>VENUE POSTER</source>
        <translation>ПЛАКАТ ОБЪЕКТА</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="220"/>
        <source>CANNOT READ</source>
        <translation>НЕ ПРОЧИТАНО</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="260"/>
        <source>Used at %1 at door %2</source>
        <translation>Использован в %1 на входе %2</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="268"/>
        <source>TICKET VALID — check each person</source>
        <translation>БИЛЕТ ДЕЙСТВИТЕЛЕН — проверьте каждого</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="269"/>
        <source>TICKET NOT VALID</source>
        <translation>БИЛЕТ НЕДЕЙСТВИТЕЛЕН</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="279"/>
        <source>Not checked: %1. Scan again; nothing was recorded for this scan.</source>
        <translation>Не проверено: %1. Отсканируйте ещё раз; это сканирование не записано.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="281"/>
        <source>ERROR</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="289"/>
        <source>Already inside</source>
        <translation>Уже внутри</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="290"/>
        <source>This person is already inside. Is this an exit?</source>
        <translation>Этот человек уже внутри. Это выход?</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="334"/>
        <source>Supervisor override</source>
        <translation>Решение старшего смены</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="335"/>
        <source>A supervisor admits this visitor. Supervisor&apos;s PIN:</source>
        <translation>Старший смены пропускает этого посетителя. PIN-код старшего смены:</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="355"/>
        <source>No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits.</source>
        <translation>На этом рабочем месте PIN-код старшего смены нельзя проверить без сети. Подключитесь к серверу или попросите у администратора для старшего смены PIN-код из 8 или более цифр.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="366"/>
        <source>12 digits; spaces and dashes are ignored.</source>
        <translation>12 цифр; пробелы и дефисы не учитываются.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="369"/>
        <location filename="../../app/views/door.py" line="387"/>
        <source>Only digits, please.</source>
        <translation>Только цифры, пожалуйста.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="373"/>
        <source>%1 of 12 digits</source>
        <translation>%1 из 12 цифр</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="381"/>
        <source>Valid IIN. Press Enter to check.</source>
        <translation>ИИН верный. Нажмите Enter для проверки.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="386"/>
        <source>An IIN has exactly 12 digits.</source>
        <translation>ИИН состоит ровно из 12 цифр.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="388"/>
        <source>Wrong check digit: a digit was mistyped. Check the IIN.</source>
        <translation>Неверная контрольная цифра: одна из цифр введена с ошибкой. Проверьте ИИН.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="389"/>
        <source>No such IIN is ever issued. Check the digits.</source>
        <translation>Такой ИИН не выдаётся. Проверьте цифры.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="390"/>
        <source>Type the IIN.</source>
        <translation>Введите ИИН.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="392"/>
        <source>Not a valid IIN.</source>
        <translation>Неверный ИИН.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="433"/>
        <source>Inside: %1</source>
        <translation>Внутри: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="436"/>
        <source>Inside: %1 / %2</source>
        <translation>Внутри: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="441"/>
        <source>FULL</source>
        <translation>МЕСТ НЕТ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="479"/>
        <source>Door</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="482"/>
        <source>Type the IIN (no phone, no ID card):</source>
        <translation>Введите ИИН (если нет ни телефона, ни удостоверения):</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="483"/>
        <source>IIN, 12 digits</source>
        <translation>ИИН, 12 цифр</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="484"/>
        <source>→ ENTRY</source>
        <translation>→ ВХОД</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="485"/>
        <source>← EXIT</source>
        <translation>← ВЫХОД</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="486"/>
        <source>Visitors&apos; own check-ins (poster QR)</source>
        <translation>Отметки самих посетителей (QR на плакате)</translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <location filename="../../app/views/group_panel.py" line="58"/>
        <source>used at %1 at door %2</source>
        <translation>использован в %1, вход: %2</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="63"/>
        <source>valid</source>
        <translation>действителен</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="64"/>
        <source>used</source>
        <translation>использован</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="65"/>
        <source>refunded</source>
        <translation>возвращён</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="66"/>
        <source>exchanged</source>
        <translation>обменян</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="67"/>
        <source>for another session</source>
        <translation>на другой сеанс</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="75"/>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="76"/>
        <source>Scan a ticket to see its order here.</source>
        <translation>Отсканируйте билет, чтобы увидеть здесь его заказ.</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="80"/>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="85"/>
        <source>not checked yet</source>
        <translation>ещё не проверен</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="95"/>
        <source>Group: %1</source>
        <translation>Группа: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="102"/>
        <source>Group: check each person</source>
        <translation>Группа: проверьте каждого</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/views/login.py" line="139"/>
        <source>No staff are set up for this station yet. Enroll the station first.</source>
        <translation>Для этого рабочего места ещё не заведены сотрудники. Сначала зарегистрируйте рабочее место.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="159"/>
        <source>Choose your name first.</source>
        <translation>Сначала выберите своё имя.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="164"/>
        <source>Type your PIN.</source>
        <translation>Введите PIN-код.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="167"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/login.py" line="183"/>
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Слишком много неверных PIN-кодов. Повторите через %n секунду.</numerusform>
            <numerusform>Слишком много неверных PIN-кодов. Повторите через %n секунды.</numerusform>
            <numerusform>Слишком много неверных PIN-кодов. Повторите через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="189"/>
        <source>Your PIN can be checked only by the server, which does not answer. Ask the administrator for a new PIN of 8 or more digits to work offline.</source>
        <translation>Ваш PIN-код может проверить только сервер, а он не отвечает. Чтобы работать без сети, попросите у администратора новый PIN-код из 8 или более цифр.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="193"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Неверный PIN-код. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="196"/>
        <source>Could not log in: %1</source>
        <translation>Не удалось войти: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="201"/>
        <source>Locked by %1. Type your PIN to continue.</source>
        <translation>Экран заблокирован (%1). Введите PIN-код, чтобы продолжить.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="206"/>
        <source>Who is working at this station?</source>
        <translation>Кто сейчас здесь работает?</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="207"/>
        <location filename="../../app/views/login.py" line="208"/>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../app/__main__.py" line="94"/>
        <source>The console cannot start</source>
        <translation>Консоль не может запуститься</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="122"/>
        <source>This PC is not enrolled with the central server yet. Ask your administrator for a one-time code and run: ashyq enroll --server URL --code CODE</source>
        <translation>Этот компьютер ещё не зарегистрирован на центральном сервере. Попросите у администратора одноразовый код и выполните: ashyq enroll --server URL --code CODE</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="127"/>
        <source>The system keyring, where the station&apos;s token is kept, is not available. On Windows it is built in; on Linux install and unlock GNOME Keyring or KWallet.</source>
        <translation>Системное хранилище ключей, где хранится токен рабочего места, недоступно. В Windows оно встроено; в Linux установите и разблокируйте GNOME Keyring или KWallet.</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="132"/>
        <source>The database is used by another copy of the console. Close it and try again.</source>
        <translation>База данных занята другой копией консоли. Закройте её и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="136"/>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="226"/>
        <source>Log in first: scans are checked only when someone is logged in.</source>
        <translation>Сначала войдите: сканы проверяются, только когда кто-то вошёл в систему.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="237"/>
        <source>This screen does not take scans.</source>
        <translation>Этот экран не принимает сканы.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="257"/>
        <source>Ashyq console</source>
        <translation>Консоль Ashyq</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="259"/>
        <source>TEST MODE — records are marked as test and do not count for the venue</source>
        <translation>ТЕСТОВЫЙ РЕЖИМ — записи помечаются как тестовые и не засчитываются объекту</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="264"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="271"/>
        <source>OFFLINE — statuses come from saved answers; every scan is kept and sent later</source>
        <translation>НЕТ СВЯЗИ — статусы из сохранённых ответов; каждое сканирование сохраняется и будет отправлено позже</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="273"/>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="274"/>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>OrderTable</name>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>Ticket</source>
        <translation>Билет</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>Tariff</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Fee</source>
        <translation>Сбор</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
</context>
<context>
    <name>ReceiptHistoryDialog</name>
    <message>
        <location filename="../../app/views/receipt_history.py" line="281"/>
        <location filename="../../app/views/receipt_history.py" line="286"/>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
</context>
<context>
    <name>ReceiptHistoryPanel</name>
    <message>
        <location filename="../../app/views/receipt_history.py" line="111"/>
        <source>Receipt number or order number</source>
        <translation>Номер чека или номер заказа</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="112"/>
        <source>Day:</source>
        <translation>День:</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="113"/>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="116"/>
        <source>Returned</source>
        <translation>Сумма возврата</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="116"/>
        <source>Printed</source>
        <translation>Напечатан</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="118"/>
        <source>Save as PDF…</source>
        <translation>Сохранить как PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="119"/>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="120"/>
        <source>Reprint (COPY)</source>
        <translation>Перепечатать (КОПИЯ)</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="151"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="151"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="156"/>
        <source>No receipts found.</source>
        <translation>Чеки не найдены.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="225"/>
        <source>Receipt No. %1 did not print: %2.</source>
        <translation>Чек № %1 не напечатан: %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="228"/>
        <source>Receipt No. %1 saved to %2.</source>
        <translation>Чек № %1 сохранён в %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="231"/>
        <source>A copy of receipt No. %1 printed.</source>
        <translation>Копия чека № %1 напечатана.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="233"/>
        <source>Receipt No. %1 printed.</source>
        <translation>Чек № %1 напечатан.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="245"/>
        <source>Save the receipt as PDF</source>
        <translation>Сохранить чек в PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="264"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="265"/>
        <source>exchange</source>
        <translation>обмен</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="266"/>
        <source>contact-centre request</source>
        <translation>заявка в контакт-центр</translation>
    </message>
</context>
<context>
    <name>RefundDeskScreen</name>
    <message>
        <location filename="../../app/views/console.py" line="424"/>
        <location filename="../../app/views/refund_desk.py" line="181"/>
        <location filename="../../app/views/refund_desk_parts.py" line="131"/>
        <source>Refunds</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="184"/>
        <source>Order number or ticket code</source>
        <translation>Номер заказа или код билета</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="185"/>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="186"/>
        <source>Receipts…</source>
        <translation>Чеки…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="187"/>
        <source>Refused at the door today</source>
        <translation>Сегодня не пропущены на входе</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="188"/>
        <location filename="../../app/views/refund_desk_parts.py" line="149"/>
        <source>Receipts not printed</source>
        <translation>Ненапечатанные чеки</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="189"/>
        <source>Print selected receipt</source>
        <translation>Напечатать выбранный чек</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="191"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="191"/>
        <source>Exchange…</source>
        <translation>Обмен…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="192"/>
        <source>Contact-centre request</source>
        <translation>Заявка в контакт-центр</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="192"/>
        <source>Attach proof…</source>
        <translation>Приложить подтверждение…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="193"/>
        <source>Override (supervisor)…</source>
        <translation>Исключение (старший смены)…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="196"/>
        <source>Retry printing</source>
        <translation>Повторить печать</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="229"/>
        <source>No cash shift open</source>
        <translation>Кассовая смена не открыта</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="230"/>
        <source>Open shift</source>
        <translation>Открыть смену</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="232"/>
        <source>Shift open since %1 (%2)</source>
        <translation>Смена открыта с %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="235"/>
        <source>Close shift</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="241"/>
        <source> (refunded)</source>
        <translation> (возврат оформлен)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="250"/>
        <source>No. %1 · order %2 · %3</source>
        <translation>№ %1 · заказ %2 · %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="262"/>
        <source>Order %1 · %2 · %3 · %4</source>
        <translation>Заказ %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="274"/>
        <source>Ashyq proof: refused at %1 at %2 (status %3); the deadline is lifted.</source>
        <translation>Подтверждение Ashyq: отказ на входе %1, %2 (статус: %3); срок возврата снят.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="279"/>
        <source>Attached proof: %1</source>
        <translation>Приложено подтверждение: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="286"/>
        <source>The central server refused this refund: %1</source>
        <translation>Центральный сервер отклонил этот возврат: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="310"/>
        <source>Selected: %1 · fee %2 · refund %3</source>
        <translation>Выбрано: %1 · сбор %2 · к возврату %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="314"/>
        <source>Money back on the card by %1</source>
        <translation>Деньги вернутся на карту до %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="342"/>
        <source>Tickets: %1
Fee withheld: %2
Returned to the card: %3</source>
        <translation>Билеты: %1
Удержанный сбор: %2
Возврат на карту: %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="353"/>
        <source>Refund these tickets?</source>
        <translation>Вернуть эти билеты?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="367"/>
        <source>Refund against the rules?</source>
        <translation>Вернуть вопреки правилам?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="367"/>
        <source>A supervisor approves this refund.</source>
        <translation>Этот возврат одобряет старший смены.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="381"/>
        <source>This organizer has no later session on this console.</source>
        <translation>У этого организатора нет более поздних сеансов в этой консоли.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="386"/>
        <source>Exchange to %1?</source>
        <translation>Обменять на сеанс %1?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="399"/>
        <source>Record a contact-centre request?</source>
        <translation>Оформить заявку в контакт-центр?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="400"/>
        <source>No money moves at the desk; the organizer&apos;s contact centre handles the refund.</source>
        <translation>На кассе деньги не возвращаются: возврат проводит контакт-центр организатора.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="429"/>
        <source>Done: receipt No. %1, returned %2.</source>
        <translation>Готово: чек № %1, возвращено %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="434"/>
        <source>Money back by %1.</source>
        <translation>Деньги вернутся до %1.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="448"/>
        <source>A supervisor may override.</source>
        <translation>Старший смены может сделать исключение.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="449"/>
        <source>Refused by the rules:</source>
        <translation>Отказ по правилам:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="467"/>
        <source>Receipt No. %1 printed to %2.</source>
        <translation>Чек № %1 напечатан в папку %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="471"/>
        <source>Receipt No. %1 printed.</source>
        <translation>Чек № %1 напечатан.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="474"/>
        <source>The receipt did not print: %1. The refund is saved; fix the printer and press Retry.</source>
        <translation>Чек не напечатан: %1. Возврат сохранён; устраните неполадку принтера и нажмите «Повторить печать».</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="542"/>
        <source>No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits.</source>
        <translation>На этом рабочем месте PIN-код старшего смены нельзя проверить без сети. Подключитесь к серверу или попросите у администратора для старшего смены PIN-код из 8 или более цифр.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="108"/>
        <source>the printer is off or not connected</source>
        <translation>принтер выключен или не подключён</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="111"/>
        <source>the paper is out</source>
        <translation>закончилась бумага</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="112"/>
        <source>no permission to use the printer port</source>
        <translation>нет прав на использование порта принтера</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="115"/>
        <source>this printer connection is not supported here</source>
        <translation>такое подключение принтера здесь не поддерживается</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="509"/>
        <source>Close the shift?</source>
        <translation>Закрыть смену?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="509"/>
        <source>The closing summary follows.</source>
        <translation>Далее — итоги смены.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="515"/>
        <source>Shift closed</source>
        <translation>Смена закрыта</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="134"/>
        <source>Ticket prices</source>
        <translation>Стоимость билетов</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="135"/>
        <source>Fees withheld</source>
        <translation>Удержано сборов</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="137"/>
        <source>Returned to cards</source>
        <translation>Возвращено на карты</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="141"/>
        <source>Exchanges</source>
        <translation>Обмены</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="145"/>
        <source>Contact-centre requests</source>
        <translation>Заявки в контакт-центр</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="87"/>
        <source>valid</source>
        <translation>действителен</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="88"/>
        <source>used</source>
        <translation>использован</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="89"/>
        <source>printed at box office</source>
        <translation>распечатан в кассе</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="90"/>
        <source>refunded</source>
        <translation>возвращён</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="91"/>
        <source>exchanged</source>
        <translation>обменян</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="98"/>
        <source>adult</source>
        <translation>взрослый</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="99"/>
        <source>child</source>
        <translation>детский</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="100"/>
        <source>student</source>
        <translation>студенческий</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="118"/>
        <source>its fiscal cheque still waits for the cash register</source>
        <translation>его фискальный чек всё ещё ждёт ККМ</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="123"/>
        <source>printer error</source>
        <translation>ошибка принтера</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="174"/>
        <source>Exchange</source>
        <translation>Обмен</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="175"/>
        <source>Session:</source>
        <translation>Сеанс:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="186"/>
        <source>Attach proof</source>
        <translation>Приложить подтверждение</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="188"/>
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Изображения и PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="197"/>
        <location filename="../../app/views/refund_desk_parts.py" line="204"/>
        <source>Override</source>
        <translation>Исключение</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="198"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="205"/>
        <source>Supervisor PIN:</source>
        <translation>PIN-код старшего смены:</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../app/views/console.py" line="431"/>
        <location filename="../../app/views/reports_screen.py" line="174"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="177"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="178"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="179"/>
        <source>One day</source>
        <translation>Один день</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="180"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="182"/>
        <source>Export %1…</source>
        <translation>Экспорт в %1…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="183"/>
        <source>Venue QR poster (PDF)…</source>
        <translation>QR-плакат объекта (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <source>Denials</source>
        <translation>Отказы</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <source>Doors</source>
        <translation>Входы</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Staff</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="185"/>
        <source>Refunds by organizer</source>
        <translation>Возвраты по организаторам</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="205"/>
        <source>The period ends before it starts.</source>
        <translation>Конец периода раньше начала.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="207"/>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="214"/>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Checks</source>
        <translation>Проверки</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="214"/>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Admitted</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="215"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <location filename="../../app/views/reports_screen.py" line="234"/>
        <source>Denied</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="215"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <source>Entries</source>
        <translation>Вошли</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="216"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <source>Exits</source>
        <translation>Вышли</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="217"/>
        <source>Peak occupancy</source>
        <translation>Максимум внутри</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="218"/>
        <source>Test mode (not counted)</source>
        <translation>Тестовый режим (не учитывается)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="219"/>
        <source>Fees withheld</source>
        <translation>Удержано сборов</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="220"/>
        <source>Returned to cards</source>
        <translation>Возвращено на карты</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="226"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="226"/>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <source>Door</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="234"/>
        <source>Overrides</source>
        <translation>Исключения</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Organizer</source>
        <translation>Организатор</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Refunded</source>
        <translation>Возвращено билетов</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Exchanged</source>
        <translation>Обменяно билетов</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Requests</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Fees</source>
        <translation>Сборы</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Returned</source>
        <translation>Сумма возврата</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="274"/>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="291"/>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="314"/>
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message>
        <location filename="../../app/views/rule_words.py" line="42"/>
        <source>Refused at the door by Ashyq status: no deadline, service fee withheld</source>
        <translation>Отказ на входе по статусу Ashyq: без срока, сервисный сбор удерживается</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="46"/>
        <source>Refused at the door by Ashyq status: exchange without a fee</source>
        <translation>Отказ на входе по статусу Ashyq: обмен без сбора</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="50"/>
        <source>No documents for the tariff: cancelled, service fee withheld</source>
        <translation>Нет документов для тарифа: билет аннулирован, сервисный сбор удерживается</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="54"/>
        <source>%1: an hour or more before the start, fee 10 %</source>
        <translation>%1: за час и более до начала, сбор 10 %</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="58"/>
        <source>%1: less than an hour before the start, fee 20 %</source>
        <translation>%1: менее чем за час до начала, сбор 20 %</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="62"/>
        <location filename="../../app/views/rule_words.py" line="83"/>
        <source>%1: no refunds</source>
        <translation>%1: возврат не производится</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="64"/>
        <source>%1: only through the contact centre</source>
        <translation>%1: только через контакт-центр</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="66"/>
        <source>%1: refund until %2, service fee withheld</source>
        <translation>%1: возврат до %2, сервисный сбор удерживается</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="77"/>
        <source>Printed at the organizer&apos;s box office: refunded there, not here</source>
        <translation>Распечатан в кассе организатора: возврат там, а не здесь</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="81"/>
        <source>The event has already started</source>
        <translation>Мероприятие уже началось</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="85"/>
        <source>%1: no money at the desk; record a request for the contact centre</source>
        <translation>%1: деньги на кассе не выдаются; оформите заявку в контакт-центр</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="89"/>
        <source>The deadline passed at %2</source>
        <translation>Срок истёк в %2</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="91"/>
        <source>Exchanges are made only after an Ashyq denial</source>
        <translation>Обмен возможен только после отказа по Ashyq</translation>
    </message>
</context>
<context>
    <name>ServerRefusal</name>
    <message>
        <location filename="../../app/views/rule_words.py" line="101"/>
        <source>the server does not know this order</source>
        <translation>сервер не знает такого заказа</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="104"/>
        <source>a ticket is not in this order on the server</source>
        <translation>на сервере билета нет в этом заказе</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="107"/>
        <source>a ticket is listed twice in the refund</source>
        <translation>билет указан в возврате дважды</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="110"/>
        <source>a ticket was already refunded or exchanged by another refund</source>
        <translation>билет уже возвращён или обменян другим возвратом</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="113"/>
        <source>a ticket was already used at the door</source>
        <translation>билет уже использован на входе</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="116"/>
        <source>a ticket&apos;s price differs from the server&apos;s</source>
        <translation>цена билета не совпадает с ценой на сервере</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="119"/>
        <source>the fee and the amount returned do not add up to the price</source>
        <translation>сбор и возвращённая сумма в сумме не равны цене</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="122"/>
        <source>the fee is not the one the refund rules give</source>
        <translation>сбор не совпадает со сбором по правилам возврата</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="125"/>
        <source>the door denial given as Ashyq proof has not reached the server</source>
        <translation>отказ на входе, указанный как подтверждение Ashyq, не дошёл до сервера</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="128"/>
        <source>the door visit given as proof is not an Ashyq denial for this order</source>
        <translation>посещение, указанное как подтверждение, не является отказом Ashyq по этому заказу</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="131"/>
        <source>the exchange is not to a later session of the same organizer</source>
        <translation>обмен сделан не на более поздний сеанс того же организатора</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="134"/>
        <source>the refund deadline had passed</source>
        <translation>срок возврата уже прошёл</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="137"/>
        <source>the event had already started</source>
        <translation>мероприятие уже началось</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="138"/>
        <source>the ticket was printed at the organizer&apos;s box office</source>
        <translation>билет распечатан в кассе организатора</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="141"/>
        <source>this organizer gives no refunds</source>
        <translation>этот организатор не делает возвратов</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="144"/>
        <source>exchanges are made only after an Ashyq denial</source>
        <translation>обмен возможен только после отказа по Ashyq</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="147"/>
        <source>this organizer refunds only through its contact centre</source>
        <translation>этот организатор возвращает только через контакт-центр</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="150"/>
        <source>this organizer refunds at the desk, not by a request</source>
        <translation>этот организатор возвращает в кассе, а не по заявке</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="153"/>
        <source>the server&apos;s refund rules do not list this organizer</source>
        <translation>в правилах возврата на сервере нет этого организатора</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="156"/>
        <source>the server found the refund&apos;s data invalid</source>
        <translation>сервер счёл данные возврата неверными</translation>
    </message>
</context>
<context>
    <name>SetAsideDialog</name>
    <message>
        <location filename="../../app/views/set_aside.py" line="121"/>
        <source>Nothing is set aside.</source>
        <translation>Отложенных записей нет.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/set_aside.py" line="135"/>
        <source>Sent again: %n. The result shows here after the sync.</source>
        <translation>
            <numerusform>Отправлено снова: %n. Результат появится здесь после синхронизации.</numerusform>
            <numerusform>Отправлено снова: %n. Результат появится здесь после синхронизации.</numerusform>
            <numerusform>Отправлено снова: %n. Результат появится здесь после синхронизации.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="145"/>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="151"/>
        <source>Visit</source>
        <translation>Посещение</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="152"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="153"/>
        <source>Ticket admission</source>
        <translation>Проход по билету</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="160"/>
        <source>The server cannot accept a value in this record.</source>
        <translation>Сервер не может принять значение в этой записи.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="161"/>
        <source>The server fails on this record; the others were sent.</source>
        <translation>На этой записи сервер даёт сбой; остальные отправлены.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="162"/>
        <source>This version of the console cannot read this record.</source>
        <translation>Эта версия консоли не может прочитать запись.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="163"/>
        <source>The server refused this record.</source>
        <translation>Сервер отклонил эту запись.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="164"/>
        <source>These tickets were already refunded.</source>
        <translation>Эти билеты уже возвращены.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="165"/>
        <source>The ticket was already used.</source>
        <translation>Билет уже использован.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="166"/>
        <source>The amounts differ from the server&apos;s.</source>
        <translation>Суммы расходятся с данными сервера.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="171"/>
        <source>Records set aside</source>
        <translation>Отложенные записи</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="174"/>
        <source>The server refused these records or failed on them, so they were set aside and everything else was sent. They are kept here. Retry once the cause is fixed: select some, or retry all.</source>
        <translation>Сервер отклонил эти записи или дал на них сбой, поэтому они отложены, а всё остальное отправлено. Они хранятся здесь. Отправьте их снова, когда причина устранена: выберите нужные или отправьте все.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Recorded</source>
        <translation>Записано</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="182"/>
        <source>Retry</source>
        <translation>Отправить снова</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="183"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../app/views/settings_screen.py" line="185"/>
        <source>Door</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="186"/>
        <source>Box office</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="187"/>
        <source>Office (manager&apos;s PC)</source>
        <translation>Офис (компьютер менеджера)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="188"/>
        <source>Door, box office and office on one PC</source>
        <translation>Вход, касса и офис на одном компьютере</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="190"/>
        <source>Not known yet: sync once</source>
        <translation>Пока неизвестна: выполните синхронизацию</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="242"/>
        <source>Saved. Camera and scanner changes apply now.</source>
        <translation>Сохранено. Изменения камеры и сканера уже действуют.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="248"/>
        <source>Door %1</source>
        <translation>Вход %1</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="252"/>
        <source>Type the server address and the one-time code first.</source>
        <translation>Сначала введите адрес сервера и одноразовый код.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="254"/>
        <source>Enrolling…</source>
        <translation>Регистрация…</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="258"/>
        <source>Enrolled with venue %1. The token is kept in the system keyring.</source>
        <translation>Зарегистрировано на объекте %1. Токен хранится в системном хранилище ключей.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="269"/>
        <source>Command barcodes saved to %1. Print it and keep it at the door.</source>
        <translation>Командные штрихкоды сохранены: %1. Распечатайте лист и держите его на входе.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="278"/>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="283"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="287"/>
        <source>Camera (number or video file)</source>
        <translation>Камера (номер или видеофайл)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="288"/>
        <source>Barcode decoder</source>
        <translation>Декодер штрихкодов</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="289"/>
        <source>Serial scanner port</source>
        <translation>Порт COM-сканера</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="290"/>
        <source>Serial speed</source>
        <translation>Скорость порта</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="291"/>
        <source>Sounds</source>
        <translation>Звуки</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="292"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="293"/>
        <source>Door label</source>
        <translation>Название входа</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="294"/>
        <source>Receipt printer</source>
        <translation>Принтер чеков</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="295"/>
        <source>Receipt paper</source>
        <translation>Бумага для чеков</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="296"/>
        <source>Verdict shown for (s)</source>
        <translation>Показ решения (с)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="297"/>
        <source>Full screen at start</source>
        <translation>Полный экран при запуске</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="298"/>
        <source>Central server</source>
        <translation>Центральный сервер</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="299"/>
        <source>Fallback service</source>
        <translation>Резервный сервис</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="300"/>
        <source>Station role</source>
        <translation>Роль рабочего места</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="301"/>
        <source>Station name</source>
        <translation>Название рабочего места</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="302"/>
        <source>One-time code</source>
        <translation>Одноразовый код</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="307"/>
        <source>This station</source>
        <translation>Это рабочее место</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="308"/>
        <source>Server and enrollment</source>
        <translation>Сервер и регистрация</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="309"/>
        <source>Venue policy (set on the central server)</source>
        <translation>Правила объекта (задаются на центральном сервере)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="310"/>
        <source>Enroll this station</source>
        <translation>Зарегистрировать рабочее место</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="311"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="312"/>
        <source>Command barcodes (PDF)</source>
        <translation>Командные штрихкоды (PDF)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="313"/>
        <source>Records set aside…</source>
        <translation>Отложенные записи…</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../app/views/status_bar.py" line="97"/>
        <source>Status unknown: %1</source>
        <translation>Состояние неизвестно: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="105"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="113"/>
        <source>● Online since %1</source>
        <translation>● В сети с %1</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="116"/>
        <source>○ OFFLINE since %1</source>
        <translation>○ НЕТ СВЯЗИ с %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/status_bar.py" line="118"/>
        <source>Waiting to send: %n</source>
        <translation>
            <numerusform>Ждут отправки: %n</numerusform>
            <numerusform>Ждут отправки: %n</numerusform>
            <numerusform>Ждут отправки: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="123"/>
        <source>This station was revoked: enroll it again with a new code</source>
        <translation>Это рабочее место отозвано: зарегистрируйте его заново с новым кодом</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="125"/>
        <source>This station&apos;s token expired: enroll it again with a new code</source>
        <translation>Срок токена этого рабочего места истёк: зарегистрируйте его заново с новым кодом</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="127"/>
        <source>This station&apos;s role does not allow this: ask a manager</source>
        <translation>Роль этого рабочего места этого не позволяет: обратитесь к менеджеру</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="129"/>
        <source>The server refused this station: enroll it again</source>
        <translation>Сервер отказал этому рабочему месту: зарегистрируйте его заново</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/status_bar.py" line="102"/>
        <source>%n set aside</source>
        <translation>
            <numerusform>Отложено: %n</numerusform>
            <numerusform>Отложено: %n</numerusform>
            <numerusform>Отложено: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="119"/>
        <source>Last sync: %1</source>
        <translation>Последняя синхронизация: %1</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../app/views/texts.py" line="19"/>
        <source>GREEN</source>
        <translation>ЗЕЛЁНЫЙ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="20"/>
        <source>BLUE</source>
        <translation>СИНИЙ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="21"/>
        <source>YELLOW</source>
        <translation>ЖЁЛТЫЙ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="22"/>
        <source>RED</source>
        <translation>КРАСНЫЙ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="23"/>
        <source>NOT FOUND</source>
        <translation>НЕ НАЙДЕН</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="25"/>
        <source>NO STATUS</source>
        <translation>НЕТ СТАТУСА</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="30"/>
        <source>ADMIT</source>
        <translation>ПРОПУСТИТЬ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="31"/>
        <source>DO NOT ADMIT</source>
        <translation>НЕ ПРОПУСКАТЬ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="32"/>
        <source>CHECK</source>
        <translation>ПРОВЕРИТЬ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="39"/>
        <source>door</source>
        <translation>контролёр</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="40"/>
        <source>cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="41"/>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="42"/>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="49"/>
        <source>central service</source>
        <translation>центральный сервис</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="50"/>
        <source>fallback service</source>
        <translation>резервный сервис</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="51"/>
        <source>saved earlier (offline)</source>
        <translation>сохранён ранее (без связи)</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="52"/>
        <source>visitor&apos;s check-in</source>
        <translation>отметка самого посетителя</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="54"/>
        <source>no source</source>
        <translation>нет источника</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="59"/>
        <source>entry</source>
        <translation>вход</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="60"/>
        <source>exit</source>
        <translation>выход</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="61"/>
        <source>denied</source>
        <translation>отказ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="68"/>
        <source>camera</source>
        <translation>камера</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="69"/>
        <source>USB scanner</source>
        <translation>USB-сканер</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="70"/>
        <source>serial scanner</source>
        <translation>COM-сканер</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="71"/>
        <source>typed IIN</source>
        <translation>ИИН введён вручную</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="72"/>
        <source>visitor&apos;s QR</source>
        <translation>QR-код посетителя</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="73"/>
        <source>command line</source>
        <translation>командная строка</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="81"/>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="83"/>
        <source>%1 min ago</source>
        <translation>%1 мин назад</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="85"/>
        <source>%1 h ago</source>
        <translation>%1 ч назад</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="87"/>
        <source>%1 d ago</source>
        <translation>%1 дн. назад</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="94"/>
        <source>Green status: no restrictions.</source>
        <translation>Зелёный статус: без ограничений.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="95"/>
        <source>Blue status: admitted here.</source>
        <translation>Синий статус: на этот объект пропускают.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="96"/>
        <source>Blue status: on Saturdays and Sundays cinemas admit green only.</source>
        <translation>Синий статус: в субботу и воскресенье в кинотеатр пускают только с зелёным.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="99"/>
        <source>Blue status: admit only after you have seen a negative PCR certificate.</source>
        <translation>Синий статус: пропускайте только после предъявления отрицательной справки ПЦР.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="102"/>
        <source>Blue status: PCR certificate seen by staff.</source>
        <translation>Синий статус: справка ПЦР проверена сотрудником.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="105"/>
        <source>Yellow status: contact of a positive case. Not admitted.</source>
        <translation>Жёлтый статус: контакт с заболевшим. Вход запрещён.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="108"/>
        <source>Yellow status: admitted to essential shops and pharmacies only.</source>
        <translation>Жёлтый статус: можно только в продуктовые и хозяйственные магазины и аптеки.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="111"/>
        <source>Red status: home isolation. Not admitted anywhere.</source>
        <translation>Красный статус: домашняя изоляция. Вход везде запрещён.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="114"/>
        <source>No status found (for example a foreign citizen). A supervisor may admit.</source>
        <translation>Статус не найден (например, иностранный гражданин). Пропустить может старший смены.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="117"/>
        <source>Offline, and the saved status is too old to trust. A supervisor may admit.</source>
        <translation>Нет связи, а сохранённый статус устарел. Пропустить может старший смены.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="120"/>
        <source>The venue is full. Wait until someone leaves.</source>
        <translation>Мест нет. Подождите, пока кто-нибудь выйдет.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="123"/>
        <source>Exit recorded.</source>
        <translation>Выход зарегистрирован.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="124"/>
        <source>Admitted by a supervisor.</source>
        <translation>Пропущен по решению старшего смены.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="127"/>
        <source>A member of the group is not admitted.</source>
        <translation>Одного из группы пропустить нельзя.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="130"/>
        <source>This person is already inside.</source>
        <translation>Этот человек уже внутри.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="133"/>
        <source>This venue&apos;s rules do not admit this status.</source>
        <translation>По правилам объекта с этим статусом не пропускают.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="136"/>
        <source>The visitor&apos;s own check-in is too old. Ask them to scan the poster again.</source>
        <translation>Отметка посетителя устарела. Попросите его снова отсканировать плакат.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="139"/>
        <source>No status service answered and nothing is saved. A supervisor may admit.</source>
        <translation>Сервисы статусов не ответили, сохранённых данных нет. Пропустить может старший смены.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="142"/>
        <source>The whole group may enter.</source>
        <translation>Вся группа может войти.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="143"/>
        <source>Only the members shown in colour may enter.</source>
        <translation>Войти могут только отмеченные цветом.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="146"/>
        <source>A member of the group still needs a check.</source>
        <translation>Одного из группы ещё нужно проверить.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="149"/>
        <source>Nobody in this group may enter.</source>
        <translation>Никто из группы не может войти.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="152"/>
        <source>This is the venue&apos;s own poster. Scan the visitor&apos;s code.</source>
        <translation>Это плакат самого объекта. Отсканируйте код посетителя.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="155"/>
        <source>The scan was empty. Scan again.</source>
        <translation>Пустое сканирование. Отсканируйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="156"/>
        <source>The scan is far too long to be an ID or a ticket. Scan again, or use the serial mode.</source>
        <translation>Слишком длинный код для удостоверения или билета. Отсканируйте ещё раз или включите режим COM-порта.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="160"/>
        <source>An IIN has exactly 12 digits. Scan or type it again.</source>
        <translation>ИИН состоит ровно из 12 цифр. Отсканируйте или введите его ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="163"/>
        <source>An IIN has digits only. Scan or type it again.</source>
        <translation>ИИН состоит только из цифр. Отсканируйте или введите его ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="166"/>
        <source>The IIN&apos;s check digit is wrong: it was misread or mistyped.</source>
        <translation>Неверная контрольная цифра ИИН: он считан или введён с ошибкой.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="169"/>
        <source>No such IIN is ever issued. Check the document.</source>
        <translation>Такой ИИН не выдаётся. Проверьте документ.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="172"/>
        <source>The document&apos;s machine-readable zone could not be read.</source>
        <translation>Не удалось прочитать машиночитаемую зону документа.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="175"/>
        <source>The document&apos;s machine-readable zone failed its check digit: scan it again.</source>
        <translation>Машиночитаемая зона документа не прошла проверку контрольной цифры: отсканируйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="178"/>
        <source>This code is not an ID, a ticket or a command.</source>
        <translation>Этот код — не удостоверение, не билет и не команда.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="181"/>
        <source>Valid ticket: admitted.</source>
        <translation>Билет действителен: пропущен.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="182"/>
        <source>Valid ticket (checked offline).</source>
        <translation>Билет действителен (проверен без связи).</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="185"/>
        <source>This ticket was already used.</source>
        <translation>Этот билет уже использован.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="188"/>
        <source>This ticket was refunded or exchanged.</source>
        <translation>Этот билет возвращён или обменян.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="191"/>
        <source>This ticket is for another session.</source>
        <translation>Этот билет на другой сеанс.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="194"/>
        <source>Unknown ticket, and the server cannot be asked now.</source>
        <translation>Неизвестный билет, а сервер сейчас недоступен.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="197"/>
        <source>Blue status: no PCR certificate shown. Not admitted.</source>
        <translation>Синий статус: справка ПЦР не предъявлена. Не пропускать.</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <location filename="../../app/views/verdict.py" line="279"/>
        <source>✔ Admit (Enter)</source>
        <translation>✔ Пропустить (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="280"/>
        <source>✖ Refuse (Esc)</source>
        <translation>✖ Отказать (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="281"/>
        <source>Supervisor: admit anyway (PIN)</source>
        <translation>Старший смены: всё равно пропустить (PIN)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="283"/>
        <source>READY</source>
        <translation>ГОТОВ</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="284"/>
        <source>Scan the next visitor</source>
        <translation>Отсканируйте следующего посетителя</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="285"/>
        <source>ID card barcode, phone QR, ticket, or type the IIN</source>
        <translation>Штрихкод удостоверения, QR на телефоне, билет — или введите ИИН</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="295"/>
        <source>Source: %1, %2</source>
        <translation>Источник: %1, %2</translation>
    </message>
</context>
<context>
    <name>VisitLogScreen</name>
    <message numerus="yes">
        <location filename="../../app/views/visit_log.py" line="262"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n посещение</numerusform>
            <numerusform>%n посещения</numerusform>
            <numerusform>%n посещений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="272"/>
        <location filename="../../app/views/visit_log.py" line="301"/>
        <source>All doors</source>
        <translation>Все входы</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="275"/>
        <location filename="../../app/views/visit_log.py" line="303"/>
        <source>All staff</source>
        <translation>Все сотрудники</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="278"/>
        <source>Visit log</source>
        <translation>Журнал посещений</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="281"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="282"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="283"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="286"/>
        <source>All directions</source>
        <translation>Все направления</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="290"/>
        <source>All colours</source>
        <translation>Все цвета</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="294"/>
        <source>All verdicts</source>
        <translation>Все решения</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="298"/>
        <source>All methods</source>
        <translation>Все способы</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../app/views/visit_log.py" line="127"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="128"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="129"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="130"/>
        <source>Verdict</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="131"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="132"/>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="133"/>
        <source>Door</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="134"/>
        <source>Staff</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="135"/>
        <source>Person</source>
        <translation>Посетитель</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="136"/>
        <source>Flags</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="174"/>
        <source>test</source>
        <translation>тест</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="176"/>
        <source>offline</source>
        <translation>без связи</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="178"/>
        <source>not sent yet</source>
        <translation>ещё не отправлено</translation>
    </message>
</context>
</TS>
