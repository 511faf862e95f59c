"""The order panel: a scanned ticket's order, each ticket's state and each member's colour.

A group bought on one order is checked person by person (DOMAIN.md §4); this panel is the
guard's checklist for it, with the group verdict on top once every member has been checked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.door_types import MemberView, OrderView
from app.views.texts import status_word, verdict_word
from app.views.verdict import STATUS_COLOURS, text_colour_for


class GroupPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupPanel")
        self.order: OrderView | None = None
        self.heading = QLabel()
        font = QFont()
        font.setPointSize(14)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.session = QLabel()
        self.session.setWordWrap(True)
        self.members = QListWidget()
        self.members.setObjectName("groupMembers")
        self.members.setWordWrap(True)
        self.members.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verdict = QLabel()
        self.verdict.setObjectName("groupVerdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.session)
        layout.addWidget(self.verdict)
        layout.addWidget(self.members, 1)
        self.retranslate()

    def show_order(self, order: OrderView) -> None:
        self.order = order
        self.retranslate()

    def clear(self) -> None:
        self.order = None
        self.retranslate()

    def _state_text(self, member: MemberView) -> str:
        if member.state == "used" and member.used_at is not None:
            return (
                self.tr("used at %1 at door %2")
                .replace("%1", member.used_at.astimezone().strftime("%H:%M"))
                .replace("%2", member.used_door or "?")
            )
        texts = {
            "valid": self.tr("valid"),
            "used": self.tr("used"),
            "refunded": self.tr("refunded"),
            "exchanged": self.tr("exchanged"),
            "other_session": self.tr("for another session"),
        }
        return texts.get(member.state, member.state)

    def retranslate(self) -> None:
        order = self.order
        self.members.clear()
        if order is None:
            self.heading.setText(self.tr("Group"))
            self.session.setText(self.tr("Scan a ticket to see its order here."))
            self.verdict.clear()
            self.verdict.setStyleSheet("")
            return
        self.heading.setText(self.tr("Order %1").replace("%1", order.number))
        start = order.session_start.astimezone().strftime("%d.%m %H:%M")
        hall = f", {order.hall}" if order.hall else ""
        self.session.setText(f"{order.session_title} — {start}{hall}")
        for member in order.members:
            colour = status_word(member.status) if member.status else self.tr("not checked yet")
            # the colour first: it is what the guard looks for; the ticket's state below it
            item = QListWidgetItem(f"{colour}\n{member.ticket_code} · {self._state_text(member)}")
            if member.status:
                background = STATUS_COLOURS.get(member.status, "#5f6368")
                item.setBackground(QColor(background))
                item.setForeground(QColor(text_colour_for(background)))
            self.members.addItem(item)
        if order.group_verdict:
            self.verdict.setText(
                self.tr("Group: %1").replace("%1", verdict_word(order.group_verdict))
            )
            background = {"admit": "#1b7f2a", "deny": "#c4161c"}.get(order.group_verdict, "#f2c200")
            self.verdict.setStyleSheet(
                f"background: {background}; color: {text_colour_for(background)}; padding: 6px;"
            )
        else:
            self.verdict.setText(self.tr("Group: check each person"))
            self.verdict.setStyleSheet("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
