"""Where the shared corpora live: one setting, read in one place.

``FRAMING_CORPORA`` names the folder that holds ``seed/``, ``trump_tweets/``, ``kcna/`` ...
Without it we look for ``shared/corpora`` beside the repository (the layout of a development
checkout and of CI), then beside the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FRAMING_CORPORA"
#: The corpora the tests, notebooks and readers know (one sub-folder each); see
#: ``framing.datasets.CORPORA`` for where each comes from.
CORPUS_NAMES = ("seed", "trump_tweets", "kcna", "news_headlines", "allsides_nk", "polnear", "basil",
                "gvfc", "vader_groundtruth")


def _holds_corpora(path: Path) -> bool:
    return any((path / name).is_dir() for name in CORPUS_NAMES)


def corpora_dir(required: bool = True) -> Path | None:
    """Return the folder of the shared corpora.

    A folder counts only when it holds at least one known corpus sub-folder (an empty folder
    named by ``FRAMING_CORPORA`` is "no corpora").

    Parameters
    ----------
    required : bool
        Raise ``FileNotFoundError`` (with the fix) when no folder is found; otherwise return None.

    Examples
    --------
    >>> from framing import corpora_dir
    >>> corpora_dir(required=False)  # doctest: +SKIP
    PosixPath('/work/shared/corpora')
    """
    value = os.environ.get(ENV_VAR)
    if value:
        path = Path(value).expanduser()
        if path.is_dir() and _holds_corpora(path):
            return path
        if required:
            problem = "holds none of the corpora" if path.is_dir() else "is not a folder"
            raise FileNotFoundError(
                f"{ENV_VAR}={value!r} {problem}. Point it at the folder that holds the "
                "corpora (seed/, trump_tweets/, kcna/, ...), or download them there with "
                "`framing fetch NAME --to FOLDER` (see framing.datasets.fetch)."
            )
        return None
    repo_root = Path(__file__).resolve().parent.parent
    for candidate in (repo_root.parent / "shared" / "corpora", Path.cwd().parent / "shared" / "corpora"):
        if candidate.is_dir() and _holds_corpora(candidate):
            return candidate
    if required:
        raise FileNotFoundError(
            "No corpora folder found. Set the environment variable "
            f"{ENV_VAR} to the folder that holds the corpora (seed/, trump_tweets/, kcna/, ...), "
            "or pass a path to the loader. To download them: `framing fetch NAME --to FOLDER` "
            "(see framing.datasets.fetch)."
        )
    return None


def missing_corpora(names=CORPUS_NAMES) -> list[str]:
    """The corpora among ``names`` that are not in :func:`corpora_dir` (all of them without it).

    Examples
    --------
    >>> from framing._config import missing_corpora
    >>> missing_corpora(["no_such_corpus"])
    ['no_such_corpus']
    """
    root = corpora_dir(required=False)
    return [name for name in names if root is None or not (root / name).is_dir()]


def corpora_skip_reason(names=CORPUS_NAMES) -> str | None:
    """Why tests that need ``names`` cannot run here (None when they can)."""
    missing = missing_corpora(names)
    if not missing:
        return None
    return (f"corpora missing: {', '.join(missing)}. Set {ENV_VAR} to the folder that holds them "
            "(default ../shared/corpora), or download them with `framing fetch NAME --to FOLDER`.")


def corpus_path(name: str, path: str | os.PathLike | None = None) -> Path:
    """Resolve the folder of one corpus: ``path`` when given, else ``corpora_dir() / name``."""
    if path is not None:
        resolved = Path(path).expanduser()
    else:
        resolved = corpora_dir() / name
    if not resolved.exists():
        raise FileNotFoundError(
            f"Corpus {name!r} not found at {resolved}. Pass the path to the loader, or set "
            f"{ENV_VAR} to the folder that holds {name}/ (download it with "
            f"`framing fetch {name} --to FOLDER`)."
        )
    return resolved
