"""Error analysis of ``framing.voices`` on PolNeAR train (development only; never on dev).

    python benchmarks/voices_errors.py [--split train] [--show CLASS] [--n 20]

Counts errors by class: missed gold spans (with the gold cue word), spurious predicted spans
(with the predicted cue), boundary errors (overlap but below the 0.5 threshold) and wrong
speakers (why: pronoun, nested, joint, title/apposition, other). Prints counts, and with
``--show`` examples of one class (text snippets only to the terminal, never into the repo).
"""

from __future__ import annotations

import argparse
import collections
import re
import warnings

from framing import voices_frame
from framing.datasets import load_polnear, load_polnear_attributions
from framing.validation.attribution import _predicted, _token_index, _tokens

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "his", "her", "their"}


def analyse(split: str):
    docs = load_polnear(split=split)
    gold = load_polnear_attributions(split=split)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        segs = voices_frame(docs)
    texts = dict(zip(docs["doc_id"], docs["text"]))
    by_doc = {d: f for d, f in segs.groupby("doc_id", sort=False)}
    errors = collections.defaultdict(list)
    for (doc_id, ann), rows in gold.groupby(["doc_id", "annotator"], sort=False):
        text = texts[doc_id]
        index = _token_index(text)
        frame = by_doc.get(doc_id, segs.iloc[:0])
        preds = _predicted(frame, index)
        golds = []
        for r in rows.itertuples(index=False):
            tok = _tokens(index, r.content_spans)
            if tok:
                golds.append({"tokens": tok, "r": r})
        for p in preds:
            best = max((len(p["tokens"] & g["tokens"]) for g in golds), default=0)
            if best < 0.5 * len(p["tokens"]):
                seg = frame[frame["seg_id"].isin(p["seg_ids"])].iloc[0]
                cls = "spurious" if best == 0 else "boundary_pred"
                errors[cls].append((doc_id, seg.cue, text[seg.start:seg.end], seg.speaker, p["kind"]))
        for g in golds:
            r = g["r"]
            ov = [(len(p["tokens"] & g["tokens"]), p) for p in preds]
            found = [(o, p) for o, p in ov if o >= 0.5 * len(g["tokens"])]
            ctx = text[max(0, min(r.content_start, r.cue_start if r.cue_start >= 0 else r.content_start) - 60):
                       max(r.content_end, r.cue_end) + 20]
            if not found:
                partial = max((o for o, _ in ov), default=0)
                cls = "missed" if partial == 0 else "boundary_gold"
                errors[cls].append((doc_id, r.cue_text.lower(), r.content_text, r.source_text, ctx))
                continue
            if r.source_spans:
                best = max(found, key=lambda op: (op[0], -len(op[1]["tokens"])))[1]
                ms, me = best["mention"]
                ok = ms >= 0 and any(ms < b and a < me for a, b in r.source_spans)
                if ok:
                    continue
                os_, oe = best["outer"]
                src = r.source_text.lower()
                pred = text[ms:me] if ms >= 0 else ""
                if os_ >= 0 and any(os_ < b and a < oe for a, b in r.source_spans):
                    why = "outer_ok"
                elif os_ >= 0:
                    why = "nested_wrong"
                elif ms < 0:
                    why = "no_mention"
                elif src.split()[-1:] and src.split()[-1] in PRONOUNS or src in PRONOUNS:
                    why = "gold_pronoun"
                elif pred.lower() in PRONOUNS:
                    why = "pred_pronoun"
                elif " and " in src:
                    why = "joint"
                elif r.source_start < ms < r.source_end + 80 or ms < r.source_start < me + 80:
                    why = "near"  # apposition/title/nearby
                else:
                    why = "other"
                errors["speaker_" + why].append((doc_id, r.cue_text, pred, r.source_text, ctx))
    return errors, segs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--show", default="")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--cues", action="store_true")
    args = ap.parse_args()
    errors, _ = analyse(args.split)
    for k in sorted(errors):
        print(f"{k:24s} {len(errors[k])}")
    if args.cues:
        for k in ("missed", "boundary_gold"):
            c = collections.Counter(e[1] for e in errors[k])
            print(k, c.most_common(60))
        c = collections.Counter(e[1] for e in errors["spurious"])
        print("spurious", c.most_common(40))
    if args.show:
        import random
        rng = random.Random(0)
        items = errors[args.show]
        for e in rng.sample(items, min(args.n, len(items))):
            print("----", e[0])
            for x in e[1:]:
                print("   |", re.sub(r"\s+", " ", str(x))[:400])


if __name__ == "__main__":
    main()
