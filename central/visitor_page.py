"""The page a venue's QR poster points to: a visitor types their IIN and sees their colour.

Plain HTML that works without JavaScript; a small script checks the IIN's length and check
digit before sending, so a typo is caught on the phone, and the server checks again with
`app.core.iin`. The check-in is stored as the venue's pseudonym of the IIN and the status, and
reaches the door screens through `/api/v1/checkins/stream`. The IIN is posted in the body, never
in a URL, so it cannot end up in an access log.
"""

from __future__ import annotations

import html
from typing import Annotated
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from app.core.iin import IinError, validate_iin
from app.core.pseudonym import pseudonym
from app.core.statuses import Status
from central.api import client_address, limit
from central.context import ApiError, Context, CtxDep
from central.db import Checkin, Venue, utcnow
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

_CSS = """
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


def _page(lang: str, title: str, body: str, status_code: int = 200) -> HTMLResponse:
    doc = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    headers = {"Cache-Control": "no-store", "Content-Language": lang}
    return HTMLResponse(doc, status_code=status_code, headers=headers)


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
    with ctx.engine.connect() as conn:
        row = conn.execute(
            select(Venue.id, Venue.name, Venue.time_zone, Venue.pseudonym_key).where(
                Venue.code == code.upper()
            )
        ).one_or_none()
    return None if row is None else (row[0], row[1], row[2], row[3])


@router.get("/v/{venue_code}", response_class=HTMLResponse)
def visitor_form(
    venue_code: str,
    ctx: CtxDep,
    lang: str | None = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> HTMLResponse:
    language = pick_language(lang, accept_language)
    venue = _venue(ctx, venue_code)
    if venue is None:
        return _page(
            language, TEXTS[language]["no_venue"], f"<p>{TEXTS[language]['no_venue']}</p>", 404
        )
    return _page(language, TEXTS[language]["title"], _form(venue_code.upper(), venue[1], language))


@router.post("/v/{venue_code}", response_class=HTMLResponse)
async def visitor_checkin(
    venue_code: str,
    request: Request,
    ctx: CtxDep,
    accept_language: Annotated[str | None, Header()] = None,
) -> HTMLResponse:
    # An urlencoded form read by hand: python-multipart is not a dependency of this project.
    fields = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=5)
    iin = (fields.get("iin") or [""])[0][:40]
    lang = (fields.get("lang") or [""])[0]
    language = pick_language(lang, accept_language)
    return await run_in_threadpool(
        _checkin, ctx, venue_code, client_address(request), iin, language
    )


def _checkin(ctx: Context, venue_code: str, address: str, iin: str, language: str) -> HTMLResponse:
    t = TEXTS[language]
    venue = _venue(ctx, venue_code)
    if venue is None:
        return _page(language, t["no_venue"], f"<p>{t['no_venue']}</p>", 404)
    venue_id, venue_name, tz, key = venue
    code = venue_code.upper()
    try:
        limit(ctx, f"visitor:{address}", ctx.settings.visitor_rate, ctx.settings.visitor_burst)
    except ApiError:
        body = f'{_switch(code, language)}<p class="error" id="err">{t["too_many"]}</p>'
        return _page(language, t["title"], body, 429)
    try:
        number = validate_iin(iin).value
    except IinError as exc:
        body = _form(code, venue_name, language, IIN_ERROR_TEXT.get(exc.code, "err_check"))
        return _page(language, t["title"], body, 400)
    try:
        with ctx.engine.begin() as conn:
            answer = lookup(ctx, conn, IIN, number)
            now = utcnow()
            conn.execute(
                Checkin.__table__.insert().values(
                    venue_id=venue_id,
                    at=now,
                    status=answer.status.value,
                    person=pseudonym(key, number),
                )
            )
    except ApiError:
        return _page(language, t["title"], f'<p class="error">{t["unavailable"]}</p>', 503)
    local = now.astimezone(ZoneInfo(tz)).strftime("%H:%M")
    return _page(language, t["title"], _result(code, venue_name, language, answer.status, local))


def _result(code: str, venue_name: str, lang: str, status: Status, at: str) -> str:
    t = TEXTS[lang]
    background, colour, icon = _LOOK[status]
    return (
        f"{_switch(code, lang)}<h1>{html.escape(venue_name)}</h1><p>{t['registered']}</p>"
        f'<section class="verdict" id="verdict" data-status="{status.value}" '
        f'style="background:{background};color:{colour}">'
        f'<div class="icon" aria-hidden="true">{icon}</div>'
        f'<div class="word" id="word">{t[status.value]}</div>'
        f'<p id="note">{t[status.value + "_note"]}</p>'
        f'<p>{t["checked_at"]}: <strong id="at">{at}</strong></p></section>'
        f"<p>{t['show_staff']}</p>"
        f'<p><a href="/v/{html.escape(code)}?lang={lang}" id="again">{t["again"]}</a></p>'
    )
