"""Serving the built site's files: directories, types, 404, no way out of the root."""

from __future__ import annotations

import io
from pathlib import Path

from sunlight.staticsite import StaticSite


def _get(app: StaticSite, path: str, method: str = "GET") -> tuple[str, dict[str, str], bytes]:
    seen: dict[str, object] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    wsgi_path = path.encode("utf-8").decode("latin-1")  # as a WSGI server hands it over
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": wsgi_path,
        "QUERY_STRING": "",
        "wsgi.input": io.BytesIO(),
    }
    body = b"".join(app(environ, start_response))
    return str(seen["status"]), seen["headers"], body  # type: ignore[return-value]


def test_files_directories_types_and_404(tmp_path: Path) -> None:
    (tmp_path / "powers").mkdir()
    (tmp_path / "powers" / "index.html").write_text("<h1>权责清单</h1>", encoding="utf-8")
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "市容环卫.atom").write_text("<feed/>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "a.pf_index").write_bytes(b"\x00\x01")
    (tmp_path / "100%.txt").write_text("percent", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>页面不存在</h1>", encoding="utf-8")
    app = StaticSite(tmp_path)

    status, headers, body = _get(app, "/powers/")
    assert status.startswith("200") and "权责清单" in body.decode()
    assert _get(app, "/powers")[1]["Location"] == "/powers/"
    status, headers, _ = _get(app, "/feeds/市容环卫.atom")
    assert status.startswith("200") and headers["Content-Type"].startswith("application/xml")
    assert _get(app, "/pagefind/a.pf_index")[1]["Content-Type"] == "application/octet-stream"
    assert _get(app, "/100%.txt")[2] == b"percent"
    status, _, body = _get(app, "/nowhere/")
    assert status.startswith("404") and "页面不存在" in body.decode()
    assert _get(app, "/powers/", "HEAD")[2] == b""
    assert _get(app, "/powers/", "POST")[0].startswith("405")


def test_nothing_outside_the_root(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (site / "link").symlink_to(tmp_path)
    app = StaticSite(site)
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/link/secret.txt", "/a/../../secret.txt", "/\x00"):
        status, _, body = _get(app, path)
        assert status.startswith("404") and b"secret" not in body, path


def test_operator_files_are_not_served(tmp_path: Path) -> None:
    (tmp_path / "build-report.json").write_text('{"held_back": []}', encoding="utf-8")
    (tmp_path / ".sunlight-manifest").write_text("index.html\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "powers.json").write_text("[]", encoding="utf-8")
    app = StaticSite(tmp_path)
    assert _get(app, "/build-report.json")[0].startswith("404")
    assert _get(app, "/.sunlight-manifest")[0].startswith("404")
    assert _get(app, "/data/../.sunlight-manifest")[0].startswith("404")
    assert _get(app, "/data/powers.json")[0].startswith("200")
