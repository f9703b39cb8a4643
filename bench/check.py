"""Benchmark the claim comparison (issue 3): `monitor check` on one article as a whole
process, and comparing 1,000 articles with the baseline in one process.

    python bench/check.py [--runs 5] [--corpus ../shared/corpus]

Each figure is the median of --runs runs, next to a floor measured in the same run on the
same input: a bare `python -c pass` process for start-up, and bare sentence splitting
(syntok) of the same texts for the comparison. Articles are the dev-set fixtures, cycled
to 1,000; with --corpus, the text trafilatura extracts from the corpus pages is mixed in
(the topic then admits every article, so off-topic text goes through the whole path).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "fixtures" / "devset"
N_ARTICLES = 1000


def median_wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_call(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def texts(corpus: Path | None) -> list[str]:
    from monitor.articles import from_text, extract

    out = [from_text(p.read_text(), str(p)).text for p in sorted(DEVSET.glob("*.txt"))]
    if corpus:
        for page in sorted((corpus.resolve() / "pages").glob("*.html"))[:300]:
            try:
                out.append(extract(page.read_bytes(), page.as_uri()).text)
            except Exception as exc:  # a page trafilatura cannot read is not part of this benchmark
                print(f"skip {page.name}: {exc}", file=sys.stderr)
    return [out[i % len(out)] for i in range(N_ARTICLES)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=Path, help="the shared corpus folder (optional)")
    args = ap.parse_args()

    monitor = str(Path(sys.executable).with_name("monitor"))
    article = str(DEVSET / "dev01_openai_confirms.txt")
    check = median_wall([monitor, "check", article, "--json"], args.runs)
    bare = median_wall([sys.executable, "-c", "pass"], args.runs)

    from syntok import segmenter

    from monitor import config, snapshots
    from monitor.compare import Baseline, compare_article
    from monitor.models import Article

    docs = [Article(url=f"bench:{i}", title="", text=t) for i, t in enumerate(texts(args.corpus))]
    topic = {"anchors": [], "context": [], "min_score": 0.0}
    baseline = Baseline(snapshots.load(None), config.load().topic)
    compare = median_call(lambda: [compare_article(d, baseline, topic) for d in docs], args.runs)
    split = median_call(lambda: [[[list(sent) for sent in para] for block in d.text.split("\n")
                                  for para in segmenter.analyze(block)] for d in docs], args.runs)  # bare syntok
    claims = sum(len(compare_article(d, baseline, topic).findings) for d in docs)

    print(f"{'measure':44} {'median s':>9} {'floor s':>8} {'ratio':>6}  target")
    print(f"{'monitor check one article (whole process)':44} {check:9.3f} {bare:8.3f} {check / bare:6.1f}  < 1 s")
    print(f"{'compare 1,000 articles (' + str(claims) + ' claims)':44} {compare:9.3f} {split:8.3f} "
          f"{compare / split:6.1f}  < 30 s")
    print(f"floors: `python -c pass`; syntok sentence splitting of the same 1,000 texts. runs={args.runs}")


if __name__ == "__main__":
    main()
