"""Fetching an article by URL (``sma-tui add https://...``) with httpx.

Bounded in every direction: a connect and a read timeout plus a deadline for the whole
transfer, at most :attr:`FetchOptions.max_redirects` redirects (a loop is named as one),
and at most :data:`~.loader.MAX_BYTES` of (decompressed) body, counted while streaming.
Only ``http``/``https``, and only HTML, XHTML and plain-text responses are read. Every
failure is an :class:`~.loader.IngestError` of one line that names the URL.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .. import __version__
from .loaded import MAX_BYTES, IngestError, Loaded, escaped
from .loader import decode, normalise_text

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
SCHEMES = ("http", "https")
USER_AGENT = f"sma-tui/{__version__} (article import)"
_URLISH = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,15}://|^(?:file|ftp|ftps|data|javascript|mailto|about):", re.I)


@dataclass(frozen=True)
class FetchOptions:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # the whole transfer, against a server that trickles
    max_redirects: int = 5
    max_bytes: int = MAX_BYTES


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    media_type: str
    charset: str | None
    retrieved: str  # ISO timestamp, UTC


def is_url(text: str) -> bool:
    """Whether a command-line argument names a URL (of any scheme) rather than a path."""
    return _URLISH.match(text) is not None


def url_key(url: str) -> str:
    """An address compared for identity: scheme and host lower-cased, default port and
    fragment dropped, an empty path as ``/``."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


def fetch(url: str, options: FetchOptions | None = None, client: Any = None) -> Fetched:
    """GET ``url`` (following redirects) and return its body; :class:`IngestError` otherwise."""
    import httpx

    opts = options or FetchOptions()
    name = escaped(url)
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise IngestError(f"{name}: unsupported scheme {scheme + ':'!r} (only http: and https: pages can be added)")
    timeout = httpx.Timeout(opts.read_timeout, connect=opts.connect_timeout)
    own = client is None
    client = client or httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT}, follow_redirects=False)
    try:
        return _get(client, url, opts, name, httpx)
    except httpx.TimeoutException as exc:
        phase = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for the page"
        limit = opts.connect_timeout if isinstance(exc, httpx.ConnectTimeout) else opts.read_timeout
        raise IngestError(f"{name}: timed out {phase} (after {limit:g} s)") from None
    except httpx.ConnectError as exc:
        raise IngestError(f"{name}: {_connect_problem(exc)}") from None
    except httpx.UnsupportedProtocol:
        raise IngestError(f"{name}: redirected to an unsupported scheme (only http: and https:)") from None
    except httpx.InvalidURL as exc:
        raise IngestError(f"{name}: not a valid URL ({escaped(str(exc))})") from None
    except (httpx.HTTPError, httpx.StreamError) as exc:
        raise IngestError(f"{name}: the download failed ({type(exc).__name__}: {escaped(str(exc))[:80]})") from None
    finally:
        if own:
            client.close()


def _connect_problem(exc: BaseException) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "cannot find the host (name not resolved)"
    if "refused" in text.lower():
        return "connection refused"
    return f"cannot connect ({escaped(text)[:80] or type(exc).__name__})"


def _get(client: Any, url: str, opts: FetchOptions, name: str, httpx: Any) -> Fetched:
    deadline = time.monotonic() + opts.total_timeout
    seen = {url_key(url)}
    request = client.build_request("GET", url)
    for _ in range(opts.max_redirects + 1):
        response = client.send(request, stream=True)
        try:
            if response.is_redirect:
                nxt = response.next_request
                if nxt is None:
                    raise IngestError(f"{name}: a redirect (HTTP {response.status_code}) without a Location")
                key = url_key(str(nxt.url))
                if key in seen:
                    raise IngestError(f"{name}: redirect loop (back to {escaped(str(nxt.url))})")
                seen.add(key)
                request = nxt
                continue
            return _read(response, name, opts, deadline)
        finally:
            response.close()
    raise IngestError(f"{name}: too many redirects (more than {opts.max_redirects})")


def _read(response: Any, name: str, opts: FetchOptions, deadline: float) -> Fetched:
    if response.status_code >= 400:
        reason = escaped(response.reason_phrase or "")
        raise IngestError(f"{name}: HTTP {response.status_code}{' ' + reason if reason else ''}")
    media_type, charset = parse_content_type(response.headers.get("content-type", ""))
    if media_type and media_type not in ACCEPTED_TYPES:
        raise IngestError(f"{name}: not an HTML page (content type {escaped(media_type)[:60]})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > opts.max_bytes:
        raise IngestError(f"{name}: too large ({int(declared):,} bytes; the limit is {_mb(opts.max_bytes)})")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # decompressed (gzip, deflate) as it arrives
        size += len(chunk)
        if size > opts.max_bytes:
            raise IngestError(f"{name}: too large (more than {_mb(opts.max_bytes)}, the limit)")
        if time.monotonic() > deadline:
            raise IngestError(f"{name}: timed out (the page took more than {opts.total_timeout:g} s)")
        chunks.append(chunk)
    retrieved = datetime.now(UTC).isoformat(timespec="seconds")
    return Fetched(str(response.url), b"".join(chunks), media_type or "", charset, retrieved)


def _mb(size: int) -> str:
    return f"{size / 1048576:.3g} MB" if size >= 1048576 else f"{size / 1024:.1f} KB"


def parse_content_type(value: str) -> tuple[str, str | None]:
    """``text/html; charset="UTF-8"`` -> ``("text/html", "UTF-8")``."""
    parts = value.split(";")
    media_type = parts[0].strip().lower()
    charset = None
    for param in parts[1:]:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media_type, charset


def load_url(url: str, options: FetchOptions | None = None, client: Any = None) -> Loaded:
    """Fetch a page and read its article (plain-text responses are read as text)."""
    from .html import decode_html, extract_page

    got = fetch(url, options, client)
    name = escaped(url)
    if not got.content.strip():
        raise IngestError(f"{name}: the page is empty")
    if got.media_type == "text/plain":
        text, warnings = decode(got.content, name) if not got.charset else decode_html(got.content, name, got.charset)
        loaded = Loaded(normalise_text(text), warnings=warnings)
        if not loaded.text.strip():
            raise IngestError(f"{name}: no article text found in the page")
        loaded.url = url_key(got.url)
    else:
        text, warnings = decode_html(got.content, name, got.charset)
        loaded = extract_page(text, name, url=got.url)
        loaded.warnings[:0] = warnings
    loaded.retrieved = got.retrieved
    return loaded


def load_urls(
    urls: list[str], options: FetchOptions | None = None, step: Callable[[str], None] | None = None
) -> dict[str, Loaded | IngestError]:
    """Every URL's article or its error, over one connection pool (``step`` after each)."""
    if not urls:
        return {}  # a local add never imports httpx
    import httpx

    opts = options or FetchOptions()
    timeout = httpx.Timeout(opts.read_timeout, connect=opts.connect_timeout)
    out: dict[str, Loaded | IngestError] = {}
    with httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT}, follow_redirects=False) as client:
        for url in urls:
            if url not in out:
                try:
                    out[url] = load_url(url, opts, client)
                except IngestError as exc:
                    out[url] = exc
            if step is not None:
                step(url)
    return out
