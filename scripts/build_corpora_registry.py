"""Write framing/data/corpora/: where each shared corpus comes from, and its files' checksums.

``registry.json`` holds each corpus's origin; ``<name>.csv`` lists its files (``path, size,
sha256, source``: the index of the origin it comes from, empty when there is none).

The origins (repository, commit, paths, licence) are copied from each corpus's SOURCE.md (the
table below); the sizes and sha256 checksums are computed from the files in the corpora folder,
so ``framing.datasets.fetch`` can verify that a download gives the files the tests use.

    python scripts/build_corpora_registry.py [CORPORA_FOLDER]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from framing.datasets._fetch import _sha256  # the checksum fetch verifies with: one definition

# name -> description, licence, citation, sources; each source maps a remote prefix (path in the
# repository at the commit) to a local prefix (path under the corpus folder).
ORIGINS = {
    "seed": {
        "title": "The reference article (January 2019, run-up to the second Trump-Kim summit)",
        "licence": "(c) its authors; publisher unknown. Analysis and tests only.",
        "sources": [],
        "unavailable": "scraped from a news web page whose publisher is unknown; there is no "
                       "pinned public copy to download. Ask the maintainers for the file.",
    },
    "trump_tweets": {
        "title": "Trump tweets 2017-2019 (Trump Twitter Archive condensed yearly JSON, two mirrors)",
        "licence": "none stated by the mirrors or the upstream archive; platform terms apply.",
        "sources": [
            {"repository": "flexlev/trump_twitter", "commit": "a0f629b9749f02093270bb2d8d71f9efc3fabe93",
             "remote_prefix": "data/", "local_prefix": "flexlev/"},
            {"repository": "mosaic43/twitter-power", "commit": "885f4c23ccd974b210406c1a233bb2a2142a6da2",
             "remote_prefix": "historicalTweets/", "local_prefix": "mosaic43/"},
        ],
    },
    "kcna": {
        "title": "KCNA articles from kcna.co.jp, 2017-01-01 to 2018-04-26 (480 daily files)",
        "licence": "none stated; DPRK state-media publications. Analysis and tests only.",
        "sources": [{"repository": "codebykyle/kcna_scraper", "commit": "4611b3ac33f797eddf6396d8e6d9c1159346ead8",
                     "remote_prefix": "cache/", "local_prefix": ""}],
    },
    "news_headlines": {
        "title": "Reuters / Guardian / CNBC business-news headlines (Dec 2017 - Jul 2020)",
        "licence": "none stated; headlines are (c) their publishers.",
        "sources": [{"repository": "hgulati2190/SP500-Predictor-Using-NLP",
                     "commit": "c84b41eb29556cca5a1e49c08d3f51420a68d58a",
                     "remote_prefix": "data/", "local_prefix": ""}],
    },
    "allsides_nk": {
        "title": "AllSides-labelled articles that mention North Korea, 2018-2019 (615 of Baly et al. 2020)",
        "licence": "repository Apache-2.0; article texts belong to their publishers.",
        "cite": "Baly et al. (2020), We Can Detect Your Bias, EMNLP 2020.",
        "sources": [{"repository": "ramybaly/Article-Bias-Prediction",
                     "commit": "ced8111a720948e6a410e52031ace99c4e53f096",
                     "remote_prefix": "data/", "local_prefix": ""}],
    },
    "polnear": {
        "title": "PolNeAR attribution relations (train, dev, annotator-training; test held back)",
        "licence": "none stated. Cite Newell, Margolin & Ruths (2018), LREC.",
        "sources": [{"repository": "networkdynamics/PolNeAR", "commit": "c3eee833c035bf7b8c84f55b58c0bf7346cfae76",
                     "remote_prefix": "data/", "local_prefix": ""}],
    },
    "basil": {
        "title": "BASIL bias annotation spans (300 Fox / NYT / HuffPost articles, 2010-2019)",
        "licence": "none stated. Cite Fan et al. (2019), EMNLP.",
        "sources": [{"repository": "launchnlp/BASIL", "commit": "4fdbc4f68d5ddae648990063cb6dd11424d96222",
                     "remote_prefix": "", "local_prefix": ""}],
    },
    "gvfc": {
        "title": "Gun Violence Frame Corpus and its multimodal extension (frame-labelled headlines)",
        "licence": "none stated by the copying repository; cite Liu et al. (2019) and Tourni et al. (2021) "
                   "and check the original BU release's terms before redistributing.",
        "sources": [{"repository": "arajshah/NLP_headline_body_sentiment",
                     "commit": "dbb115e4782cba47c394e0909a8d0c1ee2d048ab",
                     "remote_prefix": "data/", "local_prefix": ""}],
    },
    "vader_groundtruth": {
        "title": "VADER ICWSM-2014 human-rated sentiment ground truth (even ids of tweets and NYT)",
        "licence": "MIT (c) 2016 C.J. Hutto. Cite Hutto & Gilbert (2014), ICWSM.",
        "sources": [{"repository": "cjhutto/vaderSentiment", "commit": "44fc044cd877310ee8278a0eadf34bcd50d41d06",
                     "archive": "additional_resources/hutto_ICWSM_2014.tar.gz",
                     "remote_prefix": "hutto_ICWSM_2014/", "local_prefix": ""}],
        # the tweets and NYT files keep only even ids (odd ids are held back for evaluation)
        "transforms": {"tweets_GroundTruth.txt": "even_ids", "tweets_anonDataRatings.txt": "even_ids",
                       "nytEditorialSnippets_GroundTruth.txt": "even_ids",
                       "nytEditorialSnippets_anonDataRatings.txt": "even_ids"},
    },
}


def file_table(folder: Path, sources: list[dict]) -> str:
    """The checksum table of one corpus folder (CSV text)."""
    lines = ["path,size,sha256,source"]
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "SOURCE.md"):
        local = path.relative_to(folder).as_posix()
        assert "," not in local and '"' not in local, local
        source = next((i for i, s in enumerate(sources) if local.startswith(s["local_prefix"])), "")
        lines.append(f"{local},{path.stat().st_size},{_sha256(path)},{source}")
    return "\n".join(lines) + "\n"


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora")
    out = Path(__file__).resolve().parent.parent / "framing" / "data" / "corpora"
    out.mkdir(parents=True, exist_ok=True)
    registry = {"format": "framing.corpora/1", "corpora": ORIGINS}
    (out / "registry.json").write_text(json.dumps(registry, indent=1) + "\n", encoding="utf-8")
    for name, origin in ORIGINS.items():
        (out / f"{name}.csv").write_text(file_table(root / name, origin["sources"]), encoding="utf-8")
    print(f"wrote {out}: {sum(f.stat().st_size for f in out.iterdir()):,} bytes")


if __name__ == "__main__":
    main()
