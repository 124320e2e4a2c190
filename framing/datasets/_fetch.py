"""Download a research corpus from its pinned origin and verify it: ``fetch(name, folder)``.

Every corpus the kit reads has a registry entry (package data ``framing/data/corpora/``): the
repository and the commit its files come from, how repository paths map to the corpus folder,
the licence, and the size and sha256 checksum of every file (computed from the files the tests
use, ``scripts/build_corpora_registry.py``). ``fetch`` downloads each file from that commit
(``https://raw.githubusercontent.com/<repository>/<commit>/<path>``), checks its checksum and
writes it under ``folder/<name>/``:

* files already there with the right checksum are kept (a second call downloads nothing);
* an interrupted download resumes where it stopped (``.part`` files, HTTP ``Range``), and a
  dropped connection is retried;
* a file with the wrong checksum is never kept: the error names it and both checksums;
* corpora cut from an archive (the VADER ground truth ships as a ``.tar.gz``) download it once,
  extract the members and apply the documented selection (``even_ids``: only items whose id is
  even; the odd ids are held back for evaluation).

Nothing is downloaded on import or by any other function of the kit.
"""

from __future__ import annotations

import csv
import hashlib
import http.client
import io
import json
import logging
import os
import shutil
import tarfile
import time
import urllib.error
import urllib.request
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .._data import data_file, read_data_text
from ..errors import FramingError

__all__ = ["DEFAULT_BASE_URL", "corpus_registry", "fetch"]

#: Where the pinned files are read from: ``<base>/<repository>/<commit>/<path>``.
DEFAULT_BASE_URL = "https://raw.githubusercontent.com"
_CHUNK = 1 << 16
_RETRIES = 3
_log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _registry() -> dict:
    """The registry: ``{name: origin}`` with each origin's ``files`` (path, size, sha256, source)."""
    corpora = json.loads(read_data_text("corpora", "registry.json"))["corpora"]
    out = {}
    for name, origin in corpora.items():
        rows = list(csv.DictReader(io.StringIO(data_file("corpora", f"{name}.csv").read_text("utf-8"))))
        files = [{"path": r["path"], "size": int(r["size"]), "sha256": r["sha256"],
                  "source": int(r["source"]) if r["source"] else None} for r in rows]
        out[name] = {**origin, "files": files}
    return out


def corpus_registry() -> pd.DataFrame:
    """One row per known corpus: where it comes from, its licence, files and size.

    Examples
    --------
    >>> from framing.datasets import corpus_registry
    >>> table = corpus_registry().set_index("name")
    >>> table.loc["kcna", "repository"], int(table.loc["kcna", "files"])
    ('codebykyle/kcna_scraper', 480)
    >>> bool(table.loc["seed", "fetchable"])
    False
    """
    rows = []
    for name, origin in _registry().items():
        sources = origin["sources"]
        rows.append({
            "name": name,
            "title": origin["title"],
            "repository": ", ".join(s["repository"] for s in sources),
            "commit": ", ".join(s["commit"][:12] for s in sources),
            "licence": origin["licence"],
            "files": len(origin["files"]),
            "megabytes": round(sum(f["size"] for f in origin["files"]) / 1e6, 1),
            "fetchable": bool(sources),
        })
    return pd.DataFrame(rows)


def _origin(name: str) -> dict:
    registry = _registry()
    if name not in registry:
        raise FramingError(f"unknown corpus {name!r}; known corpora: {sorted(registry)}.")
    origin = registry[name]
    if not origin["sources"]:
        raise FramingError(f"corpus {name!r} cannot be downloaded: {origin['unavailable']}")
    return origin


def fetch(name: str, folder, *, base_url: str = DEFAULT_BASE_URL, progress: bool = True,
          timeout: float = 60.0) -> Path:
    """Download corpus ``name`` into ``folder/<name>/`` and verify every file's checksum.

    Parameters
    ----------
    name : str
        A corpus of :func:`corpus_registry` ("kcna", "trump_tweets", "polnear", ...).
    folder : path
        The corpora folder (point ``FRAMING_CORPORA`` at it to use it in the readers and tests).
    base_url : str
        Server of the pinned files (default GitHub's raw file server); a mirror must serve the
        same ``<repository>/<commit>/<path>`` layout.
    progress : bool
        Show a progress bar (bytes) on stderr.
    timeout : float
        Seconds to wait for the server before a retry.

    Returns
    -------
    Path
        ``folder/<name>``, holding exactly the registry's files and a ``SOURCE.md``.

    Raises
    ------
    FramingError
        Unknown corpus, a corpus without a public origin, or a file whose checksum does not
        match after download (the file is not kept).
    OSError
        The server cannot be reached after retries (the message names the URL; run again to
        resume).

    Examples
    --------
    >>> from framing.datasets import fetch
    >>> path = fetch("kcna", "corpora")  # doctest: +SKIP
    """
    origin = _origin(name)
    target = Path(folder).expanduser() / name
    target.mkdir(parents=True, exist_ok=True)
    todo = [f for f in origin["files"] if not _verified(target / f["path"], f)]
    total = sum(f["size"] for f in todo)
    from tqdm.auto import tqdm

    with tqdm(total=total, unit="B", unit_scale=True, desc=f"fetch {name}", disable=not progress or not todo) as bar:
        by_archive: dict[int, list[dict]] = {}
        for entry in todo:
            source = origin["sources"][entry["source"]]
            if "archive" in source:
                by_archive.setdefault(entry["source"], []).append(entry)
                continue
            remote = source["remote_prefix"] + entry["path"][len(source["local_prefix"]):]
            url = f"{base_url.rstrip('/')}/{source['repository']}/{source['commit']}/{remote}"
            _download(url, target / entry["path"], expected=entry, timeout=timeout, bar=bar)
        for index, entries in by_archive.items():
            _from_archive(origin, index, entries, target, base_url=base_url, timeout=timeout, bar=bar)
    (target / "SOURCE.md").write_text(_source_md(name, origin), encoding="utf-8")
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _verified(path: Path, entry: dict) -> bool:
    return path.is_file() and path.stat().st_size == entry["size"] and _sha256(path) == entry["sha256"]


def _check(path: Path, entry: dict, url: str) -> None:
    got = _sha256(path)
    if got != entry["sha256"]:
        path.unlink()
        raise FramingError(
            f"{entry['path']}: checksum mismatch (expected sha256 {entry['sha256']}, got {got}) for "
            f"{url}. The file was not kept. Check that the server serves the pinned commit; run "
            "fetch again to retry.")


def _download(url: str, path: Path, *, expected: dict | None, timeout: float, bar) -> None:
    """Download ``url`` to ``path`` through ``path.part``, resuming with HTTP Range."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    for attempt in range(1, _RETRIES + 1):
        have = part.stat().st_size if part.exists() else 0
        request = urllib.request.Request(url, headers={"User-Agent": "framing-fetch"})
        if have:
            request.add_header("Range", f"bytes={have}-")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                resumed = have and response.status == 206
                if have and not resumed:  # the server ignored Range: start over
                    bar.update(-have)
                    have = 0
                with part.open("ab" if resumed else "wb") as out:
                    for block in iter(lambda: response.read(_CHUNK), b""):
                        out.write(block)
                        bar.update(len(block))
                length = response.headers.get("Content-Length")
                if length is not None and part.stat().st_size != have + int(length):
                    raise urllib.error.URLError("connection closed before the end of the file")
            break
        except urllib.error.HTTPError as error:
            if error.code == 416 and expected is not None and part.exists() \
                    and part.stat().st_size >= expected["size"]:
                break  # already complete: the checksum below decides
            if error.code in (404, 410):
                raise FramingError(f"{url} not found (HTTP {error.code}): the pinned file is gone from "
                                   "this server; try a mirror with fetch(..., base_url=...).") from None
            if attempt == _RETRIES:
                raise OSError(f"could not download {url}: HTTP {error.code}. Run fetch again to resume.") from None
        except (OSError, http.client.HTTPException) as error:  # URLError, timeouts, cut connections
            if attempt == _RETRIES:
                raise OSError(f"could not download {url} ({error}); {part.stat().st_size if part.exists() else 0} "
                              "bytes kept. Run fetch again to resume.") from None
            _log.info("retrying %s after %s", url, error)
            time.sleep(0.2 * attempt)
    if expected is not None:
        _check(part, expected, url)
    os.replace(part, path)


def _even_ids(data: bytes) -> bytes:
    """Keep the lines whose id (first tab field; NYT ids ``<article>_<sentence>``) is even."""
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    kept = [line for line in data.split(newline) if line.strip()
            and int(line.split(b"\t", 1)[0].split(b"_", 1)[0].lstrip(b"\xef\xbb\xbf")) % 2 == 0]
    return newline.join(kept)


_TRANSFORMS = {"even_ids": _even_ids}


def _from_archive(origin: dict, index: int, entries: list[dict], target: Path, *, base_url: str,
                  timeout: float, bar) -> None:
    source = origin["sources"][index]
    url = f"{base_url.rstrip('/')}/{source['repository']}/{source['commit']}/{source['archive']}"
    downloads = target / ".download"
    archive = downloads / Path(source["archive"]).name
    if not archive.exists():
        _download(url, archive, expected=None, timeout=timeout, bar=bar)
    transforms = origin.get("transforms", {})
    with tarfile.open(archive, "r:*") as tar:
        for entry in entries:
            member = source["remote_prefix"] + entry["path"][len(source["local_prefix"]):]
            try:
                data = tar.extractfile(member).read()
            except (KeyError, AttributeError):
                raise FramingError(f"{archive.name} has no member {member!r}: the archive is not the pinned "
                                   f"one; delete {archive} and fetch again.") from None
            if entry["path"] in transforms:
                data = _TRANSFORMS[transforms[entry["path"]]](data)
            path = target / entry["path"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            _check(path, entry, f"{url} member {member}")
    shutil.rmtree(downloads)


def _source_md(name: str, origin: dict) -> str:
    lines = [f"# {origin['title']}", "", f"Downloaded by `framing.datasets.fetch({name!r}, ...)`; every file "
             "matched the registry's sha256 checksum.", "", "## Origin"]
    for s in origin["sources"]:
        where = s.get("archive", s["remote_prefix"] or "/")
        lines.append(f"- `{s['repository']}` at commit `{s['commit']}`, `{where}`")
    lines += ["", f"Licence: {origin['licence']}"]
    if origin.get("cite"):
        lines.append(f"Cite: {origin['cite']}")
    for path, transform in origin.get("transforms", {}).items():
        lines.append(f"- `{path}`: {transform} (only items with an even id; odd ids are held back)")
    return "\n".join(lines) + "\n"
