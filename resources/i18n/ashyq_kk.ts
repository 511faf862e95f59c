<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../app/views/camera_panel.py" line="53"/>
        <source>No camera found. Check the cable or choose another camera in Settings.</source>
        <translation>Камера табылмады. Кабельді тексеріңіз немесе «Баптаулар» бөлімінде басқа камераны таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="56"/>
        <source>The camera is used by another program. Close it, then reopen this screen.</source>
        <translation>Камераны басқа бағдарлама пайдаланып тұр. Оны жауып, осы экранды қайта ашыңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="58"/>
        <source>The video ended.</source>
        <translation>Бейне аяқталды.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="59"/>
        <source>Camera off. Use the scanner or type the IIN.</source>
        <translation>Камера өшірулі. Сканерді пайдаланыңыз немесе ЖСН-ді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="61"/>
        <source>No picture.</source>
        <translation>Кескін жоқ.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="74"/>
        <source>Starting the camera…</source>
        <translation>Камера қосылуда…</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/views/crash.py" line="29"/>
        <source>Something went wrong</source>
        <translation>Бірдеңе дұрыс болмады</translation>
    </message>
    <message>
        <location filename="../../app/views/crash.py" line="31"/>
        <source>The console hit an error it did not expect. Visits already shown are saved. If it happens again, copy the details and send them to your administrator.</source>
        <translation>Консольде күтпеген қате пайда болды. Экранда көрсетілген келулер сақталған. Қате қайталанса, толық мәліметті көшіріп, әкімшіге жіберіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/crash.py" line="40"/>
        <source>Copy details</source>
        <translation>Мәліметті көшіру</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <location filename="../../app/views/door.py" line="206"/>
        <source>This is the venue&apos;s own poster. Scan the visitor&apos;s code.</source>
        <translation>Бұл нысанның өз плакаты. Келушінің кодын сканерлеңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="207"/>
        <source>VENUE POSTER</source>
        <translation>НЫСАН ПЛАКАТЫ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="220"/>
        <source>CANNOT READ</source>
        <translation>ОҚЫЛМАДЫ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="260"/>
        <source>Used at %1 at door %2</source>
        <translation>Пайдаланылды: %1, кіреберіс: %2</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="268"/>
        <source>TICKET VALID — check each person</source>
        <translation>БИЛЕТ ЖАРАМДЫ — әркімді тексеріңіз</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="269"/>
        <source>TICKET NOT VALID</source>
        <translation>БИЛЕТ ЖАРАМСЫЗ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="279"/>
        <source>Not checked: %1. Scan again; nothing was recorded for this scan.</source>
        <translation>Тексерілмеді: %1. Қайта сканерлеңіз; бұл сканерлеу тіркелген жоқ.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="281"/>
        <source>ERROR</source>
        <translation>ҚАТЕ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="289"/>
        <source>Already inside</source>
        <translation>Қазір ішінде</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="290"/>
        <source>This person is already inside. Is this an exit?</source>
        <translation>Бұл адам қазір ішінде. Ол шығып бара ма?</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="334"/>
        <source>Supervisor override</source>
        <translation>Ауысым жетекшісінің шешімі</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="335"/>
        <source>A supervisor admits this visitor. Supervisor&apos;s PIN:</source>
        <translation>Бұл келушіні ауысым жетекшісі кіргізеді. Жетекшінің PIN-коды:</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="355"/>
        <source>No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits.</source>
        <translation>Бұл жұмыс орнында ауысым жетекшісінің PIN-кодын желісіз тексеру мүмкін емес. Серверге қосылыңыз немесе әкімшіден ауысым жетекшісіне 8 немесе одан көп цифрлы PIN-код сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="366"/>
        <source>12 digits; spaces and dashes are ignored.</source>
        <translation>12 сан; бос орын мен сызықшалар ескерілмейді.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="369"/>
        <location filename="../../app/views/door.py" line="387"/>
        <source>Only digits, please.</source>
        <translation>Тек сандарды енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="373"/>
        <source>%1 of 12 digits</source>
        <translation>12 саннан %1</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="381"/>
        <source>Valid IIN. Press Enter to check.</source>
        <translation>ЖСН дұрыс. Тексеру үшін Enter пернесін басыңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="386"/>
        <source>An IIN has exactly 12 digits.</source>
        <translation>ЖСН дәл 12 саннан тұрады.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="388"/>
        <source>Wrong check digit: a digit was mistyped. Check the IIN.</source>
        <translation>Бақылау саны қате: бір сан қате терілген. ЖСН-ді тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="389"/>
        <source>No such IIN is ever issued. Check the digits.</source>
        <translation>Мұндай ЖСН берілмейді. Сандарды тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="390"/>
        <source>Type the IIN.</source>
        <translation>ЖСН-ді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="392"/>
        <source>Not a valid IIN.</source>
        <translation>ЖСН жарамсыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="433"/>
        <source>Inside: %1</source>
        <translation>Ішінде: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="436"/>
        <source>Inside: %1 / %2</source>
        <translation>Ішінде: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="441"/>
        <source>FULL</source>
        <translation>ОРЫН ЖОҚ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="479"/>
        <source>Door</source>
        <translation>Кіреберіс</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="482"/>
        <source>Type the IIN (no phone, no ID card):</source>
        <translation>ЖСН-ді енгізіңіз (телефон да, куәлік те жоқ болса):</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="483"/>
        <source>IIN, 12 digits</source>
        <translation>ЖСН, 12 сан</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="484"/>
        <source>→ ENTRY</source>
        <translation>→ КІРУ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="485"/>
        <source>← EXIT</source>
        <translation>← ШЫҒУ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="486"/>
        <source>Visitors&apos; own check-ins (poster QR)</source>
        <translation>Келушілердің өз тіркелуі (плакаттағы QR)</translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <location filename="../../app/views/group_panel.py" line="58"/>
        <source>used at %1 at door %2</source>
        <translation>пайдаланылды: %1, кіреберіс: %2</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="63"/>
        <source>valid</source>
        <translation>жарамды</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="64"/>
        <source>used</source>
        <translation>пайдаланылған</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="65"/>
        <source>refunded</source>
        <translation>қайтарылған</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="66"/>
        <source>exchanged</source>
        <translation>айырбасталған</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="67"/>
        <source>for another session</source>
        <translation>басқа сеансқа</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="75"/>
        <source>Group</source>
        <translation>Топ</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="76"/>
        <source>Scan a ticket to see its order here.</source>
        <translation>Тапсырысты осында көру үшін билетті сканерлеңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="80"/>
        <source>Order %1</source>
        <translation>Тапсырыс %1</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="85"/>
        <source>not checked yet</source>
        <translation>әлі тексерілмеген</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="95"/>
        <source>Group: %1</source>
        <translation>Топ: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="102"/>
        <source>Group: check each person</source>
        <translation>Топ: әркімді тексеріңіз</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/views/login.py" line="139"/>
        <source>No staff are set up for this station yet. Enroll the station first.</source>
        <translation>Бұл жұмыс орнына әлі қызметкерлер қосылмаған. Алдымен жұмыс орнын тіркеңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="159"/>
        <source>Choose your name first.</source>
        <translation>Алдымен атыңызды таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="164"/>
        <source>Type your PIN.</source>
        <translation>PIN-кодыңызды енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="167"/>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/login.py" line="183"/>
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>PIN-код тым көп рет қате терілді. %n секундтан кейін қайталаңыз.</numerusform>
            <numerusform>PIN-код тым көп рет қате терілді. %n секундтан кейін қайталаңыз.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="189"/>
        <source>Your PIN can be checked only by the server, which does not answer. Ask the administrator for a new PIN of 8 or more digits to work offline.</source>
        <translation>PIN-кодыңызды тек сервер тексере алады, ал ол жауап бермей тұр. Желісіз жұмыс істеу үшін әкімшіден 8 немесе одан көп цифрлы жаңа PIN-код сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="193"/>
        <source>Wrong PIN. Try again.</source>
        <translation>PIN-код қате. Қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="196"/>
        <source>Could not log in: %1</source>
        <translation>Жүйеге кіру мүмкін болмады: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="201"/>
        <source>Locked by %1. Type your PIN to continue.</source>
        <translation>Экран құлыпталды (%1). Жалғастыру үшін PIN-кодты енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="206"/>
        <source>Who is working at this station?</source>
        <translation>Мұнда қазір кім жұмыс істейді?</translation>
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
        <translation>Консоль іске қосылмады</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="122"/>
        <source>This PC is not enrolled with the central server yet. Ask your administrator for a one-time code and run: ashyq enroll --server URL --code CODE</source>
        <translation>Бұл компьютер орталық серверде әлі тіркелмеген. Әкімшіден бір реттік кодты сұрап, мына пәрменді орындаңыз: ashyq enroll --server URL --code CODE</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="127"/>
        <source>The system keyring, where the station&apos;s token is kept, is not available. On Windows it is built in; on Linux install and unlock GNOME Keyring or KWallet.</source>
        <translation>Жұмыс орнының токені сақталатын жүйелік кілттер қоймасы қолжетімсіз. Windows-та ол кірістірілген; Linux-та GNOME Keyring немесе KWallet орнатып, құлпын ашыңыз.</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="132"/>
        <source>The database is used by another copy of the console. Close it and try again.</source>
        <translation>Дерекқорды консольдің басқа данасы пайдаланып тұр. Оны жауып, қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="136"/>
        <source>Error: %1</source>
        <translation>Қате: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="226"/>
        <source>Log in first: scans are checked only when someone is logged in.</source>
        <translation>Алдымен жүйеге кіріңіз: біреу жүйеге кірмейінше сканерлеу тексерілмейді.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="237"/>
        <source>This screen does not take scans.</source>
        <translation>Бұл экран сканерлеуді қабылдамайды.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="257"/>
        <source>Ashyq console</source>
        <translation>Ashyq консолі</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="259"/>
        <source>TEST MODE — records are marked as test and do not count for the venue</source>
        <translation>СЫНАҚ РЕЖИМІ — жазбалар сынақ деп белгіленеді және нысанға есептелмейді</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="264"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="271"/>
        <source>OFFLINE — statuses come from saved answers; every scan is kept and sent later</source>
        <translation>БАЙЛАНЫС ЖОҚ — мәртебелер сақталған жауаптардан алынады; әр сканерлеу сақталып, кейін жіберіледі</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="273"/>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="274"/>
        <source>Log out</source>
        <translation>Жүйеден шығу</translation>
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
        <translation>Бағасы</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Rule</source>
        <translation>Ереже</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Fee</source>
        <translation>Алым</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
</context>
<context>
    <name>ReceiptHistoryDialog</name>
    <message>
        <location filename="../../app/views/receipt_history.py" line="281"/>
        <location filename="../../app/views/receipt_history.py" line="286"/>
        <source>Receipts</source>
        <translation>Чектер</translation>
    </message>
</context>
<context>
    <name>ReceiptHistoryPanel</name>
    <message>
        <location filename="../../app/views/receipt_history.py" line="111"/>
        <source>Receipt number or order number</source>
        <translation>Чек нөмірі немесе тапсырыс нөмірі</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="112"/>
        <source>Day:</source>
        <translation>Күні:</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="113"/>
        <source>Find</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Order</source>
        <translation>Тапсырыс</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="116"/>
        <source>Returned</source>
        <translation>Қайтарылған сома</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="116"/>
        <source>Printed</source>
        <translation>Басылды</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="118"/>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="119"/>
        <source>Print</source>
        <translation>Басып шығару</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="120"/>
        <source>Reprint (COPY)</source>
        <translation>Қайта басу (КӨШІРМЕ)</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="151"/>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="151"/>
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="156"/>
        <source>No receipts found.</source>
        <translation>Чек табылмады.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="225"/>
        <source>Receipt No. %1 did not print: %2.</source>
        <translation>№ %1 чек басылмады: %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="228"/>
        <source>Receipt No. %1 saved to %2.</source>
        <translation>№ %1 чек %2 файлына сақталды.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="231"/>
        <source>A copy of receipt No. %1 printed.</source>
        <translation>№ %1 чектің көшірмесі басып шығарылды.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="233"/>
        <source>Receipt No. %1 printed.</source>
        <translation>№ %1 чек басып шығарылды.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="245"/>
        <source>Save the receipt as PDF</source>
        <translation>Чекті PDF ретінде сақтау</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="264"/>
        <source>refund</source>
        <translation>қайтару</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="265"/>
        <source>exchange</source>
        <translation>айырбастау</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="266"/>
        <source>contact-centre request</source>
        <translation>байланыс орталығына өтініш</translation>
    </message>
</context>
<context>
    <name>RefundDeskScreen</name>
    <message>
        <location filename="../../app/views/console.py" line="424"/>
        <location filename="../../app/views/refund_desk.py" line="181"/>
        <location filename="../../app/views/refund_desk_parts.py" line="131"/>
        <source>Refunds</source>
        <translation>Қайтарулар</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="184"/>
        <source>Order number or ticket code</source>
        <translation>Тапсырыс нөмірі немесе билет коды</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="185"/>
        <source>Find</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="186"/>
        <source>Receipts…</source>
        <translation>Чектер…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="187"/>
        <source>Refused at the door today</source>
        <translation>Бүгін кіреберісте кіргізілмегендер</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="188"/>
        <location filename="../../app/views/refund_desk_parts.py" line="149"/>
        <source>Receipts not printed</source>
        <translation>Басылмаған чектер</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="189"/>
        <source>Print selected receipt</source>
        <translation>Таңдалған чекті басып шығару</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="191"/>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="191"/>
        <source>Exchange…</source>
        <translation>Айырбастау…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="192"/>
        <source>Contact-centre request</source>
        <translation>Байланыс орталығына өтінім</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="192"/>
        <source>Attach proof…</source>
        <translation>Дәлел қосу…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="193"/>
        <source>Override (supervisor)…</source>
        <translation>Ерекше рұқсат (жетекші)…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="196"/>
        <source>Retry printing</source>
        <translation>Қайта басып шығару</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="229"/>
        <source>No cash shift open</source>
        <translation>Касса ауысымы ашылмаған</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="230"/>
        <source>Open shift</source>
        <translation>Ауысымды ашу</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="232"/>
        <source>Shift open since %1 (%2)</source>
        <translation>Ауысым ашылды: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="235"/>
        <source>Close shift</source>
        <translation>Ауысымды жабу</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="241"/>
        <source> (refunded)</source>
        <translation> (қайтарылды)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="250"/>
        <source>No. %1 · order %2 · %3</source>
        <translation>№ %1 · тапсырыс %2 · %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="262"/>
        <source>Order %1 · %2 · %3 · %4</source>
        <translation>Тапсырыс %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="274"/>
        <source>Ashyq proof: refused at %1 at %2 (status %3); the deadline is lifted.</source>
        <translation>Ashyq дәлелі: кіргізілмеді — кіреберіс %1, %2 (мәртебе: %3); қайтару мерзімі шектелмейді.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="279"/>
        <source>Attached proof: %1</source>
        <translation>Қосылған дәлел: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="286"/>
        <source>The central server refused this refund: %1</source>
        <translation>Орталық сервер бұл қайтаруды қабылдамады: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="310"/>
        <source>Selected: %1 · fee %2 · refund %3</source>
        <translation>Таңдалды: %1 · алым %2 · қайтарылады %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="314"/>
        <source>Money back on the card by %1</source>
        <translation>Ақша картаға қайтарылатын соңғы күн: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="342"/>
        <source>Tickets: %1
Fee withheld: %2
Returned to the card: %3</source>
        <translation>Билеттер: %1
Ұсталған алым: %2
Картаға қайтарылады: %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="353"/>
        <source>Refund these tickets?</source>
        <translation>Бұл билеттер қайтарылсын ба?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="367"/>
        <source>Refund against the rules?</source>
        <translation>Ережеге қарамастан қайтарылсын ба?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="367"/>
        <source>A supervisor approves this refund.</source>
        <translation>Бұл қайтаруды ауысым жетекшісі мақұлдайды.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="381"/>
        <source>This organizer has no later session on this console.</source>
        <translation>Бұл ұйымдастырушының осы консольде кейінгі сеансы жоқ.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="386"/>
        <source>Exchange to %1?</source>
        <translation>%1 сеансына айырбасталсын ба?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="399"/>
        <source>Record a contact-centre request?</source>
        <translation>Байланыс орталығына өтінім тіркелсін бе?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="400"/>
        <source>No money moves at the desk; the organizer&apos;s contact centre handles the refund.</source>
        <translation>Кассада ақша қайтарылмайды: қайтаруды ұйымдастырушының байланыс орталығы жүргізеді.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="429"/>
        <source>Done: receipt No. %1, returned %2.</source>
        <translation>Дайын: чек № %1, қайтарылды %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="434"/>
        <source>Money back by %1.</source>
        <translation>Ақша қайтарылатын соңғы күн: %1.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="448"/>
        <source>A supervisor may override.</source>
        <translation>Ауысым жетекшісі ерекше рұқсат бере алады.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="449"/>
        <source>Refused by the rules:</source>
        <translation>Ереже бойынша бас тартылды:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="467"/>
        <source>Receipt No. %1 printed to %2.</source>
        <translation>№ %1 чек %2 қалтасына басып шығарылды.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="471"/>
        <source>Receipt No. %1 printed.</source>
        <translation>№ %1 чек басып шығарылды.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="474"/>
        <source>The receipt did not print: %1. The refund is saved; fix the printer and press Retry.</source>
        <translation>Чек басылмады: %1. Қайтару сақталды; принтерді жөндеп, «Қайта басып шығару» батырмасын басыңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="542"/>
        <source>No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits.</source>
        <translation>Бұл жұмыс орнында ауысым жетекшісінің PIN-кодын желісіз тексеру мүмкін емес. Серверге қосылыңыз немесе әкімшіден ауысым жетекшісіне 8 немесе одан көп цифрлы PIN-код сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="108"/>
        <source>the printer is off or not connected</source>
        <translation>принтер өшірулі немесе қосылмаған</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="111"/>
        <source>the paper is out</source>
        <translation>қағаз таусылды</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="112"/>
        <source>no permission to use the printer port</source>
        <translation>принтер портын пайдалануға рұқсат жоқ</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="115"/>
        <source>this printer connection is not supported here</source>
        <translation>принтердің мұндай қосылымы мұнда қолдау көрсетілмейді</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="509"/>
        <source>Close the shift?</source>
        <translation>Ауысым жабылсын ба?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="509"/>
        <source>The closing summary follows.</source>
        <translation>Одан кейін ауысым қорытындысы шығады.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="515"/>
        <source>Shift closed</source>
        <translation>Ауысым жабылды</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="134"/>
        <source>Ticket prices</source>
        <translation>Билеттер құны</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="135"/>
        <source>Fees withheld</source>
        <translation>Ұсталған алымдар</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="137"/>
        <source>Returned to cards</source>
        <translation>Карталарға қайтарылды</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="141"/>
        <source>Exchanges</source>
        <translation>Айырбастаулар</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="145"/>
        <source>Contact-centre requests</source>
        <translation>Байланыс орталығына өтінімдер</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="87"/>
        <source>valid</source>
        <translation>жарамды</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="88"/>
        <source>used</source>
        <translation>пайдаланылған</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="89"/>
        <source>printed at box office</source>
        <translation>кассада басып шығарылған</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="90"/>
        <source>refunded</source>
        <translation>қайтарылған</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="91"/>
        <source>exchanged</source>
        <translation>айырбасталған</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="98"/>
        <source>adult</source>
        <translation>ересек</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="99"/>
        <source>child</source>
        <translation>балалар</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="100"/>
        <source>student</source>
        <translation>студенттік</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="118"/>
        <source>its fiscal cheque still waits for the cash register</source>
        <translation>оның фискалдық чегі әлі де БКМ-ді күтуде</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="123"/>
        <source>printer error</source>
        <translation>принтер қатесі</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="174"/>
        <source>Exchange</source>
        <translation>Айырбастау</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="175"/>
        <source>Session:</source>
        <translation>Сеанс:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="186"/>
        <source>Attach proof</source>
        <translation>Дәлел қосу</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="188"/>
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Суреттер және PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="197"/>
        <location filename="../../app/views/refund_desk_parts.py" line="204"/>
        <source>Override</source>
        <translation>Ерекше рұқсат</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="198"/>
        <source>Reason:</source>
        <translation>Себебі:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="205"/>
        <source>Supervisor PIN:</source>
        <translation>Жетекшінің PIN-коды:</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../app/views/console.py" line="431"/>
        <location filename="../../app/views/reports_screen.py" line="174"/>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="177"/>
        <source>From</source>
        <translation>Кезең:</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="178"/>
        <source>to</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="179"/>
        <source>One day</source>
        <translation>Бір күн</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="180"/>
        <source>Show</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="182"/>
        <source>Export %1…</source>
        <translation>%1 файлына экспорттау…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="183"/>
        <source>Venue QR poster (PDF)…</source>
        <translation>Нысанның QR-плакаты (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <source>Denials</source>
        <translation>Кіргізілмегендер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <source>Doors</source>
        <translation>Кіреберістер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Staff</source>
        <translation>Қызметкер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="185"/>
        <source>Refunds by organizer</source>
        <translation>Ұйымдастырушылар бойынша қайтару</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="205"/>
        <source>The period ends before it starts.</source>
        <translation>Кезеңнің соңы басынан ерте.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="207"/>
        <source>Counting…</source>
        <translation>Есептелуде…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="214"/>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Checks</source>
        <translation>Тексерулер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="214"/>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Admitted</source>
        <translation>Кіргізілді</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="215"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <location filename="../../app/views/reports_screen.py" line="234"/>
        <source>Denied</source>
        <translation>Кіргізілмеді</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="215"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <source>Entries</source>
        <translation>Кіргендер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="216"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <source>Exits</source>
        <translation>Шыққандар</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="217"/>
        <source>Peak occupancy</source>
        <translation>Ішінде ең көп болғаны</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="218"/>
        <source>Test mode (not counted)</source>
        <translation>Сынақ режимі (есептелмейді)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="219"/>
        <source>Fees withheld</source>
        <translation>Ұсталған алымдар</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="220"/>
        <source>Returned to cards</source>
        <translation>Карталарға қайтарылды</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="226"/>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="226"/>
        <source>Count</source>
        <translation>Саны</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <source>Door</source>
        <translation>Кіреберіс</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="234"/>
        <source>Overrides</source>
        <translation>Ерекше рұқсаттар</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Organizer</source>
        <translation>Ұйымдастырушы</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Refunded</source>
        <translation>Қайтарылған билеттер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Exchanged</source>
        <translation>Айырбасталған билеттер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Requests</source>
        <translation>Өтінімдер</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Fees</source>
        <translation>Алымдар</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Returned</source>
        <translation>Қайтарылған сома</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="274"/>
        <source>Exporting…</source>
        <translation>Экспортталуда…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="291"/>
        <source>Saved: %1</source>
        <translation>Сақталды: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="314"/>
        <source>Save as</source>
        <translation>Басқаша сақтау</translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message>
        <location filename="../../app/views/rule_words.py" line="42"/>
        <source>Refused at the door by Ashyq status: no deadline, service fee withheld</source>
        <translation>Кіреберісте Ashyq мәртебесі бойынша кіргізілмеді: мерзім шектелмейді, сервистік алым ұсталады</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="46"/>
        <source>Refused at the door by Ashyq status: exchange without a fee</source>
        <translation>Кіреберісте Ashyq мәртебесі бойынша кіргізілмеді: айырбастау алымсыз</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="50"/>
        <source>No documents for the tariff: cancelled, service fee withheld</source>
        <translation>Тарифке құжат жоқ: билет жойылды, сервистік алым ұсталады</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="54"/>
        <source>%1: an hour or more before the start, fee 10 %</source>
        <translation>%1: басталуына бір сағат не одан көп уақыт бар, алым 10 %</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="58"/>
        <source>%1: less than an hour before the start, fee 20 %</source>
        <translation>%1: басталуына бір сағаттан аз уақыт қалды, алым 20 %</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="62"/>
        <location filename="../../app/views/rule_words.py" line="83"/>
        <source>%1: no refunds</source>
        <translation>%1: билет қайтарылмайды</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="64"/>
        <source>%1: only through the contact centre</source>
        <translation>%1: тек байланыс орталығы арқылы</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="66"/>
        <source>%1: refund until %2, service fee withheld</source>
        <translation>%1: қайтару мерзімі %2 дейін, сервистік алым ұсталады</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="77"/>
        <source>Printed at the organizer&apos;s box office: refunded there, not here</source>
        <translation>Ұйымдастырушының кассасында басып шығарылған: ақша сонда қайтарылады, мұнда емес</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="81"/>
        <source>The event has already started</source>
        <translation>Іс-шара басталып кетті</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="85"/>
        <source>%1: no money at the desk; record a request for the contact centre</source>
        <translation>%1: кассада ақша берілмейді; байланыс орталығына өтінішті тіркеңіз</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="89"/>
        <source>The deadline passed at %2</source>
        <translation>Мерзім %2 кезінде өтіп кетті</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="91"/>
        <source>Exchanges are made only after an Ashyq denial</source>
        <translation>Айырбастау тек Ashyq бойынша кіргізілмегеннен кейін жасалады</translation>
    </message>
</context>
<context>
    <name>ServerRefusal</name>
    <message>
        <location filename="../../app/views/rule_words.py" line="101"/>
        <source>the server does not know this order</source>
        <translation>серверде мұндай тапсырыс жоқ</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="104"/>
        <source>a ticket is not in this order on the server</source>
        <translation>серверде билет бұл тапсырыста жоқ</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="107"/>
        <source>a ticket is listed twice in the refund</source>
        <translation>қайтаруда бір билет екі рет көрсетілген</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="110"/>
        <source>a ticket was already refunded or exchanged by another refund</source>
        <translation>билет басқа қайтарумен бұрын қайтарылған немесе айырбасталған</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="113"/>
        <source>a ticket was already used at the door</source>
        <translation>билет кіреберісте пайдаланылып қойған</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="116"/>
        <source>a ticket&apos;s price differs from the server&apos;s</source>
        <translation>билет бағасы сервердегі бағадан өзгеше</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="119"/>
        <source>the fee and the amount returned do not add up to the price</source>
        <translation>алым мен қайтарылған сома қосындысы бағаға тең емес</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="122"/>
        <source>the fee is not the one the refund rules give</source>
        <translation>алым қайтару ережелері бойынша есептелген алымға сәйкес емес</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="125"/>
        <source>the door denial given as Ashyq proof has not reached the server</source>
        <translation>Ashyq дәлелі ретінде көрсетілген кіреберістегі бас тарту серверге жетпеген</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="128"/>
        <source>the door visit given as proof is not an Ashyq denial for this order</source>
        <translation>дәлел ретінде көрсетілген келу бұл тапсырыс бойынша Ashyq себебінен бас тарту емес</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="131"/>
        <source>the exchange is not to a later session of the same organizer</source>
        <translation>айырбастау сол ұйымдастырушының кейінгі сеансына жасалмаған</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="134"/>
        <source>the refund deadline had passed</source>
        <translation>қайтару мерзімі өтіп кеткен</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="137"/>
        <source>the event had already started</source>
        <translation>іс-шара басталып кеткен</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="138"/>
        <source>the ticket was printed at the organizer&apos;s box office</source>
        <translation>билет ұйымдастырушының кассасында басып шығарылған</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="141"/>
        <source>this organizer gives no refunds</source>
        <translation>бұл ұйымдастырушы билетті қайтармайды</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="144"/>
        <source>exchanges are made only after an Ashyq denial</source>
        <translation>айырбастау тек Ashyq себебінен кіргізбегеннен кейін жасалады</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="147"/>
        <source>this organizer refunds only through its contact centre</source>
        <translation>бұл ұйымдастырушы тек байланыс орталығы арқылы қайтарады</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="150"/>
        <source>this organizer refunds at the desk, not by a request</source>
        <translation>бұл ұйымдастырушы өтінім арқылы емес, кассада қайтарады</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="153"/>
        <source>the server&apos;s refund rules do not list this organizer</source>
        <translation>сервердің қайтару ережелерінде бұл ұйымдастырушы жоқ</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="156"/>
        <source>the server found the refund&apos;s data invalid</source>
        <translation>сервер қайтару деректерін жарамсыз деп тапты</translation>
    </message>
</context>
<context>
    <name>SetAsideDialog</name>
    <message>
        <location filename="../../app/views/set_aside.py" line="121"/>
        <source>Nothing is set aside.</source>
        <translation>Шетке қойылған ештеңе жоқ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/set_aside.py" line="135"/>
        <source>Sent again: %n. The result shows here after the sync.</source>
        <translation>
            <numerusform>Қайта жіберілді: %n. Нәтижесі синхрондаудан кейін осында көрінеді.</numerusform>
            <numerusform>Қайта жіберілді: %n. Нәтижесі синхрондаудан кейін осында көрінеді.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="145"/>
        <source>Failed: %1</source>
        <translation>Сәтсіз: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="151"/>
        <source>Visit</source>
        <translation>Келу</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="152"/>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="153"/>
        <source>Ticket admission</source>
        <translation>Билетпен кіргізу</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="160"/>
        <source>The server cannot accept a value in this record.</source>
        <translation>Сервер осы жазбадағы мәнді қабылдай алмайды.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="161"/>
        <source>The server fails on this record; the others were sent.</source>
        <translation>Сервер осы жазбада қатеге ұшырайды; қалғандары жіберілді.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="162"/>
        <source>This version of the console cannot read this record.</source>
        <translation>Консольдің бұл нұсқасы осы жазбаны оқи алмайды.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="163"/>
        <source>The server refused this record.</source>
        <translation>Сервер бұл жазбаны қабылдамады.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="164"/>
        <source>These tickets were already refunded.</source>
        <translation>Бұл билеттер бұрын қайтарылған.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="165"/>
        <source>The ticket was already used.</source>
        <translation>Билет бұрын пайдаланылған.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="166"/>
        <source>The amounts differ from the server&apos;s.</source>
        <translation>Сомалар сервердегіден өзгеше.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="171"/>
        <source>Records set aside</source>
        <translation>Шетке қойылған жазбалар</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="174"/>
        <source>The server refused these records or failed on them, so they were set aside and everything else was sent. They are kept here. Retry once the cause is fixed: select some, or retry all.</source>
        <translation>Сервер бұл жазбаларды қабылдамады немесе оларда қатеге ұшырады, сондықтан олар шетке қойылды, қалғанының бәрі жіберілді. Олар осында сақтаулы. Себебі жойылғанда қайта жіберіңіз: біреулерін таңдаңыз немесе бәрін қайта жіберіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Recorded</source>
        <translation>Жазылған уақыты</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Attempts</source>
        <translation>Әрекеттер</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="182"/>
        <source>Retry</source>
        <translation>Қайта жіберу</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="183"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../app/views/settings_screen.py" line="185"/>
        <source>Door</source>
        <translation>Кіреберіс</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="186"/>
        <source>Box office</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="187"/>
        <source>Office (manager&apos;s PC)</source>
        <translation>Кеңсе (менеджер компьютері)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="188"/>
        <source>Door, box office and office on one PC</source>
        <translation>Кіреберіс, касса және кеңсе бір компьютерде</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="190"/>
        <source>Not known yet: sync once</source>
        <translation>Әзірге белгісіз: бір рет синхрондаңыз</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="242"/>
        <source>Saved. Camera and scanner changes apply now.</source>
        <translation>Сақталды. Камера мен сканердің өзгерістері бірден күшіне енді.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="248"/>
        <source>Door %1</source>
        <translation>Кіреберіс %1</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="252"/>
        <source>Type the server address and the one-time code first.</source>
        <translation>Алдымен сервер мекенжайы мен бір реттік кодты енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="254"/>
        <source>Enrolling…</source>
        <translation>Тіркелуде…</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="258"/>
        <source>Enrolled with venue %1. The token is kept in the system keyring.</source>
        <translation>Нысанға тіркелді: %1. Токен жүйелік кілттер қоймасында сақталады.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="269"/>
        <source>Command barcodes saved to %1. Print it and keep it at the door.</source>
        <translation>Пәрмен штрихкодтары сақталды: %1. Оны басып шығарып, кіреберісте ұстаңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="278"/>
        <source>Failed: %1</source>
        <translation>Сәтсіз: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="283"/>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="287"/>
        <source>Camera (number or video file)</source>
        <translation>Камера (нөмірі немесе бейнефайл)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="288"/>
        <source>Barcode decoder</source>
        <translation>Штрихкод декодері</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="289"/>
        <source>Serial scanner port</source>
        <translation>COM-сканер порты</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="290"/>
        <source>Serial speed</source>
        <translation>Порт жылдамдығы</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="291"/>
        <source>Sounds</source>
        <translation>Дыбыстар</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="292"/>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="293"/>
        <source>Door label</source>
        <translation>Кіреберіс атауы</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="294"/>
        <source>Receipt printer</source>
        <translation>Чек принтері</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="295"/>
        <source>Receipt paper</source>
        <translation>Чек қағазы</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="296"/>
        <source>Verdict shown for (s)</source>
        <translation>Шешімді көрсету уақыты (с)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="297"/>
        <source>Full screen at start</source>
        <translation>Іске қосқанда толық экран</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="298"/>
        <source>Central server</source>
        <translation>Орталық сервер</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="299"/>
        <source>Fallback service</source>
        <translation>Резервтік сервис</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="300"/>
        <source>Station role</source>
        <translation>Жұмыс орнының рөлі</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="301"/>
        <source>Station name</source>
        <translation>Жұмыс орнының атауы</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="302"/>
        <source>One-time code</source>
        <translation>Бір реттік код</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="307"/>
        <source>This station</source>
        <translation>Осы жұмыс орны</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="308"/>
        <source>Server and enrollment</source>
        <translation>Сервер және тіркеу</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="309"/>
        <source>Venue policy (set on the central server)</source>
        <translation>Нысан ережелері (орталық серверде белгіленеді)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="310"/>
        <source>Enroll this station</source>
        <translation>Жұмыс орнын тіркеу</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="311"/>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="312"/>
        <source>Command barcodes (PDF)</source>
        <translation>Пәрмен штрихкодтары (PDF)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="313"/>
        <source>Records set aside…</source>
        <translation>Шетке қойылған жазбалар…</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../app/views/status_bar.py" line="97"/>
        <source>Status unknown: %1</source>
        <translation>Күйі белгісіз: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="105"/>
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="113"/>
        <source>● Online since %1</source>
        <translation>● Желіде (қосылғаны: %1)</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="116"/>
        <source>○ OFFLINE since %1</source>
        <translation>○ БАЙЛАНЫС ЖОҚ (үзілгені: %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/status_bar.py" line="118"/>
        <source>Waiting to send: %n</source>
        <translation>
            <numerusform>Жіберуді күтуде: %n</numerusform>
            <numerusform>Жіберуді күтуде: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="123"/>
        <source>This station was revoked: enroll it again with a new code</source>
        <translation>Бұл жұмыс орнының рұқсаты қайтарылды: оны жаңа кодпен қайта тіркеңіз</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="125"/>
        <source>This station&apos;s token expired: enroll it again with a new code</source>
        <translation>Бұл жұмыс орнының токенінің мерзімі өтті: оны жаңа кодпен қайта тіркеңіз</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="127"/>
        <source>This station&apos;s role does not allow this: ask a manager</source>
        <translation>Бұл жұмыс орнының рөлі мұны рұқсат етпейді: менеджерге хабарласыңыз</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="129"/>
        <source>The server refused this station: enroll it again</source>
        <translation>Сервер бұл жұмыс орнын қабылдамады: оны қайта тіркеңіз</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/status_bar.py" line="102"/>
        <source>%n set aside</source>
        <translation>
            <numerusform>Шетке қойылды: %n</numerusform>
            <numerusform>Шетке қойылды: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="119"/>
        <source>Last sync: %1</source>
        <translation>Соңғы синхрондау: %1</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../app/views/texts.py" line="19"/>
        <source>GREEN</source>
        <translation>ЖАСЫЛ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="20"/>
        <source>BLUE</source>
        <translation>КӨК</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="21"/>
        <source>YELLOW</source>
        <translation>САРЫ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="22"/>
        <source>RED</source>
        <translation>ҚЫЗЫЛ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="23"/>
        <source>NOT FOUND</source>
        <translation>ТАБЫЛМАДЫ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="25"/>
        <source>NO STATUS</source>
        <translation>МӘРТЕБЕ ЖОҚ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="30"/>
        <source>ADMIT</source>
        <translation>КІРУГЕ РҰҚСАТ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="31"/>
        <source>DO NOT ADMIT</source>
        <translation>КІРГІЗБЕУ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="32"/>
        <source>CHECK</source>
        <translation>ТЕКСЕРУ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="39"/>
        <source>door</source>
        <translation>бақылаушы</translation>
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
        <translation>әкімші</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="49"/>
        <source>central service</source>
        <translation>орталық сервис</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="50"/>
        <source>fallback service</source>
        <translation>резервтік сервис</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="51"/>
        <source>saved earlier (offline)</source>
        <translation>бұрын сақталған (байланыссыз)</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="52"/>
        <source>visitor&apos;s check-in</source>
        <translation>келушінің өз тіркелуі</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="54"/>
        <source>no source</source>
        <translation>дереккөз жоқ</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="59"/>
        <source>entry</source>
        <translation>кіру</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="60"/>
        <source>exit</source>
        <translation>шығу</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="61"/>
        <source>denied</source>
        <translation>кіргізілмеді</translation>
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
        <translation>ЖСН қолмен енгізілді</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="72"/>
        <source>visitor&apos;s QR</source>
        <translation>келушінің QR-коды</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="73"/>
        <source>command line</source>
        <translation>пәрмен жолы</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="81"/>
        <source>just now</source>
        <translation>жаңа ғана</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="83"/>
        <source>%1 min ago</source>
        <translation>%1 мин бұрын</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="85"/>
        <source>%1 h ago</source>
        <translation>%1 сағ бұрын</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="87"/>
        <source>%1 d ago</source>
        <translation>%1 күн бұрын</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="94"/>
        <source>Green status: no restrictions.</source>
        <translation>Жасыл мәртебе: шектеу жоқ.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="95"/>
        <source>Blue status: admitted here.</source>
        <translation>Көк мәртебе: бұл нысанға кіруге болады.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="96"/>
        <source>Blue status: on Saturdays and Sundays cinemas admit green only.</source>
        <translation>Көк мәртебе: сенбі мен жексенбіде кинотеатрға тек жасыл мәртебемен кіргізеді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="99"/>
        <source>Blue status: admit only after you have seen a negative PCR certificate.</source>
        <translation>Көк мәртебе: теріс ПТР анықтамасын көргеннен кейін ғана кіргізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="102"/>
        <source>Blue status: PCR certificate seen by staff.</source>
        <translation>Көк мәртебе: ПТР анықтамасын қызметкер тексерді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="105"/>
        <source>Yellow status: contact of a positive case. Not admitted.</source>
        <translation>Сары мәртебе: COVID-19 сынағы оң адаммен байланыста болған. Кіргізілмейді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="108"/>
        <source>Yellow status: admitted to essential shops and pharmacies only.</source>
        <translation>Сары мәртебе: тек азық-түлік және шаруашылық дүкендері мен дәріханаларға кіруге болады.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="111"/>
        <source>Red status: home isolation. Not admitted anywhere.</source>
        <translation>Қызыл мәртебе: үйде оқшаулау. Ешқайда кіргізілмейді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="114"/>
        <source>No status found (for example a foreign citizen). A supervisor may admit.</source>
        <translation>Мәртебе табылмады (мысалы, шетел азаматы). Ауысым жетекшісі кіргізе алады.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="117"/>
        <source>Offline, and the saved status is too old to trust. A supervisor may admit.</source>
        <translation>Байланыс жоқ, ал сақталған мәртебе ескірген. Ауысым жетекшісі кіргізе алады.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="120"/>
        <source>The venue is full. Wait until someone leaves.</source>
        <translation>Нысанда орын жоқ. Біреу шыққанша күтіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="123"/>
        <source>Exit recorded.</source>
        <translation>Шығу тіркелді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="124"/>
        <source>Admitted by a supervisor.</source>
        <translation>Ауысым жетекшісінің шешімімен кіргізілді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="127"/>
        <source>A member of the group is not admitted.</source>
        <translation>Топтың бір мүшесі кіргізілмейді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="130"/>
        <source>This person is already inside.</source>
        <translation>Бұл адам қазір ішінде.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="133"/>
        <source>This venue&apos;s rules do not admit this status.</source>
        <translation>Нысан ережелері бойынша бұл мәртебемен кіргізілмейді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="136"/>
        <source>The visitor&apos;s own check-in is too old. Ask them to scan the poster again.</source>
        <translation>Келушінің өз тіркелуі ескірген. Плакатты қайта сканерлеуін сұраңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="139"/>
        <source>No status service answered and nothing is saved. A supervisor may admit.</source>
        <translation>Мәртебе сервистері жауап бермеді, сақталған дерек жоқ. Ауысым жетекшісі кіргізе алады.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="142"/>
        <source>The whole group may enter.</source>
        <translation>Бүкіл топ кіре алады.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="143"/>
        <source>Only the members shown in colour may enter.</source>
        <translation>Тек түспен белгіленгендер кіре алады.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="146"/>
        <source>A member of the group still needs a check.</source>
        <translation>Топтың бір мүшесін әлі тексеру керек.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="149"/>
        <source>Nobody in this group may enter.</source>
        <translation>Бұл топтан ешкім кіре алмайды.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="152"/>
        <source>This is the venue&apos;s own poster. Scan the visitor&apos;s code.</source>
        <translation>Бұл нысанның өз плакаты. Келушінің кодын сканерлеңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="155"/>
        <source>The scan was empty. Scan again.</source>
        <translation>Сканерлеу бос. Қайта сканерлеңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="156"/>
        <source>The scan is far too long to be an ID or a ticket. Scan again, or use the serial mode.</source>
        <translation>Бұл мәтін куәлік не билет үшін тым ұзын. Қайта сканерлеңіз немесе COM-порт режимін қолданыңыз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="160"/>
        <source>An IIN has exactly 12 digits. Scan or type it again.</source>
        <translation>ЖСН дәл 12 саннан тұрады. Қайта сканерлеңіз немесе енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="163"/>
        <source>An IIN has digits only. Scan or type it again.</source>
        <translation>ЖСН тек сандардан тұрады. Қайта сканерлеңіз немесе енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="166"/>
        <source>The IIN&apos;s check digit is wrong: it was misread or mistyped.</source>
        <translation>ЖСН-нің бақылау саны қате: ол қате оқылған немесе қате терілген.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="169"/>
        <source>No such IIN is ever issued. Check the document.</source>
        <translation>Мұндай ЖСН берілмейді. Құжатты тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="172"/>
        <source>The document&apos;s machine-readable zone could not be read.</source>
        <translation>Құжаттың машинамен оқылатын аймағы оқылмады.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="175"/>
        <source>The document&apos;s machine-readable zone failed its check digit: scan it again.</source>
        <translation>Құжаттың машинамен оқылатын аймағының бақылау саны сәйкес келмеді: қайта сканерлеңіз.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="178"/>
        <source>This code is not an ID, a ticket or a command.</source>
        <translation>Бұл код куәлік те, билет те, пәрмен де емес.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="181"/>
        <source>Valid ticket: admitted.</source>
        <translation>Билет жарамды: кіргізілді.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="182"/>
        <source>Valid ticket (checked offline).</source>
        <translation>Билет жарамды (байланыссыз тексерілді).</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="185"/>
        <source>This ticket was already used.</source>
        <translation>Бұл билет бұрын пайдаланылған.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="188"/>
        <source>This ticket was refunded or exchanged.</source>
        <translation>Бұл билет қайтарылған немесе айырбасталған.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="191"/>
        <source>This ticket is for another session.</source>
        <translation>Бұл билет басқа сеансқа арналған.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="194"/>
        <source>Unknown ticket, and the server cannot be asked now.</source>
        <translation>Билет белгісіз, ал серверден қазір сұрау мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="197"/>
        <source>Blue status: no PCR certificate shown. Not admitted.</source>
        <translation>Көк мәртебе: ПТР анықтамасы көрсетілмеді. Кіргізілмейді.</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <location filename="../../app/views/verdict.py" line="279"/>
        <source>✔ Admit (Enter)</source>
        <translation>✔ Кіргізу (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="280"/>
        <source>✖ Refuse (Esc)</source>
        <translation>✖ Кіргізбеу (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="281"/>
        <source>Supervisor: admit anyway (PIN)</source>
        <translation>Жетекші: бәрібір кіргізу (PIN)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="283"/>
        <source>READY</source>
        <translation>ДАЙЫН</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="284"/>
        <source>Scan the next visitor</source>
        <translation>Келесі келушіні сканерлеңіз</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="285"/>
        <source>ID card barcode, phone QR, ticket, or type the IIN</source>
        <translation>Куәліктегі штрихкод, телефондағы QR, билет немесе ЖСН-ді теріңіз</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="295"/>
        <source>Source: %1, %2</source>
        <translation>Дереккөз: %1, %2</translation>
    </message>
</context>
<context>
    <name>VisitLogScreen</name>
    <message numerus="yes">
        <location filename="../../app/views/visit_log.py" line="262"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n келу</numerusform>
            <numerusform>%n келу</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="272"/>
        <location filename="../../app/views/visit_log.py" line="301"/>
        <source>All doors</source>
        <translation>Барлық кіреберіс</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="275"/>
        <location filename="../../app/views/visit_log.py" line="303"/>
        <source>All staff</source>
        <translation>Барлық қызметкер</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="278"/>
        <source>Visit log</source>
        <translation>Келу журналы</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="281"/>
        <source>From</source>
        <translation>Кезең:</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="282"/>
        <source>to</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="283"/>
        <source>Show</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="286"/>
        <source>All directions</source>
        <translation>Барлық бағыт</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="290"/>
        <source>All colours</source>
        <translation>Барлық түс</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="294"/>
        <source>All verdicts</source>
        <translation>Барлық шешім</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="298"/>
        <source>All methods</source>
        <translation>Барлық тәсіл</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../app/views/visit_log.py" line="127"/>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="128"/>
        <source>Direction</source>
        <translation>Бағыт</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="129"/>
        <source>Status</source>
        <translation>Мәртебе</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="130"/>
        <source>Verdict</source>
        <translation>Шешім</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="131"/>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="132"/>
        <source>Method</source>
        <translation>Тәсіл</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="133"/>
        <source>Door</source>
        <translation>Кіреберіс</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="134"/>
        <source>Staff</source>
        <translation>Қызметкер</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="135"/>
        <source>Person</source>
        <translation>Келуші</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="136"/>
        <source>Flags</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="174"/>
        <source>test</source>
        <translation>сынақ</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="176"/>
        <source>offline</source>
        <translation>байланыссыз</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="178"/>
        <source>not sent yet</source>
        <translation>әлі жіберілмеген</translation>
    </message>
</context>
</TS>
