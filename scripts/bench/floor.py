"""The floor of the peer benchmark: write the same files with no template engine at all.

Reads the same CSV, formats each page with plain string formatting and writes it: what any
generator has to pay at least (reading the records and writing the bytes).

    python scripts/bench/floor.py RECORDS.csv OUT_DIR
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import newest_first, read_csv  # noqa: E402

HEAD = (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title} - 阳光执法</title>\n'
    '<link rel="stylesheet" href="/theme/site.css">\n</head>\n<body>\n<header><a href="/">阳光执法</a></header>\n'
    "<main>\n"
)
FOOT = "</main>\n<footer><p>主办单位：上海市嘉定区城市管理行政执法局</p></footer>\n</body>\n</html>\n"
FIELDS = [
    ("决定文书号", "doc_no"), ("当事人", "party_name"), ("统一社会信用代码", "credit_code"),
    ("法定代表人", "legal_rep"), ("主要违法事实", "facts"), ("处罚依据", "basis"), ("处罚内容", "content"),
    ("罚款金额(元)", "amount"), ("执法机关", "office"), ("事项编码", "power_code"),
    ("决定日期", "decided_on"), ("公示日期", "published_on"),
]  # fmt: skip
PAGE_SIZE = 50


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())


def main(csv_path: str, out: str) -> int:
    root = Path(out)
    records = newest_first(read_csv(Path(csv_path)))
    for r in records:
        e = {k: html.escape(v) for k, v in r.items()}
        body = "".join(f"<dt>{label}</dt><dd>{e[key]}</dd>\n" for label, key in FIELDS)
        write(
            root / "decisions" / r["id"] / "index.html",
            HEAD.format(title=e["doc_no"]) + f"<dl>\n{body}</dl>\n" + FOOT,
        )
    pages = [records[i : i + PAGE_SIZE] for i in range(0, len(records), PAGE_SIZE)]
    for n, chunk in enumerate(pages, 1):
        items = "".join(
            f'<li><a href="/decisions/{r["id"]}/">{html.escape(r["doc_no"])}</a> {html.escape(r["party_name"])}</li>\n'
            for r in chunk
        )
        target = root / "decisions" / ("index.html" if n == 1 else f"page/{n}/index.html")
        write(target, HEAD.format(title="行政执法决定公示") + f"<ol>\n{items}</ol>\n" + FOOT)
    entries = "".join(
        f"<entry><title>{html.escape(r['doc_no'])}</title><id>https://example.gov.cn/decisions/{r['id']}/</id>"
        f"<updated>{r['decided_on']}T00:00:00+08:00</updated></entry>\n"
        for r in records[:100]
    )
    write(
        root / "feeds" / "decisions.atom", f'<?xml version="1.0" encoding="utf-8"?>\n<feed>{entries}</feed>\n'
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
