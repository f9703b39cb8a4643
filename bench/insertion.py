"""Precision on text that is not about the story: insert every sentence of a folder of
unrelated article pages into an on-topic article of the shipped story, and count the
inserted sentences that come out as changes (updated or contradicted). Each is a false
alarm a reader would see.

usage: .venv/bin/python bench/insertion.py CORPUS_DIR [--show N]

CORPUS_DIR holds .html pages (third-party text: it is not in the repository). Each
sentence goes in as a paragraph of its own, after an on-topic paragraph, so neither the
topic filter nor the relevance gate can hide it: only the judgement decides."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from monitor import articles, config, snapshots
from monitor.claims import sentences
from monitor.compare import Baseline, compare_article
from monitor.models import Article

ON_TOPIC = ("Artists in OpenAI's early-access program leaked access to the Sora video model on Hugging Face "
            "in protest. The group calling itself Sora PR Puppets said testers were used for unpaid labor.")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--show", type=int, default=20, help="print this many false changes")
    args = ap.parse_args()
    settings = config.load()
    baseline = Baseline(snapshots.load(None), settings.topic)
    pages = sorted(args.corpus.rglob("*.html"))
    if not pages:
        print(f"{args.corpus}: no .html pages", file=sys.stderr)
        return 2
    inserted = false = 0
    shown = []
    started = time.perf_counter()
    for page in pages:
        try:
            text = articles.extract(page.read_bytes(), page.resolve().as_uri()).text
        except Exception as exc:  # a page that cannot be read inserts nothing; say so and go on
            print(f"{page.name}: skipped: {exc}", file=sys.stderr)
            continue
        lines = [s for para in sentences(text) for s in para]
        inserted += len(lines)
        article = Article(url=page.name, title="Sora leak", text="\n".join([ON_TOPIC, *lines]))
        for f in compare_article(article, baseline, settings.topic).findings:
            if f.status in ("updated", "contradicted") and f.claim.text in lines:
                false += 1
                shown.append(f"{page.name}: {f.status}: {f.claim.text[:120]}\n    {f.reason}")
    print(f"{len(pages)} pages, {inserted} sentences inserted, {false} came out as changes "
          f"({time.perf_counter() - started:.1f} s)")
    for line in shown[:args.show]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
