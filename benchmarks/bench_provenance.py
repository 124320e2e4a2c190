"""Speed of framing.link_quotes on the AllSides North Korea articles against the whole Trump
archive (no retweets) and all English KCNA dispatches, and of the exact verbatim search.

Target (issue 8): fast enough for a notebook on the 615 articles (tweets indexed by date window
and word runs, rapidfuzz for the scores). Prints CPU seconds, segments per second, link counts.
Run: python benchmarks/bench_provenance.py [--out data/benchmarks]
"""

from __future__ import annotations

import argparse
import time
import warnings

import pandas as pd

from framing import BrokenRecordWarning, link_quotes, verbatim_quotes, voices_frame
from framing.datasets import load_allsides, load_kcna, load_trump_tweets

from _record import add_out_option, record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_out_option(parser)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BrokenRecordWarning)  # undated articles, null KCNA entries: expected
        articles = load_allsides()
        kcna = load_kcna(lang="en")
    tweets = load_trump_tweets(include_retweets=False)
    columns = ["doc_id", "source", "date", "text"]
    originals = pd.concat([tweets[columns], kcna[columns]], ignore_index=True)
    segments = voices_frame(articles)
    start = time.process_time()
    linked = link_quotes(segments, originals, documents=articles)
    link_seconds = time.process_time() - start
    looked = int((linked["link_route"] != "").sum())
    made = int((linked["linked_doc_id"] != "").sum())
    print(f"link_quotes: {len(segments)} segments ({looked} looked up) of {len(articles)} articles against "
          f"{len(originals)} originals: {link_seconds:.1f} s CPU, {len(segments) / link_seconds:.0f} segments/s; "
          f"{made} links")
    start = time.process_time()
    verbatim = verbatim_quotes(articles, originals)
    seconds = time.process_time() - start
    print(f"verbatim_quotes: {len(verbatim)} (article, original) pairs in {seconds:.1f} s CPU")
    if args.out:
        record(args.out, "provenance", [
            {"what": "link_quotes", "articles": len(articles), "segments": len(segments), "looked_up": looked,
             "originals": len(originals), "tweets": len(tweets), "kcna": len(kcna), "found": made,
             "cpu_seconds": round(link_seconds, 2), "segments_per_s": round(len(segments) / link_seconds)},
            {"what": "verbatim_quotes", "articles": len(articles), "segments": "", "looked_up": "",
             "originals": len(originals), "tweets": len(tweets), "kcna": len(kcna), "found": len(verbatim),
             "cpu_seconds": round(seconds, 2), "segments_per_s": ""}])


if __name__ == "__main__":
    main()
