"""``sma-tui add URL``: a local HTTP server (127.0.0.1, an ephemeral port, started and
stopped here) serves pages written for these tests: an invented article inside a news
site's chrome, and every failure ``add`` must name in one line."""

from __future__ import annotations

import gzip
import io
import json
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sma_tui.cli.main import main
from sma_tui.ingest.loader import IngestError
from sma_tui.ingest.web import FetchOptions, fetch, is_url, load_url, url_key
from sma_tui.storage.store import Store

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"
ROUND8 = (WEB / "round8.html").read_bytes()
CANONICAL = "http://news.example.test/world/2020/03/19/allies-end-eighth-round"
CHROME = ("We use cookies", "Share on", "Most read", "©", "All rights reserved", "Subscribe", "Sidebar", "signed deal")

# A second invented article, for the page whose header and <meta> disagree on the charset
# (served encoded as Windows-1252, as its HTTP header says; its <meta> claims UTF-8).
WORKERS = (WEB / "workers.html").read_text(encoding="utf-8")

SHELL = b"""<!doctype html><html><head><title>Harbor Line News</title><script src="/app.js"></script></head>
<body><div class="cookie-banner"><p>We use cookies to improve your experience.</p></div><div id="root"></div>
<noscript>You need to enable JavaScript to run this app.</noscript></body></html>"""

PLAIN = (
    "Allies schedule a ninth round\n\nWASHINGTON, April 2 (Harbor Line) -- The two delegations agreed on Thursday "
    "to meet again in Washington, officials said, as the deadline for the furloughs passed without a deal.\n"
)


def _html(
    handler: BaseHTTPRequestHandler, body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _redirect(to: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def go(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return go


def _gzip(h: BaseHTTPRequestHandler) -> None:
    body = gzip.compress(ROUND8)
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def _endless(h: BaseHTTPRequestHandler) -> None:
    """No Content-Length, and more than 5 MB: only a bounded read stops it."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    chunk = b"<p>" + b"filler " * 9000 + b"</p>\n"
    try:
        for _ in range(6 * 1024 * 1024 // len(chunk) + 2):
            h.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client stopped reading at the limit, as it should


def _slow(h: BaseHTTPRequestHandler) -> None:
    time.sleep(1.5)
    try:
        _html(h, ROUND8)
    except (BrokenPipeError, ConnectionResetError):
        pass


ROUTES: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {
    "/round8": lambda h: _html(h, ROUND8),
    "/round8-gz": _gzip,
    "/moved": _redirect("/round8"),
    "/loop-a": _redirect("/loop-b"),
    "/loop-b": _redirect("/loop-a"),
    "/to-ftp": _redirect("ftp://127.0.0.1/x"),
    "/missing": lambda h: _html(h, b"<html><body><p>Not here</p></body></html>", status=404),
    "/broken": lambda h: _html(h, b"<html><body><p>Oops</p></body></html>", status=503),
    "/slow": _slow,
    "/huge": _endless,
    "/huge-declared": lambda h: _html(h, b"x" * (5 * 1024 * 1024 + 1)),
    "/report.pdf": lambda h: _html(h, b"%PDF-1.4 not really", ctype="application/pdf"),
    "/shell": lambda h: _html(h, SHELL),
    # The server says Windows-1252 and the page's <meta> says UTF-8: the bytes are
    # Windows-1252 (curly quotes 0x93/0x94/0x92), so only the header reads them right.
    "/workers": lambda h: _html(h, WORKERS.encode("cp1252"), ctype="text/html; charset=windows-1252"),
    "/plain": lambda h: _html(h, PLAIN.encode("utf-8"), ctype="text/plain; charset=utf-8"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        route = ROUTES.get(self.path)
        if route is None:
            _html(self, b"<html><body>no such page</body></html>", status=404)
        else:
            route(self)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep the test output clean


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # clients hang up early
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _refused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed on exit: nothing listens there


def test_add_url_stores_the_clean_article_with_its_metadata(site: str, store_path: Path, capsys) -> None:
    code, out, err = _run(capsys, "add", "--db", str(store_path), "--json", f"{site}/round8")
    assert code == 0, err
    [row] = json.loads(out)
    a = Store(store_path).load().articles[row["article"]["id"]]
    assert (a.title, a.date, a.publisher, a.byline) == (
        "Allies end eighth round without a cost deal",
        "2020-03-19",
        "Harbor Line News",
        "Mina Cho",
    )
    assert a.url == CANONICAL and a.retrieved and a.retrieved.startswith("20")
    assert "Negotiators from South Korea" in a.body and "possible." in a.body
    assert not [c for c in CHROME if c in a.body], a.body
    assert "the raw tag &lt;b&gt; in its headline" in a.body  # &amp;lt; decoded once, not twice
    quotes = [q["text"] for q in row["quotes"]]
    assert any(q.startswith("We narrowed some gaps") for q in quotes)
    assert not [q for q in quotes if "sidebar" in q.lower() or "signed deal" in q or "collapsed" in q]
    code, out, _ = _run(capsys, "articles", "--db", str(store_path), "--json")
    listed = {r["id"]: r for r in json.loads(out)}
    assert listed[a.id]["url"] == CANONICAL and listed[a.id]["retrieved"] == a.retrieved
    code, out, _ = _run(capsys, "show", "article", a.id, "--db", str(store_path))
    assert code == 0 and f"URL: {CANONICAL}" in out


def test_readding_the_url_a_redirect_or_a_saved_copy_adds_nothing(
    site: str, store_path: Path, tmp_path: Path, capsys
) -> None:
    assert _run(capsys, "add", "--db", str(store_path), f"{site}/round8")[0] == 0
    before = store_path.read_bytes()
    saved = tmp_path / "Allies end eighth round.html"
    saved.write_bytes(ROUND8)
    no_canonical = tmp_path / "copy-without-link.htm"  # the same text: the fingerprint decides
    no_canonical.write_bytes(ROUND8.replace(b"<link rel=", b"<link data-x=").replace(b"og:url", b"og:nothing"))
    code, out, err = _run(
        capsys, "add", "--db", str(store_path), "--json", f"{site}/round8", f"{site}/moved", f"{site}/round8-gz",
        str(saved), str(no_canonical),
    )  # fmt: skip
    assert code == 0, err
    assert [r["status"] for r in json.loads(out)] == ["duplicate"] * 5
    assert store_path.read_bytes() == before


def test_a_saved_page_reads_like_the_fetched_one(store_path: Path, tmp_path: Path, capsys) -> None:
    saved = tmp_path / "page.html"
    saved.write_bytes(ROUND8)
    code, out, err = _run(capsys, "add", "--db", str(store_path), "--json", str(saved))
    assert code == 0, err
    [row] = json.loads(out)
    assert row["article"]["url"] == CANONICAL and row["article"]["retrieved"] is None
    assert row["article"]["publisher"] == "Harbor Line News"


def test_every_failure_is_one_line_and_the_good_page_is_still_added(site: str, store_path: Path, capsys) -> None:
    refused = f"http://127.0.0.1:{_refused_port()}/x"
    bad = {
        f"{site}/missing": "HTTP 404",
        f"{site}/broken": "HTTP 503",
        f"{site}/slow": "timed out",
        refused: "connection refused",
        f"{site}/huge": "too large",
        f"{site}/huge-declared": "too large",
        f"{site}/report.pdf": "not an HTML page (content type application/pdf)",
        "ftp://127.0.0.1/article.html": "unsupported scheme 'ftp:'",
        "file:///etc/hostname": "unsupported scheme 'file:'",
        f"{site}/loop-a": "redirect loop",
        f"{site}/to-ftp": "unsupported scheme",
        f"{site}/shell": "no article text found",
    }
    code, out, err = _run(capsys, "add", "--db", str(store_path), "--timeout", "0.4", *bad, f"{site}/workers")
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("sma-tui: error:")]
    assert len(errors) == len(bad), err
    for url, words in bad.items():
        [line] = [e for e in errors if e.startswith(f"sma-tui: error: {url}:")]
        assert words in line and len(line) < 200, line
    assert "Traceback" not in err
    c = Store(store_path).load()
    assert [a.url for a in c.articles.values() if a.url] == [f"{site}/workers"]


def test_failures_alone_leave_the_store_unchanged(site: str, store_path: Path, capsys) -> None:
    before = store_path.read_bytes()
    code, _, err = _run(capsys, "add", "--db", str(store_path), f"{site}/missing", f"{site}/loop-a")
    assert code == 1 and err.count("sma-tui: error:") == 2
    assert store_path.read_bytes() == before


def test_the_header_charset_wins_over_meta(site: str) -> None:
    loaded = load_url(f"{site}/workers")
    assert "the workers’ union said" in loaded.text and "“too little, too late.”" in loaded.text
    assert "\ufffd" not in loaded.text and "â€" not in loaded.text
    assert loaded.date == "2020-03-25" and loaded.title == "Furlough notices reach base workers"


def test_plain_text_gzip_and_redirects(site: str) -> None:
    plain = load_url(f"{site}/plain")
    assert plain.text.startswith("Allies schedule a ninth round") and plain.url == f"{site}/plain"
    assert load_url(f"{site}/round8-gz").text == load_url(f"{site}/moved").text
    got = fetch(f"{site}/moved")
    assert got.url == f"{site}/round8" and got.media_type == "text/html" and got.charset == "utf-8"


def test_limits_are_options(site: str) -> None:
    with pytest.raises(IngestError, match=r"too large \([\d,]+ bytes; the limit is 1.0 KB\)"):
        fetch(f"{site}/round8", FetchOptions(max_bytes=1000))
    with pytest.raises(IngestError, match=r"too large \(more than 5 MB, the limit\)"):
        fetch(f"{site}/huge")
    with pytest.raises(IngestError, match=r"too many redirects \(more than 0\)"):
        fetch(f"{site}/moved", FetchOptions(max_redirects=0))
    with pytest.raises(IngestError, match=r"timed out waiting for the page \(after 0.2 s\)"):
        fetch(f"{site}/slow", FetchOptions(read_timeout=0.2))


def test_stdin_lists_paths_and_urls(site: str, store_path: Path, monkeypatch, capsys) -> None:
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    lines = f"# collected today\n{site}/round8\n\n{fixtures / 'ap-2020-04-21-trump-rejects.txt'}\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    code, out, err = _run(capsys, "add", "--db", str(store_path), "--json", "-", f"{site}/plain")
    assert code == 0, err
    assert [r["status"] for r in json.loads(out)] == ["added", "added", "added"]


def test_url_recognition_and_identity() -> None:
    assert is_url("https://a.test/x") and is_url("FTP://a/b") and is_url("file:/etc/passwd")
    assert not is_url("data/articles/x.html") and not is_url("notes: today.txt")
    assert url_key("HTTP://News.Example.TEST:80/a?b=1#frag") == "http://news.example.test/a?b=1"
    assert url_key("https://a.test") == "https://a.test/"


def test_a_local_add_imports_neither_httpx_nor_trafilatura(store_path: Path) -> None:
    import subprocess

    txt = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "ap-2020-04-21-trump-rejects.txt"
    code = (
        "import sys; from sma_tui.cli.main import main; "
        f"rc = main(['add', '--db', {str(store_path)!r}, {str(txt)!r}]); "
        "print(rc, 'httpx' in sys.modules, 'trafilatura' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert out.splitlines()[-1] == "0 False False"
