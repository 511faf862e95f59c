"""The box office screen: find an order, see what the rules allow per ticket, act, print.

The cashier's order of work is the screen's: look up (order number, ticket scan, or today's
denials), tick tickets, press an action, read the totals in the confirmation, confirm, take the
receipt. Every service call goes through the task runner (writes through its single writer);
the confirmation creates the action's id, and a retry after an error reuses it, so the desk never
pays twice. Printing starts only after the commit has been reported; a failed print shows why
with a Retry, and receipts that never printed stay listed until they are.

Dialogs are attributes (`confirm`, `inform`, `choose_session`, `choose_file`, `ask_override`) so
tests can answer them without a modal loop.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from app.core.money import format_money
from app.core.statuses import Role
from app.errors import describe
from app.paths import data_dir
from app.services.auth import StaffMember, station_auth
from app.services.context import StationContext
from app.services.fiscal_receipts import desk_receipts
from app.services.receipt_history import ReceiptHistory
from app.services.receipts import PrintOutcome, ReceiptService, ReceiptSink
from app.services.refund_desk import (
    DeskResult,
    OrderDetails,
    Override,
    RefundDesk,
    RefundRefused,
    SessionChoice,
    TicketLine,
)  # fmt: skip
from app.services.shift import ShiftService, ShiftSummary
from app.settings import Settings
from app.views.printing import receipt_sink
from app.views.receipt_history import ReceiptHistoryDialog, ReceiptHistoryPanel
from app.views.refund_desk_parts import (
    OrderTable,
    ask_confirm,
    ask_override,
    ask_proof_file,
    ask_session,
    printer_problem,
    shift_summary_text,
    show_info,
)
from app.views.rule_words import server_refusal_words
from app.views.screen import ScanInput, Screen
from app.views.tasks import TaskRunner


class RefundDeskScreen(Screen):
    key = "refunds"
    roles = frozenset({Role.CASHIER, Role.MANAGER, Role.ADMIN})
    accepts_scans = True

    def __init__(
        self, desk: RefundDesk, receipts: ReceiptService, shifts: ShiftService,
        runner: TaskRunner, staff: Callable[[], StaffMember | None],
        sink: Callable[[], ReceiptSink], language: Callable[[], str] = lambda: "ru",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._desk, self._receipts, self._shifts = desk, receipts, shifts
        self._runner, self._staff, self._sink, self._lang = runner, staff, sink, language
        self.order: OrderDetails | None = None
        self.last_result: DeskResult | None = None
        self.last_print: PrintOutcome | None = None
        self._pending: tuple[str, uuid.UUID] | None = None  # (what, id) until it commits
        self._proof: str | None = None
        self.confirm: Callable[[str, str], bool] = lambda title, body: ask_confirm(
            self, title, body
        )
        self.inform: Callable[[str, str], None] = lambda title, body: show_info(self, title, body)
        self.choose_session: Callable[[list[SessionChoice]], SessionChoice | None] = (
            lambda choices: ask_session(self, choices)
        )
        self.choose_file: Callable[[], Path | None] = lambda: ask_proof_file(self)
        self.ask_override: Callable[[], Override | None] = lambda: ask_override(self)

        self.shift_label = QLabel(objectName="shiftLabel")
        self.shift_button = QPushButton(objectName="shiftButton", clicked=self._toggle_shift)
        self.history_button = QPushButton(objectName="historyButton", clicked=self.open_history)
        self.history_dialog: ReceiptHistoryDialog | None = None
        self.search = QLineEdit(objectName="orderSearch", returnPressed=self._find)
        self.find_button = QPushButton(objectName="findButton", clicked=self._find)
        self.denials_title, self.unprinted_title = QLabel(), QLabel()
        self.denials = QListWidget(objectName="denialsList")
        self.denials.itemActivated.connect(
            lambda item: self.open_order(item.data(Qt.ItemDataRole.UserRole))
        )
        self.unprinted = QListWidget(objectName="unprintedList")
        self.print_waiting = QPushButton(objectName="printWaiting", clicked=self._print_waiting)
        self.header = QLabel(objectName="orderHeader", wordWrap=True)
        self.proof_label = QLabel(objectName="proofLabel", wordWrap=True)
        self.server_label = QLabel(objectName="serverRefusal", wordWrap=True)
        self.server_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.server_label.hide()
        self.table = OrderTable()
        self.table.itemChanged.connect(lambda _item: self._selection_changed())
        self.totals = QLabel(objectName="totalsLabel", wordWrap=True)
        self.buttons: dict[str, QPushButton] = {}
        for name, slot in (("refund", self._refund), ("exchange", self._exchange),
                           ("request", self._request), ("proof", self._attach),
                           ("override", self._override)):  # fmt: skip
            self.buttons[name] = QPushButton(objectName=f"{name}Button", clicked=slot)
            self.buttons[name].setMinimumHeight(40)
        self.message = QLabel(objectName="deskMessage", wordWrap=True)
        self.retry_button = QPushButton(objectName="retryPrint", clicked=self._retry_print)
        self.retry_button.hide()

        top = QHBoxLayout()
        for widget in (self.search, self.find_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.history_button)
        top.addWidget(self.shift_label)
        top.addWidget(self.shift_button)
        side = QVBoxLayout()
        for widget in (self.denials_title, self.denials, self.unprinted_title, self.unprinted,
                       self.print_waiting):  # fmt: skip
            side.addWidget(widget)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        middle = QVBoxLayout()
        for widget in (self.header, self.server_label, self.proof_label, self.table, self.totals):
            middle.addWidget(widget)
        middle.addLayout(actions)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.retry_button)
        middle.addLayout(bottom)
        body = QHBoxLayout()
        body.addLayout(side, 1)
        body.addLayout(middle, 3)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(body, 1)
        self.retranslate()
        self._enable()

    @classmethod
    def create(
        cls, ctx: StationContext, runner: TaskRunner, staff: Callable[[], StaffMember | None],
        settings: Settings, language: Callable[[], str] | None = None,
    ) -> RefundDeskScreen:  # fmt: skip
        """Built from the station: the composition root calls this (app/views/console.py)."""
        auth = station_auth(ctx)
        lang = language or (lambda: settings.language)
        desk = RefundDesk(
            ctx.sessions,
            ctx.venue_code,
            auth,
            data_dir(),
            station_id=ctx.station_id,
            clock=ctx.clock,
            fiscal_register=settings.fiscal_register,
        )
        receipts = desk_receipts(
            ctx.sessions,
            ctx.venue_code,
            clock=ctx.clock,
            register=settings.fiscal_register,
            url=settings.webkassa_url,
            cashbox=settings.webkassa_cashbox,
            profile=ctx.profile,
        )
        shifts = ShiftService(ctx.sessions, ctx.venue_code, ctx.station_id, clock=ctx.clock)
        sink = lambda: receipt_sink(settings.printer, settings.receipt_size)  # noqa: E731
        return cls(desk, receipts, shifts, runner, staff, sink, lang)

    # --- Screen -----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Refunds")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Order number or ticket code"))
        self.find_button.setText(self.tr("Find"))
        self.history_button.setText(self.tr("Receipts…"))
        self.denials_title.setText(self.tr("Refused at the door today"))
        self.unprinted_title.setText(self.tr("Receipts not printed"))
        self.print_waiting.setText(self.tr("Print selected receipt"))
        self.table.retranslate()
        texts = {"refund": self.tr("Refund"), "exchange": self.tr("Exchange…"),
                 "request": self.tr("Contact-centre request"), "proof": self.tr("Attach proof…"),
                 "override": self.tr("Override (supervisor)…")}  # fmt: skip
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.retry_button.setText(self.tr("Retry printing"))
        self._show_shift(self._shift_info)
        if self.order is not None:
            self._show_order(self.order)

    def activated(self) -> None:
        self.refresh()

    def handle_scan(self, scan: ScanInput) -> bool:
        self.search.setText(scan.text)
        self._find()
        return True

    # --- loading ----------------------------------------------------------------------------

    _shift_info: Any = None

    def refresh(self) -> None:
        self._runner.run(self._shifts.current, self._show_shift, self._error)
        self._runner.run(self._desk.todays_denials, self._show_denials, self._error)
        self._runner.run(self._receipts.unprinted, self._show_unprinted, self._error)

    def _find(self) -> None:
        text = self.search.text().strip()
        if text:
            self._runner.run(lambda: self._desk.find(text), self._show_order, self._error)

    def open_order(self, number: str) -> None:
        self._runner.run(lambda: self._desk.order(number), self._show_order, self._error)

    def _show_shift(self, info: Any) -> None:
        self._shift_info = info
        if info is None:
            self.shift_label.setText(self.tr("No cash shift open"))
            self.shift_button.setText(self.tr("Open shift"))
        else:
            self.shift_label.setText(self.tr("Shift open since %1 (%2)")
                                     .replace("%1", info.opened_at.astimezone().strftime("%H:%M"))
                                     .replace("%2", info.opened_by_name))  # fmt: skip
            self.shift_button.setText(self.tr("Close shift"))
        self._enable()

    def _show_denials(self, rows: list[Any]) -> None:
        self.denials.clear()
        for row in rows:
            done = self.tr(" (refunded)") if row.refunded else ""
            text = f"{row.denied_at.astimezone().strftime('%H:%M')}  {row.order_number}  {row.session_title}{done}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.order_number)
            self.denials.addItem(item)

    def _show_unprinted(self, rows: list[Any]) -> None:
        self.unprinted.clear()
        for row in rows:
            item = QListWidgetItem(self.tr("No. %1 · order %2 · %3").replace("%1", str(row.number))
                                   .replace("%2", row.order_number)
                                   .replace("%3", self._money(row.returned_tiyn)))  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, row.receipt_id)
            self.unprinted.addItem(item)
        self.print_waiting.setEnabled(bool(rows))

    def _show_order(self, order: OrderDetails) -> None:
        if self.order is None or self.order.number != order.number:
            self._proof, self._pending = None, None
        self.order = order
        start = order.starts_at.astimezone().strftime("%d.%m.%Y %H:%M")
        self.header.setText(self.tr("Order %1 · %2 · %3 · %4").replace("%1", order.number)
                            .replace("%2", order.organizer_name).replace("%3", order.session_title)
                            .replace("%4", start))  # fmt: skip
        self._show_proof()
        self._show_server_refusals(order)
        self.table.show_lines(order.tickets, self._money)
        self._selection_changed()

    def _show_proof(self) -> None:
        order, parts = self.order, []
        if order is not None and order.denial is not None:
            d = order.denial
            parts.append(self.tr("Ashyq proof: refused at %1 at %2 (status %3); the deadline is "
                                 "lifted.").replace("%1", d.door or "?")
                         .replace("%2", d.occurred_at.astimezone().strftime("%d.%m %H:%M"))
                         .replace("%3", d.status))  # fmt: skip
        if self._proof:
            parts.append(self.tr("Attached proof: %1").replace("%1", self._proof))
        self.proof_label.setText("\n".join(parts))

    def _show_server_refusals(self, order: OrderDetails) -> None:
        """A refund the central server refused: the cashier or manager must sort it out."""
        lines = []
        for r in order.server_refusals:
            text = self.tr("The central server refused this refund: %1").replace(
                "%1", server_refusal_words(r.code, r.message)
            )
            when = r.occurred_at.astimezone().strftime("%d.%m %H:%M")
            lines.append(f"{text} ({', '.join(r.tickets)}, {when})")
        self.server_label.setText("\n".join(lines))
        self.server_label.setVisible(bool(lines))

    # --- selection and totals ---------------------------------------------------------------

    def selected(self) -> list[TicketLine]:
        if self.order is None:
            return []
        codes = set(self.table.checked_codes())
        return [line for line in self.order.tickets if line.code in codes]

    def set_checked(self, codes: set[str]) -> None:
        self.table.set_checked(codes)

    def _selection_changed(self) -> None:
        self._pending = None  # another selection is another action: a new id at confirmation
        chosen = self.selected()
        ok = [line.refund for line in chosen if line.refund.refundable]
        back = max((q.money_back_by for q in ok if q.money_back_by), default=None)
        text = self.tr("Selected: %1 · fee %2 · refund %3").replace("%1", str(len(chosen)))
        text = text.replace("%2", self._money(sum(q.fee_tiyn for q in ok)))
        text = text.replace("%3", self._money(sum(q.refund_tiyn for q in ok)))
        if back is not None:
            text += "\n" + self.tr("Money back on the card by %1").replace(
                "%1", back.strftime("%d.%m.%Y")
            )
        self.totals.setText(text)
        self._enable()

    def _enable(self) -> None:
        has_shift = self._shift_info is not None
        chosen = self.selected()
        manual = self.order is not None and self.order.manual
        self.buttons["refund"].setEnabled(has_shift and bool(chosen) and not manual)
        self.buttons["exchange"].setEnabled(has_shift and bool(chosen) and not manual)
        self.buttons["request"].setEnabled(has_shift and bool(chosen) and manual)
        self.buttons["override"].setEnabled(has_shift and bool(chosen) and not manual)
        self.buttons["proof"].setEnabled(self.order is not None)

    # --- actions ----------------------------------------------------------------------------

    def _action_id(self, what: str) -> uuid.UUID:
        """One id per confirmed action; kept until it commits so a retry cannot pay twice."""
        if self._pending is None or self._pending[0] != what:
            self._pending = (what, uuid.uuid4())
        return self._pending[1]

    def _confirm_totals(self, what: str, lines: list[TicketLine], exchange: bool = False) -> bool:
        quotes = [line.exchange if exchange else line.refund for line in lines]
        fee = sum(q.fee_tiyn for q in quotes if q.refundable)
        back = 0 if exchange else sum(q.refund_tiyn for q in quotes if q.refundable)
        body = self.tr("Tickets: %1\nFee withheld: %2\nReturned to the card: %3").replace(
            "%1", ", ".join(line.code for line in lines)).replace(
            "%2", self._money(fee)).replace("%3", self._money(back))  # fmt: skip
        return self.confirm(what, body)

    def _refund(self, override: Override | None = None) -> None:
        order, lines, staff = self.order, self.selected(), self._staff()
        if order is None or not lines or staff is None:
            return
        if not isinstance(override, Override):
            override = None
            if not self._confirm_totals(self.tr("Refund these tickets?"), lines):
                return
        refund_id = self._action_id("override" if override else "refund")
        codes = [line.code for line in lines]
        proof = self._proof
        self._run_action(lambda: self._desk.refund(
            order.number, codes, staff_id=staff.id, refund_id=refund_id, override=override,
            proof_path=proof, lang=self._receipt_lang()))  # fmt: skip

    def _override(self) -> None:
        if not self.selected():
            return
        override = self.ask_override()
        if override is not None and self.confirm(
            self.tr("Refund against the rules?"), self.tr("A supervisor approves this refund.")
        ):
            self._refund(override)

    def _exchange(self) -> None:
        order = self.order
        if order is None or not self.selected():
            return
        self._runner.run(lambda: self._desk.exchange_sessions(order.number),
                         self._exchange_to, self._error)  # fmt: skip

    def _exchange_to(self, choices: list[SessionChoice]) -> None:
        order, lines, staff = self.order, self.selected(), self._staff()
        if not choices:
            self._say(self.tr("This organizer has no later session on this console."), True)
            return
        target = self.choose_session(choices)
        if target is None or order is None or staff is None:
            return
        if not self._confirm_totals(self.tr("Exchange to %1?").replace("%1", target.title),
                                    lines, exchange=True):  # fmt: skip
            return
        refund_id = self._action_id("exchange:" + target.id)
        codes = [line.code for line in lines]
        self._run_action(lambda: self._desk.exchange(
            order.number, codes, target.id, staff_id=staff.id, refund_id=refund_id,
            proof_path=self._proof, lang=self._receipt_lang()))  # fmt: skip

    def _request(self) -> None:
        order, lines, staff = self.order, self.selected(), self._staff()
        if order is None or not lines or staff is None:
            return
        if not self.confirm(self.tr("Record a contact-centre request?"),
                            self.tr("No money moves at the desk; the organizer's contact centre "
                                    "handles the refund.")):  # fmt: skip
            return
        refund_id = self._action_id("request")
        codes = [line.code for line in lines]
        self._run_action(lambda: self._desk.contact_request(
            order.number, codes, staff_id=staff.id, refund_id=refund_id, proof_path=self._proof,
            lang=self._receipt_lang()))  # fmt: skip

    def _attach(self) -> None:
        order, path = self.order, self.choose_file()
        if order is None or path is None:
            return
        self._runner.run_write(lambda: self._desk.attach_proof(order.number, path),
                               self._proof_attached, self._error)  # fmt: skip

    def _proof_attached(self, relative: str) -> None:
        self._proof = relative
        self._show_proof()

    def _run_action(self, fn: Callable[[], DeskResult]) -> None:
        self._set_busy(True)
        self._runner.run_write(fn, self._committed, self._action_failed)

    def _committed(self, result: DeskResult) -> None:
        self._set_busy(False)
        self._pending = None
        self.last_result = result
        text = (
            self.tr("Done: receipt No. %1, returned %2.")
            .replace("%1", str(result.receipt_number))
            .replace("%2", self._money(result.returned_tiyn))
        )
        if result.money_back_by is not None:
            text += " " + self.tr("Money back by %1.").replace(
                "%1", result.money_back_by.strftime("%d.%m.%Y")
            )
        self._say(text)
        if result.receipt_id is not None:
            self.print_receipt(result.receipt_id)
        if self.order is not None:
            self.open_order(self.order.number)

    def _action_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, RefundRefused):
            self._pending = None
            why = "\n".join(f"{code}: {text}" for code, _, text in exc.refusals)
            hint = self.tr("A supervisor may override.") if exc.overridable else ""
            self._say(self.tr("Refused by the rules:") + "\n" + why + "\n" + hint, True)
            return
        self._error(exc)  # the id is kept: pressing again retries the same action

    # --- printing ---------------------------------------------------------------------------

    def print_receipt(self, receipt_id: int) -> None:
        staff = self._staff()
        sink = self._sink()
        self._runner.run_write(
            lambda: self._receipts.print_receipt(receipt_id, sink,
                                                 staff_id=staff.id if staff else None),
            self._printed, self._error)  # fmt: skip

    def _printed(self, outcome: PrintOutcome) -> None:
        self.last_print = outcome
        if outcome.ok and outcome.printer.startswith("pdf:"):  # the demo's printer: a folder
            self.retry_button.hide()
            self._say(
                self.tr("Receipt No. %1 printed to %2.")
                .replace("%1", str(outcome.number))
                .replace("%2", outcome.printer[len("pdf:") :])
            )
        elif outcome.ok:
            self.retry_button.hide()
            self._say(self.tr("Receipt No. %1 printed.").replace("%1", str(outcome.number)))
        else:
            self.retry_button.show()
            self._say(self.tr("The receipt did not print: %1. The refund is saved; fix the "
                              "printer and press Retry.").replace(
                                  "%1", printer_problem(outcome)), True)  # fmt: skip
        self._runner.run(self._receipts.unprinted, self._show_unprinted, self._error)

    def _retry_print(self) -> None:
        if self.last_print is not None:
            self.print_receipt(self.last_print.receipt_id)

    def _print_waiting(self) -> None:
        item = self.unprinted.currentItem() or self.unprinted.item(0)
        if item is not None:
            self.print_receipt(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_history(self) -> ReceiptHistoryDialog:
        """The receipt history in its own window (kept, so a second press brings it back)."""
        if self.history_dialog is None:
            panel = ReceiptHistoryPanel(
                ReceiptHistory(self._receipts), self._runner, self._staff, self._sink, self._money
            )
            self.history_dialog = ReceiptHistoryDialog(panel, self)
        self.history_dialog.show()
        self.history_dialog.raise_()
        self.history_dialog.panel.find()
        return self.history_dialog

    # --- shift ------------------------------------------------------------------------------

    def _toggle_shift(self) -> None:
        staff = self._staff()
        if staff is None:
            return
        if self._shift_info is None:
            self._runner.run_write(lambda: self._shifts.open(staff.id), self._show_shift,
                                   self._error)  # fmt: skip
            return
        if self.confirm(self.tr("Close the shift?"), self.tr("The closing summary follows.")):
            self._runner.run_write(lambda: self._shifts.close(staff.id), self._closed,
                                   self._error)  # fmt: skip

    def _closed(self, summary: ShiftSummary) -> None:
        self._show_shift(None)
        self.inform(self.tr("Shift closed"), shift_summary_text(summary, self._money))

    # --- helpers ----------------------------------------------------------------------------

    def _money(self, tiyn: int) -> str:
        lang = self._lang()
        return format_money(tiyn, lang if lang in ("ru", "kk", "en") else "ru")  # type: ignore[arg-type]

    def _receipt_lang(self) -> Any:
        lang = self._lang()
        return lang if lang in ("ru", "kk", "en") else "ru"

    def _set_busy(self, busy: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not busy)
        if not busy:
            self._enable()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.message.setText(text)

    def _error(self, exc: BaseException) -> None:
        self._set_busy(False)
        code, message = describe(exc)
        if code == "needs_server":
            message = self.tr(
                "No supervisor PIN can be checked offline at this station. Connect to the server, or ask the administrator for a supervisor PIN of 8 or more digits."
            )
        self._say(message, True)
