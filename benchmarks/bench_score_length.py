"""Cost of ``framing.score`` against text length: time per character should stay constant.

Issue 12's target: within a factor of 2 from 10k to 2M characters, for realistic text and for
the pathological shape (one long text without punctuation, where VADER's "but" rule used to be
quadratic). Texts are made up here (no corpus text). Prints one line per (shape, length).

    python benchmarks/bench_score_length.py [--max 2000000]
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

import framing

_WORDS = ("the talks were good but the threat of war remains and officials said a deal "
          "was possible while critics warned of failure and praised the progress").split()
_PARAGRAPH = ("Officials said the talks were productive. \u201cWe made great progress,\u201d the "
              "envoy told reporters, but critics warned that the deal could fail. The agency "
              "denounced the sanctions as a hostile provocation!\n")

from _record import add_out_option, record


def _shapes(n: int) -> dict[str, str]:
    no_punct = " ".join(_WORDS[i % len(_WORDS)] for i in range(n // 5 + 1))[:n]
    realistic = (_PARAGRAPH * (n // len(_PARAGRAPH) + 1))[:n]
    return {"no punctuation": no_punct, "realistic": realistic}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=2_000_000)
    add_out_option(parser)
    args = parser.parse_args()
    rows = []
    lengths = [n for n in (10_000, 100_000, 1_000_000, 2_000_000) if n <= args.max]
    tiny = pd.DataFrame({"text": ["warm up the lexicons."]})
    framing.score(tiny)
    overhead = float("inf")
    for _ in range(5):  # the fixed cost of one call (checks, frames), whatever the length
        start = time.perf_counter()
        framing.score(tiny)
        overhead = min(overhead, time.perf_counter() - start)
    print(f"fixed cost of one score call: {overhead * 1e3:.1f} ms (taken off in the last column)")
    print(f"{'shape':<16}{'chars':>10}{'seconds':>10}{'us/char':>10}{'us/char net':>13}")
    for n in lengths:
        for shape, text in _shapes(n).items():
            frame = pd.DataFrame({"text": [text]})
            elapsed = float("inf")
            for _ in range(3 if n < 1_000_000 else 1):  # best of 3 on short texts (timer noise)
                start = time.perf_counter()
                framing.score(frame)
                elapsed = min(elapsed, time.perf_counter() - start)
            print(f"{shape:<16}{n:>10,}{elapsed:>10.2f}{elapsed / n * 1e6:>10.2f}"
                  f"{(elapsed - overhead) / n * 1e6:>13.2f}", flush=True)
            rows.append({"shape": shape, "chars": n, "seconds": round(elapsed, 4),
                         "us_per_char": round(elapsed / n * 1e6, 3),
                         "us_per_char_net": round((elapsed - overhead) / n * 1e6, 3),
                         "fixed_cost_ms": round(overhead * 1e3, 2)})
    if args.out:
        record(args.out, "score_length", rows)


if __name__ == "__main__":
    main()
