"""The page a venue's QR poster points to: a visitor types their IIN and sees their colour.

Plain HTML that works without JavaScript; a small script checks the IIN's length and check
digit before sending, so a typo is caught on the phone, and the server checks again with
`app.core.iin`. The check-in is stored as the venue's pseudonym of the IIN and the status, and
reaches the door screens through `/api/v1/checkins/stream`. The IIN is posted in the body, never
in a URL, so it cannot end up in an access log.

A stranger's request meets the per-address limit before anything it carries is read (path, header,
form); then a malformed venue code is "no venue" (404), a malformed form 400, and one IIN checks in
at one venue at most once per `visitor_person_interval_s`. Every page carries a
Content-Security-Policy that allows only its own style block and script, by their hashes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from typing import Annotated, Any
from urllib.parse import parse_qsl
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, FastAPI, Header, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from app.core.iin import IinError, validate_iin
from app.core.pseudonym import pseudonym
from app.core.statuses import Status
from central.api import client_address, limit
from central.checkin_feed import announce
from central.context import ApiError, Context, CtxDep, get_context
from central.db import Checkin, Venue, utcnow
from central.openapi import ERROR_BODY, HTML
from central.status_source import IIN, lookup
from central.visitor_texts import IIN_ERROR_TEXT, LANGUAGE_NAMES, LANGUAGES, TEXTS, pick_language

router = APIRouter()

_LOOK = {  # background, text colour, icon: colour, word and icon together (never colour alone)
    Status.GREEN: ("#1b7f3b", "#ffffff", "\u2714"),
    Status.BLUE: ("#1f5fbf", "#ffffff", "\u25c6"),
    Status.YELLOW: ("#f2c200", "#1a1a1a", "\u26a0"),
    Status.RED: ("#c0142a", "#ffffff", "\u2716"),
    Status.NOT_FOUND: ("#5c6670", "#ffffff", "?"),
}

_CSS = (
    """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;
color:#1a1a1a}main{max-width:28rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem}
.langs a{margin-right:.8rem}.langs a[aria-current]{font-weight:bold;text-decoration:none}
label{display:block;font-weight:600;margin:1rem 0 .4rem}
input{font-size:1.6rem;width:100%;box-sizing:border-box;padding:.6rem;letter-spacing:.08em}
button{font-size:1.3rem;width:100%;margin-top:1rem;padding:.8rem;border:0;border-radius:.4rem;
background:#1a1a1a;color:#fff}.error{color:#b00020;font-weight:600;min-height:1.4em}
.verdict{border-radius:.8rem;padding:1.5rem 1rem;text-align:center;margin:1rem 0}
.verdict .icon{font-size:5rem;line-height:1}.verdict .word{font-size:2.6rem;font-weight:800}
.small{font-size:.9rem;color:#555}
"""
    # colours as classes, not style attributes: the CSP allows this one style block by its hash
    + "".join(
        f".s-{status.value}{{background:{bg};color:{fg}}}" for status, (bg, fg, _) in _LOOK.items()
    )
    + "\n"
)

# The IIN check digit (DOMAIN.md section 1) for the phone; the server repeats it with app.core.iin.
_SCRIPT = """
function iinProblem(raw){var v=raw.replace(/[\\s\\-\\u2010-\\u2015\\u2212]/g,"");
if(!/^[0-9]*$/.test(v))return"err_characters";if(v.length!==12)return"err_length";
var d=v.split("").map(Number),c=0,i;for(i=0;i<11;i++)c+=d[i]*(i+1);c%=11;
if(c===10){c=0;for(i=0;i<11;i++)c+=d[i]*((i+2)%11+1);c%=11;if(c===10)return"err_check";}
return c===d[11]?null:"err_check";}
document.getElementById("f").addEventListener("submit",function(e){
var p=iinProblem(document.getElementById("iin").value);if(p){e.preventDefault();
document.getElementById("err").textContent=document.getElementById("f").dataset[p.replace("_","")];}});
"""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# Nothing but this page's own style block and script: no inline code an injection could add, no
# other origin, no framing (clickjacking), forms only back to this server.
CSP = (
    f"default-src 'none'; style-src {_sha256(_CSS)}; script-src {_sha256(_SCRIPT)}; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_CODE = re.compile(r"[A-Za-z0-9-]{2,32}")  # as admin.create_venue allows: anything else is no venue
MAX_FORM_BYTES = 1024  # the form has two short fields
MAX_FORM_FIELDS = 4


class PageError(Exception):
    """A visitor-page refusal, answered as an HTML page in the phone's language."""

    def __init__(
        self,
        status: int,
        text_key: str,
        headers: dict[str, str] | None = None,
        language: str | None = None,  # when the form named one
    ) -> None:
        super().__init__(text_key)
        self.status = status
        self.text_key = text_key
        self.headers = headers or {}
        self.language = language


def _page(lang: str, title: str, body: str, status_code: int = 200) -> HTMLResponse:
    doc = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    headers = {
        "Cache-Control": "no-store",
        "Content-Language": lang,
        "Content-Security-Policy": CSP,
    }
    return HTMLResponse(doc, status_code=status_code, headers=headers)


def _refusal(request: Request, exc: Exception) -> HTMLResponse:
    assert isinstance(exc, PageError)
    language = exc.language or pick_language(
        request.query_params.get("lang"), request.headers.get("accept-language")
    )
    text = TEXTS[language][exc.text_key]
    response = _page(language, text, f'<p class="error" id="err">{text}</p>', exc.status)
    response.headers.update(exc.headers)
    return response


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.add_exception_handler(PageError, _refusal)


def visitor_limit(request: Request, ctx: Annotated[Context, Depends(get_context)]) -> None:
    """Per client address, before anything the request carries is read (path, header or form)."""
    try:
        limit(
            ctx,
            f"visitor:{client_address(request)}",
            ctx.settings.visitor_rate,
            ctx.settings.visitor_burst,
        )
    except ApiError as exc:
        raise PageError(429, "too_many", exc.headers) from None


_LIMITED = [Depends(visitor_limit)]
# a plain string (a malformed code is "no venue", 404, after the limiter); DEMO is the demo venue
VenueCode = Annotated[str, Path(examples=["DEMO"])]
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: HTML,
    400: {**HTML, "description": "The IIN or the form is wrong (the form again, with the reason)"},
    404: {**HTML, "description": "No venue has this code"},
    413: ERROR_BODY,
    429: {**HTML, "description": "Too many check-ins from this address, or of this IIN here"},
    503: {**HTML, "description": "The status service does not answer"},
}
_FORM_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "iin": {"type": "string", "maxLength": 40},
                        "lang": {"type": "string", "enum": list(LANGUAGES)},
                    },
                    "required": ["iin"],
                }
            }
        },
    }
}


def _switch(code: str, lang: str) -> str:
    links = [
        f'<a href="/v/{html.escape(code)}?lang={other}"'
        + (' aria-current="true"' if other == lang else "")
        + f' hreflang="{other}" id="lang-{other}">{LANGUAGE_NAMES[other]}</a>'
        for other in LANGUAGES
    ]
    return f'<nav class="langs">{"".join(links)}</nav>'


def _form(code: str, venue_name: str, lang: str, error_key: str | None = None) -> str:
    t = TEXTS[lang]
    data = " ".join(
        f'data-{key.replace("_", "")}="{html.escape(t[key])}"'
        for key in ("err_length", "err_characters", "err_check")
    )
    error = html.escape(t[error_key]) if error_key else ""
    return (
        f"{_switch(code, lang)}<h1>{html.escape(venue_name)}</h1><p>{t['intro']}</p>"
        f'<form id="f" method="post" action="/v/{html.escape(code)}" {data} novalidate>'
        f'<input type="hidden" name="lang" value="{lang}">'
        f'<label for="iin">{t["label"]}</label>'
        '<input id="iin" name="iin" inputmode="numeric" autocomplete="off" maxlength="24" required>'
        f'<div id="err" class="error" role="alert">{error}</div>'
        f'<button type="submit" id="go">{t["button"]}</button></form>'
        f'<p class="small">{t["privacy"]}</p><script>{_SCRIPT}</script>'
    )


def _venue(ctx: Context, code: str) -> tuple[int, str, str, bytes] | None:
    if not _CODE.fullmatch(code):
        return None
    with ctx.engine.connect() as conn:
        row = conn.execute(
            select(Venue.id, Venue.name, Venue.time_zone, Venue.pseudonym_key).where(
                Venue.code == code.upper()
            )
        ).one_or_none()
    return None if row is None else (row[0], row[1], row[2], row[3])


@router.get(
    "/v/{venue_code}", response_class=HTMLResponse, dependencies=_LIMITED, responses=_RESPONSES
)
def visitor_form(
    venue_code: VenueCode,
    ctx: CtxDep,
    lang: str | None = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> HTMLResponse:
    language = pick_language(lang, accept_language)
    venue = _venue(ctx, venue_code)
    if venue is None:
        raise PageError(404, "no_venue")
    return _page(language, TEXTS[language]["title"], _form(venue_code.upper(), venue[1], language))


def _form_fields(raw: bytes) -> dict[str, str] | None:
    """The urlencoded form read by hand (python-multipart is not a dependency): None if malformed."""
    if len(raw) > MAX_FORM_BYTES:
        return None
    try:
        pairs = parse_qsl(
            raw.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS
        )
    except (UnicodeDecodeError, ValueError):  # ValueError: more fields than the form has
        return None
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    return fields


@router.post(
    "/v/{venue_code}",
    response_class=HTMLResponse,
    dependencies=_LIMITED,
    responses=_RESPONSES,
    openapi_extra=_FORM_BODY,
)
async def visitor_checkin(
    venue_code: VenueCode,
    request: Request,
    ctx: CtxDep,
    accept_language: Annotated[str | None, Header()] = None,
) -> HTMLResponse:
    if not _CODE.fullmatch(venue_code):
        raise PageError(404, "no_venue")
    fields = _form_fields(await request.body())
    language = pick_language((fields or {}).get("lang"), accept_language)
    return await run_in_threadpool(_checkin, ctx, venue_code, fields, language)


def _checkin(
    ctx: Context, venue_code: str, fields: dict[str, str] | None, language: str
) -> HTMLResponse:
    t = TEXTS[language]
    venue = _venue(ctx, venue_code)
    if venue is None:
        raise PageError(404, "no_venue", language=language)
    venue_id, venue_name, tz, key = venue
    code = venue_code.upper()
    try:
        number = validate_iin((fields or {}).get("iin", "")[:40]).value
    except IinError as exc:
        reason = (
            IIN_ERROR_TEXT.get(exc.code, "err_check") if fields is not None else "err_characters"
        )
        return _page(language, t["title"], _form(code, venue_name, language, reason), 400)
    person = pseudonym(key, number)
    interval = ctx.settings.visitor_person_interval_s
    if interval > 0:  # the venue's keyed hash names the person here, never the number itself
        try:
            limit(ctx, f"person:{venue_id}:{person}", 1.0 / interval, 1)
        except ApiError as exc:
            raise PageError(429, "just_checked", exc.headers, language) from None
    try:
        with ctx.engine.begin() as conn:
            answer = lookup(ctx, conn, IIN, number)
            now = utcnow()
            conn.execute(
                Checkin.__table__.insert().values(
                    venue_id=venue_id, at=now, status=answer.status.value, person=person
                )
            )
            announce(conn, venue_id)  # every process's streams hear it at commit
    except ApiError:
        raise PageError(503, "unavailable", language=language) from None
    local = now.astimezone(ZoneInfo(tz)).strftime("%H:%M")
    return _page(language, t["title"], _result(code, venue_name, language, answer.status, local))


def _result(code: str, venue_name: str, lang: str, status: Status, at: str) -> str:
    t = TEXTS[lang]
    icon = _LOOK[status][2]
    return (
        f"{_switch(code, lang)}<h1>{html.escape(venue_name)}</h1><p>{t['registered']}</p>"
        f'<section class="verdict s-{status.value}" id="verdict" data-status="{status.value}">'
        f'<div class="icon" aria-hidden="true">{icon}</div>'
        f'<div class="word" id="word">{t[status.value]}</div>'
        f'<p id="note">{t[status.value + "_note"]}</p>'
        f'<p>{t["checked_at"]}: <strong id="at">{at}</strong></p></section>'
        f"<p>{t['show_staff']}</p>"
        f'<p><a href="/v/{html.escape(code)}?lang={lang}" id="again">{t["again"]}</a></p>'
    )
