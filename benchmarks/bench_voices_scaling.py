"""Cost of ``framing.voices`` against document length (issue 12: linear, not quadratic).

    python benchmarks/bench_voices_scaling.py [--max 2000000]

Prints CPU seconds and microseconds per character for (1) the seed article repeated to 10k,
40k, 100k, 1M and 2M characters, (2) one paragraph of 10k, 20k, 40k characters of short quotes
('“Yes,” he said. '...), (3) one paragraph of 40k characters of reported speech ('he said
it works, ') and (4) one paragraph of quotes without any cue. Target: time per character
constant within a factor of 2 from 10k to 2M characters.
"""

from __future__ import annotations

import argparse
import sys
import time

from framing import corpora_dir, voices

from _record import add_out_option, record


def _seconds(text: str) -> float:
    start = time.process_time()
    voices(text)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=2_000_000, help="longest document (characters)")
    add_out_option(parser)
    args = parser.parse_args(argv)
    rows = []
    seed = (corpora_dir() / "seed" / "trump_kim_summit_article.txt").read_text(encoding="utf-8")
    voices(seed)   # warm the caches
    shapes = {
        "seed article repeated": lambda n: (seed + "\n\n") * (n // (len(seed) + 2) + 1),
        "one paragraph of quotes": lambda n: "“Yes,” he said. " * (n // 16 + 1),
        "one paragraph of 'he said'": lambda n: "Kim said he said it works, " * (n // 27 + 1),
        "quotes without cues": lambda n: "“a b c” and " * (n // 12 + 1),
    }
    sizes = [s for s in (10_000, 40_000, 100_000, 1_000_000, 2_000_000) if s <= args.max]
    print(f"{'shape':28s} {'chars':>9s} {'seconds':>8s} {'us/char':>8s}")
    for name, make in shapes.items():
        rates = []
        for size in sizes if name == "seed article repeated" else (10_000, 20_000, 40_000):
            text = make(size)[:size]
            # best of 3 below a million characters: one run of a few hundredths of a second is
            # mostly noise (a garbage collection falling in it or not)
            seconds = min(_seconds(text) for _ in range(3 if size < 1_000_000 else 1))
            rates.append(seconds / len(text) * 1e6)
            print(f"{name:28s} {len(text):9d} {seconds:8.2f} {rates[-1]:8.2f}")
            rows.append({"shape": name, "chars": len(text), "cpu_seconds": round(seconds, 3),
                         "us_per_char": round(rates[-1], 3)})
        spread = max(rates) / min(rates)
        print(f"{name:28s} max/min time per character: {spread:.2f}\n")
        for row in rows:
            if row["shape"] == name:
                row["max_over_min"] = round(spread, 2)
    if args.out:
        record(args.out, "voices_scaling", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
