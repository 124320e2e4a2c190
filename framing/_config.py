"""Where the shared corpora live: one setting, read in one place.

``FRAMING_CORPORA`` names the folder that holds ``seed/``, ``trump_tweets/``, ``kcna/`` ...
Without it we look for ``shared/corpora`` beside the repository (the layout of a development
checkout and of CI), then beside the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FRAMING_CORPORA"


def corpora_dir(required: bool = True) -> Path | None:
    """Return the folder of the shared corpora.

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
        if path.is_dir():
            return path
        if required:
            raise FileNotFoundError(
                f"{ENV_VAR}={value!r} is not a folder. Point it at the folder that holds the "
                "corpora (seed/, trump_tweets/, kcna/, ...)."
            )
        return None
    repo_root = Path(__file__).resolve().parent.parent
    for candidate in (repo_root.parent / "shared" / "corpora", Path.cwd().parent / "shared" / "corpora"):
        if candidate.is_dir():
            return candidate
    if required:
        raise FileNotFoundError(
            "No corpora folder found. Set the environment variable "
            f"{ENV_VAR} to the folder that holds the corpora (seed/, trump_tweets/, kcna/, ...), "
            "or pass a path to the loader."
        )
    return None


def corpus_path(name: str, path: str | os.PathLike | None = None) -> Path:
    """Resolve the folder of one corpus: ``path`` when given, else ``corpora_dir() / name``."""
    if path is not None:
        resolved = Path(path).expanduser()
    else:
        resolved = corpora_dir() / name
    if not resolved.exists():
        raise FileNotFoundError(
            f"Corpus {name!r} not found at {resolved}. Pass the path to the loader, or set "
            f"{ENV_VAR} to the folder that holds {name}/."
        )
    return resolved
