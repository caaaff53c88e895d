"""The two small HTML answers of the e-mail alert links (opened from a mail, in a browser):
订阅已确认, and the 退订 button. Chinese only, no script, no inline style (the site's CSP)."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from chalice import Response


def alert_page(title: str, text: str, unsubscribe_token: str = "") -> Response:
    form = ""
    if unsubscribe_token:
        action = f"/api/alerts/unsubscribe?token={quote(unsubscribe_token)}"
        form = (
            f'<form method="post" action="{escape(action)}" enctype="application/x-www-form-urlencoded">'
            '<input type="hidden" name="List-Unsubscribe" value="One-Click">'
            '<button type="submit">确认退订</button></form>'
        )
    body = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(title)}</title><link rel="stylesheet" href="/theme/css/site.css"></head>'
        f'<body><main id="main"><h1>{escape(title)}</h1><p>{escape(text)}</p>{form}'
        '<p><a href="/decisions/">返回执法决定公示</a></p></main></body></html>'
    )
    return Response(
        body=body,
        status_code=200,
        headers={"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"},
    )
