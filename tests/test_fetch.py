"""framing.datasets.fetch against a local HTTP server on 127.0.0.1 (never the internet).

The server serves a tiny corpus written here under ``<repository>/<commit>/<path>``, honours
HTTP Range, can cut a response in the middle (to test resuming) and logs every request.
"""

from __future__ import annotations

import hashlib
import io
import tarfile
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

import framing.datasets._fetch as fetch_module
from framing import FramingError
from framing._config import CORPUS_NAMES
from framing.datasets import corpus_registry, fetch

REPO, COMMIT = "someone/toy-corpus", "0123456789abcdef0123456789abcdef01234567"
FILES = {  # remote path -> bytes (our own text)
    "data/a.txt": b"A first small file.\n" * 200,
    "data/sub/b.json": b'{"text": "a second file, nested"}\n',
}
ARCHIVE_LINES = b"1\t0.5\todd, held back\r\n2\t1.0\teven, kept\r\n3\t-1\todd\r\n4_1\t2\teven NYT-style id"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _archive() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo("pack/ratings.txt")
        info.size = len(ARCHIVE_LINES)
        tar.addfile(info, io.BytesIO(ARCHIVE_LINES))
    return buffer.getvalue()


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, state, *args, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        self.state["requests"].append((self.path, self.headers.get("Range")))
        prefix = f"/{REPO}/{COMMIT}/"
        body = self.state["files"].get(self.path[len(prefix):]) if self.path.startswith(prefix) else None
        if body is None:
            self.send_error(404)
            return
        start = 0
        if self.headers.get("Range"):
            start = int(self.headers["Range"].split("=")[1].rstrip("-"))
        status = 206 if start else 200
        part = body[start:]
        self.send_response(status)
        self.send_header("Content-Length", str(len(part)))
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.end_headers()
        if self.path in self.state["cut_once"]:  # send half, then drop the connection
            self.state["cut_once"].discard(self.path)
            self.wfile.write(part[: len(part) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(part)


@pytest.fixture
def server():
    state = {"files": {**FILES, "pack.tar.gz": _archive()}, "requests": [], "cut_once": set()}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, state))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def toy_registry(monkeypatch):
    kept = b"2\t1.0\teven, kept\r\n4_1\t2\teven NYT-style id"
    origin = {
        "title": "Toy corpus", "licence": "CC0 (written for this test)",
        "sources": [
            {"repository": REPO, "commit": COMMIT, "remote_prefix": "data/", "local_prefix": ""},
            {"repository": REPO, "commit": COMMIT, "archive": "pack.tar.gz", "remote_prefix": "pack/",
             "local_prefix": "ratings/"},
        ],
        "transforms": {"ratings/ratings.txt": "even_ids"},
        "files": [
            {"path": "a.txt", "size": len(FILES["data/a.txt"]), "sha256": _sha(FILES["data/a.txt"]), "source": 0},
            {"path": "sub/b.json", "size": len(FILES["data/sub/b.json"]), "sha256": _sha(FILES["data/sub/b.json"]),
             "source": 0},
            {"path": "ratings/ratings.txt", "size": len(kept), "sha256": _sha(kept), "source": 1},
        ],
    }
    registry = {"toy": origin, "nowhere": {"title": "x", "licence": "x", "sources": [], "files": [],
                                           "unavailable": "no public copy exists."}}
    monkeypatch.setattr(fetch_module, "_registry", lambda: registry)
    return origin


def test_fetch_downloads_verifies_and_extracts(server, toy_registry, tmp_path):
    path = fetch("toy", tmp_path, base_url=server["url"], progress=False)
    assert path == tmp_path / "toy"
    assert (path / "a.txt").read_bytes() == FILES["data/a.txt"]
    assert (path / "sub" / "b.json").read_bytes() == FILES["data/sub/b.json"]
    # the archive member keeps only even ids (the odd ones are held back), line endings kept
    assert (path / "ratings" / "ratings.txt").read_bytes() == b"2\t1.0\teven, kept\r\n4_1\t2\teven NYT-style id"
    assert sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()) == [
        "SOURCE.md", "a.txt", "ratings/ratings.txt", "sub/b.json"]  # no .part, no archive left
    source = (path / "SOURCE.md").read_text()
    assert COMMIT in source and "CC0" in source
    # a second call finds every file verified and downloads nothing
    before = len(server["requests"])
    fetch("toy", tmp_path, base_url=server["url"], progress=False)
    assert len(server["requests"]) == before


def test_cut_download_resumes_with_range(server, toy_registry, tmp_path):
    server["cut_once"].add(f"/{REPO}/{COMMIT}/data/a.txt")
    fetch("toy", tmp_path, base_url=server["url"], progress=False)
    a_requests = [r for r in server["requests"] if r[0].endswith("/data/a.txt")]
    half = len(FILES["data/a.txt"]) // 2
    assert a_requests == [(f"/{REPO}/{COMMIT}/data/a.txt", None),
                          (f"/{REPO}/{COMMIT}/data/a.txt", f"bytes={half}-")]
    assert (tmp_path / "toy" / "a.txt").read_bytes() == FILES["data/a.txt"]


def test_partial_file_from_an_earlier_run_is_resumed(server, toy_registry, tmp_path):
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "a.txt.part").write_bytes(FILES["data/a.txt"][:1000])
    fetch("toy", tmp_path, base_url=server["url"], progress=False)
    assert (f"/{REPO}/{COMMIT}/data/a.txt", "bytes=1000-") in server["requests"]
    assert (tmp_path / "toy" / "a.txt").read_bytes() == FILES["data/a.txt"]


def test_wrong_checksum_is_refused_and_not_kept(server, toy_registry, tmp_path):
    server["files"]["data/sub/b.json"] = b'{"text": "changed upstream"}\n'
    with pytest.raises(FramingError, match=r"sub/b.json: checksum mismatch \(expected sha256 [0-9a-f]{64}, got"):
        fetch("toy", tmp_path, base_url=server["url"], progress=False)
    assert not (tmp_path / "toy" / "sub" / "b.json").exists()
    assert not (tmp_path / "toy" / "sub" / "b.json.part").exists()


def test_corrupt_local_file_is_downloaded_again(server, toy_registry, tmp_path):
    fetch("toy", tmp_path, base_url=server["url"], progress=False)
    (tmp_path / "toy" / "a.txt").write_bytes(b"edited by hand")
    fetch("toy", tmp_path, base_url=server["url"], progress=False)
    assert (tmp_path / "toy" / "a.txt").read_bytes() == FILES["data/a.txt"]


def test_errors_name_the_problem(server, toy_registry, tmp_path):
    with pytest.raises(FramingError, match=r"unknown corpus 'toys'; known corpora: \['nowhere', 'toy'\]"):
        fetch("toys", tmp_path, progress=False)
    with pytest.raises(FramingError, match="cannot be downloaded: no public copy exists"):
        fetch("nowhere", tmp_path, progress=False)
    del server["files"]["data/a.txt"]
    with pytest.raises(FramingError, match="not found \\(HTTP 404\\).*base_url"):
        fetch("toy", tmp_path, base_url=server["url"], progress=False)


def test_unreachable_server_says_how_to_resume(toy_registry, tmp_path, monkeypatch):
    monkeypatch.setattr(fetch_module.time, "sleep", lambda s: None)
    with pytest.raises(OSError, match="Run fetch again to resume"):
        fetch("toy", tmp_path, base_url="http://127.0.0.1:9", progress=False, timeout=2)


def test_shipped_registry_covers_every_corpus_with_pinned_commits():
    table = corpus_registry().set_index("name")
    assert list(table.index) == list(CORPUS_NAMES)
    assert table.loc["seed", "fetchable"] == False  # noqa: E712 (numpy bool)
    assert table.drop("seed")["fetchable"].all()
    registry = fetch_module._registry()
    for name, origin in registry.items():
        for source in origin["sources"]:
            assert len(source["commit"]) == 40 and int(source["commit"], 16) >= 0
        for entry in origin["files"]:
            assert len(entry["sha256"]) == 64 and entry["size"] >= 0
            assert (entry["source"] is None) == (not origin["sources"])
    # counts from each SOURCE.md
    counts = table["files"].to_dict()
    assert counts["kcna"] == 480 and counts["allsides_nk"] == 615 and counts["trump_tweets"] == 6
    assert counts["vader_groundtruth"] == 8 and counts["basil"] == 601


@pytest.mark.corpus
def test_shipped_checksums_match_the_shared_corpora(corpora):
    """The registry describes exactly the files the tests read (rebuild with scripts/build_corpora_registry.py)."""
    registry = fetch_module._registry()
    for name, origin in registry.items():
        folder = corpora / name
        if not folder.is_dir():
            continue
        on_disk = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                         if p.is_file() and p.name != "SOURCE.md")
        assert on_disk == sorted(f["path"] for f in origin["files"]), name
        sizes = pd.Series({f["path"]: f["size"] for f in origin["files"]})
        assert all((folder / p).stat().st_size == s for p, s in sizes.items()), name
    # checksums: a sample per corpus (the full check reads 60 MB)
    for name, origin in registry.items():
        for entry in origin["files"][:: max(1, len(origin["files"]) // 5)]:
            assert fetch_module._sha256(corpora / name / entry["path"]) == entry["sha256"], (name, entry["path"])
