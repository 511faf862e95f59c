<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../app/views/camera_panel.py" line="53"/>
        <source>No camera found. Check the cable or choose another camera in Settings.</source>
        <translation>No camera found. Check the cable or choose another camera in Settings.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="56"/>
        <source>The camera is used by another program. Close it, then reopen this screen.</source>
        <translation>The camera is used by another program. Close it, then reopen this screen.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="58"/>
        <source>The video ended.</source>
        <translation>The video ended.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="59"/>
        <source>Camera off. Use the scanner or type the IIN.</source>
        <translation>Camera off. Use the scanner or type the IIN.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="61"/>
        <source>No picture.</source>
        <translation>No picture.</translation>
    </message>
    <message>
        <location filename="../../app/views/camera_panel.py" line="74"/>
        <source>Starting the camera…</source>
        <translation>Starting the camera…</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/views/crash.py" line="29"/>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../app/views/crash.py" line="31"/>
        <source>The console hit an error it did not expect. Visits already shown are saved. If it happens again, copy the details and send them to your administrator.</source>
        <translation>The console hit an error it did not expect. Visits already shown are saved. If it happens again, copy the details and send them to your administrator.</translation>
    </message>
    <message>
        <location filename="../../app/views/crash.py" line="40"/>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <location filename="../../app/views/door.py" line="206"/>
        <source>This is the venue&apos;s own poster. Scan the visitor&apos;s code.</source>
        <translation>This is the venue&apos;s own poster. Scan the visitor&apos;s code.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="207"/>
        <source>VENUE POSTER</source>
        <translation>VENUE POSTER</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="220"/>
        <source>CANNOT READ</source>
        <translation>CANNOT READ</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="260"/>
        <source>Used at %1 at door %2</source>
        <translation>Used at %1 at door %2</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="268"/>
        <source>TICKET VALID — check each person</source>
        <translation>TICKET VALID — check each person</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="269"/>
        <source>TICKET NOT VALID</source>
        <translation>TICKET NOT VALID</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="279"/>
        <source>Not checked: %1. Scan again; nothing was recorded for this scan.</source>
        <translation>Not checked: %1. Scan again; nothing was recorded for this scan.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="281"/>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="289"/>
        <source>Already inside</source>
        <translation>Already inside</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="290"/>
        <source>This person is already inside. Is this an exit?</source>
        <translation>This person is already inside. Is this an exit?</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="334"/>
        <source>Supervisor override</source>
        <translation>Supervisor override</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="335"/>
        <source>A supervisor admits this visitor. Supervisor&apos;s PIN:</source>
        <translation>A supervisor admits this visitor. Supervisor&apos;s PIN:</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="355"/>
        <source>No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits.</source>
        <translation>No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="366"/>
        <source>12 digits; spaces and dashes are ignored.</source>
        <translation>12 digits; spaces and dashes are ignored.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="369"/>
        <location filename="../../app/views/door.py" line="387"/>
        <source>Only digits, please.</source>
        <translation>Only digits, please.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="373"/>
        <source>%1 of 12 digits</source>
        <translation>%1 of 12 digits</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="381"/>
        <source>Valid IIN. Press Enter to check.</source>
        <translation>Valid IIN. Press Enter to check.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="386"/>
        <source>An IIN has exactly 12 digits.</source>
        <translation>An IIN has exactly 12 digits.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="388"/>
        <source>Wrong check digit: a digit was mistyped. Check the IIN.</source>
        <translation>Wrong check digit: a digit was mistyped. Check the IIN.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="389"/>
        <source>No such IIN is ever issued. Check the digits.</source>
        <translation>No such IIN is ever issued. Check the digits.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="390"/>
        <source>Type the IIN.</source>
        <translation>Type the IIN.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="392"/>
        <source>Not a valid IIN.</source>
        <translation>Not a valid IIN.</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="433"/>
        <source>Inside: %1</source>
        <translation>Inside: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="436"/>
        <source>Inside: %1 / %2</source>
        <translation>Inside: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="441"/>
        <source>FULL</source>
        <translation>FULL</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="479"/>
        <source>Door</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="482"/>
        <source>Type the IIN (no phone, no ID card):</source>
        <translation>Type the IIN (no phone, no ID card):</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="483"/>
        <source>IIN, 12 digits</source>
        <translation>IIN, 12 digits</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="484"/>
        <source>→ ENTRY</source>
        <translation>→ ENTRY</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="485"/>
        <source>← EXIT</source>
        <translation>← EXIT</translation>
    </message>
    <message>
        <location filename="../../app/views/door.py" line="486"/>
        <source>Visitors&apos; own check-ins (poster QR)</source>
        <translation>Visitors&apos; own check-ins (poster QR)</translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <location filename="../../app/views/group_panel.py" line="58"/>
        <source>used at %1 at door %2</source>
        <translation>used at %1 at door %2</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="63"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="64"/>
        <source>used</source>
        <translation>used</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="65"/>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="66"/>
        <source>exchanged</source>
        <translation>exchanged</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="67"/>
        <source>for another session</source>
        <translation>for another session</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="75"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="76"/>
        <source>Scan a ticket to see its order here.</source>
        <translation>Scan a ticket to see its order here.</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="80"/>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="85"/>
        <source>not checked yet</source>
        <translation>not checked yet</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="95"/>
        <source>Group: %1</source>
        <translation>Group: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/group_panel.py" line="102"/>
        <source>Group: check each person</source>
        <translation>Group: check each person</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../app/views/login.py" line="139"/>
        <source>No staff are set up for this station yet. Enroll the station first.</source>
        <translation>No staff are set up for this station yet. Enroll the station first.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="159"/>
        <source>Choose your name first.</source>
        <translation>Choose your name first.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="164"/>
        <source>Type your PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="167"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/login.py" line="183"/>
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="189"/>
        <source>Your PIN can be checked only by the server, which does not answer. Ask the administrator for a new PIN of 8 or more digits to work offline.</source>
        <translation>Your PIN can be checked only by the server, which does not answer. Ask the administrator for a new PIN of 8 or more digits to work offline.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="193"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="196"/>
        <source>Could not log in: %1</source>
        <translation>Could not log in: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="201"/>
        <source>Locked by %1. Type your PIN to continue.</source>
        <translation>Locked by %1. Type your PIN to continue.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="206"/>
        <source>Who is working at this station?</source>
        <translation>Who is working at this station?</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="207"/>
        <location filename="../../app/views/login.py" line="208"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../app/__main__.py" line="94"/>
        <source>The console cannot start</source>
        <translation>The console cannot start</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="122"/>
        <source>This PC is not enrolled with the central server yet. Ask your administrator for a one-time code and run: ashyq enroll --server URL --code CODE</source>
        <translation>This PC is not enrolled with the central server yet. Ask your administrator for a one-time code and run: ashyq enroll --server URL --code CODE</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="127"/>
        <source>The system keyring, where the station&apos;s token is kept, is not available. On Windows it is built in; on Linux install and unlock GNOME Keyring or KWallet.</source>
        <translation>The system keyring, where the station&apos;s token is kept, is not available. On Windows it is built in; on Linux install and unlock GNOME Keyring or KWallet.</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="132"/>
        <source>The database is used by another copy of the console. Close it and try again.</source>
        <translation>The database is used by another copy of the console. Close it and try again.</translation>
    </message>
    <message>
        <location filename="../../app/__main__.py" line="136"/>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="226"/>
        <source>Log in first: scans are checked only when someone is logged in.</source>
        <translation>Log in first: scans are checked only when someone is logged in.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="237"/>
        <source>This screen does not take scans.</source>
        <translation>This screen does not take scans.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="257"/>
        <source>Ashyq console</source>
        <translation>Ashyq console</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="259"/>
        <source>TEST MODE — records are marked as test and do not count for the venue</source>
        <translation>TEST MODE — records are marked as test and do not count for the venue</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="264"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="271"/>
        <source>OFFLINE — statuses come from saved answers; every scan is kept and sent later</source>
        <translation>OFFLINE — statuses come from saved answers; every scan is kept and sent later</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="273"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="274"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>OrderTable</name>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>Tariff</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="45"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="46"/>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
</context>
<context>
    <name>ReceiptHistoryDialog</name>
    <message>
        <location filename="../../app/views/receipt_history.py" line="281"/>
        <location filename="../../app/views/receipt_history.py" line="286"/>
        <source>Receipts</source>
        <translation>Receipts</translation>
    </message>
</context>
<context>
    <name>ReceiptHistoryPanel</name>
    <message>
        <location filename="../../app/views/receipt_history.py" line="111"/>
        <source>Receipt number or order number</source>
        <translation>Receipt number or order number</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="112"/>
        <source>Day:</source>
        <translation>Day:</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="113"/>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="115"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="116"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="116"/>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="118"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="119"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="120"/>
        <source>Reprint (COPY)</source>
        <translation>Reprint (COPY)</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="151"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="151"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="156"/>
        <source>No receipts found.</source>
        <translation>No receipts found.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="225"/>
        <source>Receipt No. %1 did not print: %2.</source>
        <translation>Receipt No. %1 did not print: %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="228"/>
        <source>Receipt No. %1 saved to %2.</source>
        <translation>Receipt No. %1 saved to %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="231"/>
        <source>A copy of receipt No. %1 printed.</source>
        <translation>A copy of receipt No. %1 printed.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="233"/>
        <source>Receipt No. %1 printed.</source>
        <translation>Receipt No. %1 printed.</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="245"/>
        <source>Save the receipt as PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="264"/>
        <source>refund</source>
        <translation>refund</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="265"/>
        <source>exchange</source>
        <translation>exchange</translation>
    </message>
    <message>
        <location filename="../../app/views/receipt_history.py" line="266"/>
        <source>contact-centre request</source>
        <translation>contact-centre request</translation>
    </message>
</context>
<context>
    <name>RefundDeskScreen</name>
    <message>
        <location filename="../../app/views/console.py" line="424"/>
        <location filename="../../app/views/refund_desk.py" line="181"/>
        <location filename="../../app/views/refund_desk_parts.py" line="131"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="184"/>
        <source>Order number or ticket code</source>
        <translation>Order number or ticket code</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="185"/>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="186"/>
        <source>Receipts…</source>
        <translation>Receipts…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="187"/>
        <source>Refused at the door today</source>
        <translation>Refused at the door today</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="188"/>
        <location filename="../../app/views/refund_desk_parts.py" line="149"/>
        <source>Receipts not printed</source>
        <translation>Receipts not printed</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="189"/>
        <source>Print selected receipt</source>
        <translation>Print selected receipt</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="191"/>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="191"/>
        <source>Exchange…</source>
        <translation>Exchange…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="192"/>
        <source>Contact-centre request</source>
        <translation>Contact-centre request</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="192"/>
        <source>Attach proof…</source>
        <translation>Attach proof…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="193"/>
        <source>Override (supervisor)…</source>
        <translation>Override (supervisor)…</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="196"/>
        <source>Retry printing</source>
        <translation>Retry printing</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="229"/>
        <source>No cash shift open</source>
        <translation>No cash shift open</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="230"/>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="232"/>
        <source>Shift open since %1 (%2)</source>
        <translation>Shift open since %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="235"/>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="241"/>
        <source> (refunded)</source>
        <translation> (refunded)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="250"/>
        <source>No. %1 · order %2 · %3</source>
        <translation>No. %1 · order %2 · %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="262"/>
        <source>Order %1 · %2 · %3 · %4</source>
        <translation>Order %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="274"/>
        <source>Ashyq proof: refused at %1 at %2 (status %3); the deadline is lifted.</source>
        <translation>Ashyq proof: refused at %1 at %2 (status %3); the deadline is lifted.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="279"/>
        <source>Attached proof: %1</source>
        <translation>Attached proof: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="286"/>
        <source>The central server refused this refund: %1</source>
        <translation>The central server refused this refund: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="310"/>
        <source>Selected: %1 · fee %2 · refund %3</source>
        <translation>Selected: %1 · fee %2 · refund %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="314"/>
        <source>Money back on the card by %1</source>
        <translation>Money back on the card by %1</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="342"/>
        <source>Tickets: %1
Fee withheld: %2
Returned to the card: %3</source>
        <translation>Tickets: %1
Fee withheld: %2
Returned to the card: %3</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="353"/>
        <source>Refund these tickets?</source>
        <translation>Refund these tickets?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="367"/>
        <source>Refund against the rules?</source>
        <translation>Refund against the rules?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="367"/>
        <source>A supervisor approves this refund.</source>
        <translation>A supervisor approves this refund.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="381"/>
        <source>This organizer has no later session on this console.</source>
        <translation>This organizer has no later session on this console.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="386"/>
        <source>Exchange to %1?</source>
        <translation>Exchange to %1?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="399"/>
        <source>Record a contact-centre request?</source>
        <translation>Record a contact-centre request?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="400"/>
        <source>No money moves at the desk; the organizer&apos;s contact centre handles the refund.</source>
        <translation>No money moves at the desk; the organizer&apos;s contact centre handles the refund.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="429"/>
        <source>Done: receipt No. %1, returned %2.</source>
        <translation>Done: receipt No. %1, returned %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="434"/>
        <source>Money back by %1.</source>
        <translation>Money back by %1.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="448"/>
        <source>A supervisor may override.</source>
        <translation>A supervisor may override.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="449"/>
        <source>Refused by the rules:</source>
        <translation>Refused by the rules:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="467"/>
        <source>Receipt No. %1 printed to %2.</source>
        <translation>Receipt No. %1 printed to %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="471"/>
        <source>Receipt No. %1 printed.</source>
        <translation>Receipt No. %1 printed.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="474"/>
        <source>The receipt did not print: %1. The refund is saved; fix the printer and press Retry.</source>
        <translation>The receipt did not print: %1. The refund is saved; fix the printer and press Retry.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="542"/>
        <source>No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits.</source>
        <translation>No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="108"/>
        <source>the printer is off or not connected</source>
        <translation>the printer is off or not connected</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="111"/>
        <source>the paper is out</source>
        <translation>the paper is out</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="112"/>
        <source>no permission to use the printer port</source>
        <translation>no permission to use the printer port</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="115"/>
        <source>this printer connection is not supported here</source>
        <translation>this printer connection is not supported here</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="509"/>
        <source>Close the shift?</source>
        <translation>Close the shift?</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="509"/>
        <source>The closing summary follows.</source>
        <translation>The closing summary follows.</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk.py" line="515"/>
        <source>Shift closed</source>
        <translation>Shift closed</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="134"/>
        <source>Ticket prices</source>
        <translation>Ticket prices</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="135"/>
        <source>Fees withheld</source>
        <translation>Fees withheld</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="137"/>
        <source>Returned to cards</source>
        <translation>Returned to cards</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="141"/>
        <source>Exchanges</source>
        <translation>Exchanges</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="145"/>
        <source>Contact-centre requests</source>
        <translation>Contact-centre requests</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="87"/>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="88"/>
        <source>used</source>
        <translation>used</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="89"/>
        <source>printed at box office</source>
        <translation>printed at box office</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="90"/>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="91"/>
        <source>exchanged</source>
        <translation>exchanged</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="98"/>
        <source>adult</source>
        <translation>adult</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="99"/>
        <source>child</source>
        <translation>child</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="100"/>
        <source>student</source>
        <translation>student</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="118"/>
        <source>its fiscal cheque still waits for the cash register</source>
        <translation>its fiscal cheque still waits for the cash register</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="123"/>
        <source>printer error</source>
        <translation>printer error</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="174"/>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="175"/>
        <source>Session:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="186"/>
        <source>Attach proof</source>
        <translation>Attach proof</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="188"/>
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Images and PDF (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="197"/>
        <location filename="../../app/views/refund_desk_parts.py" line="204"/>
        <source>Override</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="198"/>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../app/views/refund_desk_parts.py" line="205"/>
        <source>Supervisor PIN:</source>
        <translation>Supervisor PIN:</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../app/views/console.py" line="431"/>
        <location filename="../../app/views/reports_screen.py" line="174"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="177"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="178"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="179"/>
        <source>One day</source>
        <translation>One day</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="180"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="182"/>
        <source>Export %1…</source>
        <translation>Export %1…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="183"/>
        <source>Venue QR poster (PDF)…</source>
        <translation>Venue QR poster (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <source>Denials</source>
        <translation>Denials</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <source>Doors</source>
        <translation>Doors</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="184"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="185"/>
        <source>Refunds by organizer</source>
        <translation>Refunds by organizer</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="205"/>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="207"/>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="214"/>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="214"/>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <location filename="../../app/views/reports_screen.py" line="233"/>
        <source>Admitted</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="215"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <location filename="../../app/views/reports_screen.py" line="234"/>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="215"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="216"/>
        <location filename="../../app/views/reports_screen.py" line="230"/>
        <source>Exits</source>
        <translation>Exits</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="217"/>
        <source>Peak occupancy</source>
        <translation>Peak occupancy</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="218"/>
        <source>Test mode (not counted)</source>
        <translation>Test mode (not counted)</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="219"/>
        <source>Fees withheld</source>
        <translation>Fees withheld</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="220"/>
        <source>Returned to cards</source>
        <translation>Returned to cards</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="226"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="226"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="229"/>
        <source>Door</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="234"/>
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Organizer</source>
        <translation>Organizer</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="237"/>
        <source>Exchanged</source>
        <translation>Exchanged</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="238"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="274"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="291"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/reports_screen.py" line="314"/>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message>
        <location filename="../../app/views/rule_words.py" line="42"/>
        <source>Refused at the door by Ashyq status: no deadline, service fee withheld</source>
        <translation>Refused at the door by Ashyq status: no deadline, service fee withheld</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="46"/>
        <source>Refused at the door by Ashyq status: exchange without a fee</source>
        <translation>Refused at the door by Ashyq status: exchange without a fee</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="50"/>
        <source>No documents for the tariff: cancelled, service fee withheld</source>
        <translation>No documents for the tariff: cancelled, service fee withheld</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="54"/>
        <source>%1: an hour or more before the start, fee 10 %</source>
        <translation>%1: an hour or more before the start, fee 10 %</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="58"/>
        <source>%1: less than an hour before the start, fee 20 %</source>
        <translation>%1: less than an hour before the start, fee 20 %</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="62"/>
        <location filename="../../app/views/rule_words.py" line="83"/>
        <source>%1: no refunds</source>
        <translation>%1: no refunds</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="64"/>
        <source>%1: only through the contact centre</source>
        <translation>%1: only through the contact centre</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="66"/>
        <source>%1: refund until %2, service fee withheld</source>
        <translation>%1: refund until %2, service fee withheld</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="77"/>
        <source>Printed at the organizer&apos;s box office: refunded there, not here</source>
        <translation>Printed at the organizer&apos;s box office: refunded there, not here</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="81"/>
        <source>The event has already started</source>
        <translation>The event has already started</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="85"/>
        <source>%1: no money at the desk; record a request for the contact centre</source>
        <translation>%1: no money at the desk; record a request for the contact centre</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="89"/>
        <source>The deadline passed at %2</source>
        <translation>The deadline passed at %2</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="91"/>
        <source>Exchanges are made only after an Ashyq denial</source>
        <translation>Exchanges are made only after an Ashyq denial</translation>
    </message>
</context>
<context>
    <name>ServerRefusal</name>
    <message>
        <location filename="../../app/views/rule_words.py" line="101"/>
        <source>the server does not know this order</source>
        <translation>the server does not know this order</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="104"/>
        <source>a ticket is not in this order on the server</source>
        <translation>a ticket is not in this order on the server</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="107"/>
        <source>a ticket is listed twice in the refund</source>
        <translation>a ticket is listed twice in the refund</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="110"/>
        <source>a ticket was already refunded or exchanged by another refund</source>
        <translation>a ticket was already refunded or exchanged by another refund</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="113"/>
        <source>a ticket was already used at the door</source>
        <translation>a ticket was already used at the door</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="116"/>
        <source>a ticket&apos;s price differs from the server&apos;s</source>
        <translation>a ticket&apos;s price differs from the server&apos;s</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="119"/>
        <source>the fee and the amount returned do not add up to the price</source>
        <translation>the fee and the amount returned do not add up to the price</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="122"/>
        <source>the fee is not the one the refund rules give</source>
        <translation>the fee is not the one the refund rules give</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="125"/>
        <source>the door denial given as Ashyq proof has not reached the server</source>
        <translation>the door denial given as Ashyq proof has not reached the server</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="128"/>
        <source>the door visit given as proof is not an Ashyq denial for this order</source>
        <translation>the door visit given as proof is not an Ashyq denial for this order</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="131"/>
        <source>the exchange is not to a later session of the same organizer</source>
        <translation>the exchange is not to a later session of the same organizer</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="134"/>
        <source>the refund deadline had passed</source>
        <translation>the refund deadline had passed</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="137"/>
        <source>the event had already started</source>
        <translation>the event had already started</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="138"/>
        <source>the ticket was printed at the organizer&apos;s box office</source>
        <translation>the ticket was printed at the organizer&apos;s box office</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="141"/>
        <source>this organizer gives no refunds</source>
        <translation>this organizer gives no refunds</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="144"/>
        <source>exchanges are made only after an Ashyq denial</source>
        <translation>exchanges are made only after an Ashyq denial</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="147"/>
        <source>this organizer refunds only through its contact centre</source>
        <translation>this organizer refunds only through its contact centre</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="150"/>
        <source>this organizer refunds at the desk, not by a request</source>
        <translation>this organizer refunds at the desk, not by a request</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="153"/>
        <source>the server&apos;s refund rules do not list this organizer</source>
        <translation>the server&apos;s refund rules do not list this organizer</translation>
    </message>
    <message>
        <location filename="../../app/views/rule_words.py" line="156"/>
        <source>the server found the refund&apos;s data invalid</source>
        <translation>the server found the refund&apos;s data invalid</translation>
    </message>
</context>
<context>
    <name>SetAsideDialog</name>
    <message>
        <location filename="../../app/views/set_aside.py" line="121"/>
        <source>Nothing is set aside.</source>
        <translation>Nothing is set aside.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/set_aside.py" line="135"/>
        <source>Sent again: %n. The result shows here after the sync.</source>
        <translation>
            <numerusform>Sent again: %n. The result shows here after the sync.</numerusform>
            <numerusform>Sent again: %n. The result shows here after the sync.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="145"/>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="151"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="152"/>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="153"/>
        <source>Ticket admission</source>
        <translation>Ticket admission</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="160"/>
        <source>The server cannot accept a value in this record.</source>
        <translation>The server cannot accept a value in this record.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="161"/>
        <source>The server fails on this record; the others were sent.</source>
        <translation>The server fails on this record; the others were sent.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="162"/>
        <source>This version of the console cannot read this record.</source>
        <translation>This version of the console cannot read this record.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="163"/>
        <source>The server refused this record.</source>
        <translation>The server refused this record.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="164"/>
        <source>These tickets were already refunded.</source>
        <translation>These tickets were already refunded.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="165"/>
        <source>The ticket was already used.</source>
        <translation>The ticket was already used.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="166"/>
        <source>The amounts differ from the server&apos;s.</source>
        <translation>The amounts differ from the server&apos;s.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="171"/>
        <source>Records set aside</source>
        <translation>Records set aside</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="174"/>
        <source>The server refused these records or failed on them, so they were set aside and everything else was sent. They are kept here. Retry once the cause is fixed: select some, or retry all.</source>
        <translation>The server refused these records or failed on them, so they were set aside and everything else was sent. They are kept here. Retry once the cause is fixed: select some, or retry all.</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="180"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="182"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../app/views/set_aside.py" line="183"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../app/views/settings_screen.py" line="185"/>
        <source>Door</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="186"/>
        <source>Box office</source>
        <translation>Box office</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="187"/>
        <source>Office (manager&apos;s PC)</source>
        <translation>Office (manager&apos;s PC)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="188"/>
        <source>Door, box office and office on one PC</source>
        <translation>Door, box office and office on one PC</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="190"/>
        <source>Not known yet: sync once</source>
        <translation>Not known yet: sync once</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="242"/>
        <source>Saved. Camera and scanner changes apply now.</source>
        <translation>Saved. Camera and scanner changes apply now.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="248"/>
        <source>Door %1</source>
        <translation>Door %1</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="252"/>
        <source>Type the server address and the one-time code first.</source>
        <translation>Type the server address and the one-time code first.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="254"/>
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="258"/>
        <source>Enrolled with venue %1. The token is kept in the system keyring.</source>
        <translation>Enrolled with venue %1. The token is kept in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="269"/>
        <source>Command barcodes saved to %1. Print it and keep it at the door.</source>
        <translation>Command barcodes saved to %1. Print it and keep it at the door.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="278"/>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="283"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="287"/>
        <source>Camera (number or video file)</source>
        <translation>Camera (number or video file)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="288"/>
        <source>Barcode decoder</source>
        <translation>Barcode decoder</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="289"/>
        <source>Serial scanner port</source>
        <translation>Serial scanner port</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="290"/>
        <source>Serial speed</source>
        <translation>Serial speed</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="291"/>
        <source>Sounds</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="292"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="293"/>
        <source>Door label</source>
        <translation>Door label</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="294"/>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="295"/>
        <source>Receipt paper</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="296"/>
        <source>Verdict shown for (s)</source>
        <translation>Verdict shown for (s)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="297"/>
        <source>Full screen at start</source>
        <translation>Full screen at start</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="298"/>
        <source>Central server</source>
        <translation>Central server</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="299"/>
        <source>Fallback service</source>
        <translation>Fallback service</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="300"/>
        <source>Station role</source>
        <translation>Station role</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="301"/>
        <source>Station name</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="302"/>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="307"/>
        <source>This station</source>
        <translation>This station</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="308"/>
        <source>Server and enrollment</source>
        <translation>Server and enrollment</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="309"/>
        <source>Venue policy (set on the central server)</source>
        <translation>Venue policy (set on the central server)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="310"/>
        <source>Enroll this station</source>
        <translation>Enroll this station</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="311"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="312"/>
        <source>Command barcodes (PDF)</source>
        <translation>Command barcodes (PDF)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_screen.py" line="313"/>
        <source>Records set aside…</source>
        <translation>Records set aside…</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../app/views/status_bar.py" line="97"/>
        <source>Status unknown: %1</source>
        <translation>Status unknown: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="105"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="113"/>
        <source>● Online since %1</source>
        <translation>● Online since %1</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="116"/>
        <source>○ OFFLINE since %1</source>
        <translation>○ OFFLINE since %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/status_bar.py" line="118"/>
        <source>Waiting to send: %n</source>
        <translation>
            <numerusform>Waiting to send: %n</numerusform>
            <numerusform>Waiting to send: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="123"/>
        <source>This station was revoked: enroll it again with a new code</source>
        <translation>This station was revoked: enroll it again with a new code</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="125"/>
        <source>This station&apos;s token expired: enroll it again with a new code</source>
        <translation>This station&apos;s token expired: enroll it again with a new code</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="127"/>
        <source>This station&apos;s role does not allow this: ask a manager</source>
        <translation>This station&apos;s role does not allow this: ask a manager</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="129"/>
        <source>The server refused this station: enroll it again</source>
        <translation>The server refused this station: enroll it again</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/status_bar.py" line="102"/>
        <source>%n set aside</source>
        <translation>
            <numerusform>%n set aside</numerusform>
            <numerusform>%n set aside</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="119"/>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../app/views/texts.py" line="19"/>
        <source>GREEN</source>
        <translation>GREEN</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="20"/>
        <source>BLUE</source>
        <translation>BLUE</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="21"/>
        <source>YELLOW</source>
        <translation>YELLOW</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="22"/>
        <source>RED</source>
        <translation>RED</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="23"/>
        <source>NOT FOUND</source>
        <translation>NOT FOUND</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="25"/>
        <source>NO STATUS</source>
        <translation>NO STATUS</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="30"/>
        <source>ADMIT</source>
        <translation>ADMIT</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="31"/>
        <source>DO NOT ADMIT</source>
        <translation>DO NOT ADMIT</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="32"/>
        <source>CHECK</source>
        <translation>CHECK</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="39"/>
        <source>door</source>
        <translation>door</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="40"/>
        <source>cashier</source>
        <translation>cashier</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="41"/>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="42"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="49"/>
        <source>central service</source>
        <translation>central service</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="50"/>
        <source>fallback service</source>
        <translation>fallback service</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="51"/>
        <source>saved earlier (offline)</source>
        <translation>saved earlier (offline)</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="52"/>
        <source>visitor&apos;s check-in</source>
        <translation>visitor&apos;s check-in</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="54"/>
        <source>no source</source>
        <translation>no source</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="59"/>
        <source>entry</source>
        <translation>entry</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="60"/>
        <source>exit</source>
        <translation>exit</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="61"/>
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="68"/>
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="69"/>
        <source>USB scanner</source>
        <translation>USB scanner</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="70"/>
        <source>serial scanner</source>
        <translation>serial scanner</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="71"/>
        <source>typed IIN</source>
        <translation>typed IIN</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="72"/>
        <source>visitor&apos;s QR</source>
        <translation>visitor&apos;s QR</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="73"/>
        <source>command line</source>
        <translation>command line</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="81"/>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="83"/>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="85"/>
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="87"/>
        <source>%1 d ago</source>
        <translation>%1 d ago</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="94"/>
        <source>Green status: no restrictions.</source>
        <translation>Green status: no restrictions.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="95"/>
        <source>Blue status: admitted here.</source>
        <translation>Blue status: admitted here.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="96"/>
        <source>Blue status: on Saturdays and Sundays cinemas admit green only.</source>
        <translation>Blue status: on Saturdays and Sundays cinemas admit green only.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="99"/>
        <source>Blue status: admit only after you have seen a negative PCR certificate.</source>
        <translation>Blue status: admit only after you have seen a negative PCR certificate.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="102"/>
        <source>Blue status: PCR certificate seen by staff.</source>
        <translation>Blue status: PCR certificate seen by staff.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="105"/>
        <source>Yellow status: contact of a positive case. Not admitted.</source>
        <translation>Yellow status: contact of a positive case. Not admitted.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="108"/>
        <source>Yellow status: admitted to essential shops and pharmacies only.</source>
        <translation>Yellow status: admitted to essential shops and pharmacies only.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="111"/>
        <source>Red status: home isolation. Not admitted anywhere.</source>
        <translation>Red status: home isolation. Not admitted anywhere.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="114"/>
        <source>No status found (for example a foreign citizen). A supervisor may admit.</source>
        <translation>No status found (for example a foreign citizen). A supervisor may admit.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="117"/>
        <source>Offline, and the saved status is too old to trust. A supervisor may admit.</source>
        <translation>Offline, and the saved status is too old to trust. A supervisor may admit.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="120"/>
        <source>The venue is full. Wait until someone leaves.</source>
        <translation>The venue is full. Wait until someone leaves.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="123"/>
        <source>Exit recorded.</source>
        <translation>Exit recorded.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="124"/>
        <source>Admitted by a supervisor.</source>
        <translation>Admitted by a supervisor.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="127"/>
        <source>A member of the group is not admitted.</source>
        <translation>A member of the group is not admitted.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="130"/>
        <source>This person is already inside.</source>
        <translation>This person is already inside.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="133"/>
        <source>This venue&apos;s rules do not admit this status.</source>
        <translation>This venue&apos;s rules do not admit this status.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="136"/>
        <source>The visitor&apos;s own check-in is too old. Ask them to scan the poster again.</source>
        <translation>The visitor&apos;s own check-in is too old. Ask them to scan the poster again.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="139"/>
        <source>No status service answered and nothing is saved. A supervisor may admit.</source>
        <translation>No status service answered and nothing is saved. A supervisor may admit.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="142"/>
        <source>The whole group may enter.</source>
        <translation>The whole group may enter.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="143"/>
        <source>Only the members shown in colour may enter.</source>
        <translation>Only the members shown in colour may enter.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="146"/>
        <source>A member of the group still needs a check.</source>
        <translation>A member of the group still needs a check.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="149"/>
        <source>Nobody in this group may enter.</source>
        <translation>Nobody in this group may enter.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="152"/>
        <source>This is the venue&apos;s own poster. Scan the visitor&apos;s code.</source>
        <translation>This is the venue&apos;s own poster. Scan the visitor&apos;s code.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="155"/>
        <source>The scan was empty. Scan again.</source>
        <translation>The scan was empty. Scan again.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="156"/>
        <source>The scan is far too long to be an ID or a ticket. Scan again, or use the serial mode.</source>
        <translation>The scan is far too long to be an ID or a ticket. Scan again, or use the serial mode.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="160"/>
        <source>An IIN has exactly 12 digits. Scan or type it again.</source>
        <translation>An IIN has exactly 12 digits. Scan or type it again.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="163"/>
        <source>An IIN has digits only. Scan or type it again.</source>
        <translation>An IIN has digits only. Scan or type it again.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="166"/>
        <source>The IIN&apos;s check digit is wrong: it was misread or mistyped.</source>
        <translation>The IIN&apos;s check digit is wrong: it was misread or mistyped.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="169"/>
        <source>No such IIN is ever issued. Check the document.</source>
        <translation>No such IIN is ever issued. Check the document.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="172"/>
        <source>The document&apos;s machine-readable zone could not be read.</source>
        <translation>The document&apos;s machine-readable zone could not be read.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="175"/>
        <source>The document&apos;s machine-readable zone failed its check digit: scan it again.</source>
        <translation>The document&apos;s machine-readable zone failed its check digit: scan it again.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="178"/>
        <source>This code is not an ID, a ticket or a command.</source>
        <translation>This code is not an ID, a ticket or a command.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="181"/>
        <source>Valid ticket: admitted.</source>
        <translation>Valid ticket: admitted.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="182"/>
        <source>Valid ticket (checked offline).</source>
        <translation>Valid ticket (checked offline).</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="185"/>
        <source>This ticket was already used.</source>
        <translation>This ticket was already used.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="188"/>
        <source>This ticket was refunded or exchanged.</source>
        <translation>This ticket was refunded or exchanged.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="191"/>
        <source>This ticket is for another session.</source>
        <translation>This ticket is for another session.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="194"/>
        <source>Unknown ticket, and the server cannot be asked now.</source>
        <translation>Unknown ticket, and the server cannot be asked now.</translation>
    </message>
    <message>
        <location filename="../../app/views/texts.py" line="197"/>
        <source>Blue status: no PCR certificate shown. Not admitted.</source>
        <translation>Blue status: no PCR certificate shown. Not admitted.</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <location filename="../../app/views/verdict.py" line="279"/>
        <source>✔ Admit (Enter)</source>
        <translation>✔ Admit (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="280"/>
        <source>✖ Refuse (Esc)</source>
        <translation>✖ Refuse (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="281"/>
        <source>Supervisor: admit anyway (PIN)</source>
        <translation>Supervisor: admit anyway (PIN)</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="283"/>
        <source>READY</source>
        <translation>READY</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="284"/>
        <source>Scan the next visitor</source>
        <translation>Scan the next visitor</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="285"/>
        <source>ID card barcode, phone QR, ticket, or type the IIN</source>
        <translation>ID card barcode, phone QR, ticket, or type the IIN</translation>
    </message>
    <message>
        <location filename="../../app/views/verdict.py" line="295"/>
        <source>Source: %1, %2</source>
        <translation>Source: %1, %2</translation>
    </message>
</context>
<context>
    <name>VisitLogScreen</name>
    <message numerus="yes">
        <location filename="../../app/views/visit_log.py" line="262"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="272"/>
        <location filename="../../app/views/visit_log.py" line="301"/>
        <source>All doors</source>
        <translation>All doors</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="275"/>
        <location filename="../../app/views/visit_log.py" line="303"/>
        <source>All staff</source>
        <translation>All staff</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="278"/>
        <source>Visit log</source>
        <translation>Visit log</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="281"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="282"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="283"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="286"/>
        <source>All directions</source>
        <translation>All directions</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="290"/>
        <source>All colours</source>
        <translation>All colours</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="294"/>
        <source>All verdicts</source>
        <translation>All verdicts</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="298"/>
        <source>All methods</source>
        <translation>All methods</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../app/views/visit_log.py" line="127"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="128"/>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="129"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="130"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="131"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="132"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="133"/>
        <source>Door</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="134"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="135"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="136"/>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="174"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="176"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../app/views/visit_log.py" line="178"/>
        <source>not sent yet</source>
        <translation>not sent yet</translation>
    </message>
</context>
</TS>
