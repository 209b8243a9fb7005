"""A synthetic corpus of tens of thousands of documents through Dask, to Parquet.

Run from the repository root (needs the ``dask`` extra: ``pip install -e '.[dask]'``)::

    python examples/dask_corpus.py                      # 20,000 documents, a LocalCluster
    python examples/dask_corpus.py --documents 2000     # a smaller corpus
    python examples/dask_corpus.py --scheduler tcp://10.0.0.5:8786 --corpus /shared/corpus

Documents are made from the sentences of ``seeds/`` that hold a figure, with their figures
varied, a headline and a dateline: 2 to 4 sentences each, about 600 bytes. One in 1,000 is an
empty file, to show failures kept apart. They are written to ``--corpus`` (by default a
temporary folder, removed at the end), then read through :func:`osint_claims.dask.to_parquet`
by a ``distributed.LocalCluster`` of one single-threaded worker process per CPU, or by the
cluster whose scheduler is at ``--scheduler``; every worker must then see the corpus and
the output at the same paths (a shared disk).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from distributed import Client, LocalCluster

import osint_claims.dask
from osint_claims import SegmentKind, read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIGURE = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?![\w,.]\d)")
EMPTY_EVERY = 1000
PLACES = ("Kharkiv", "Zaporizhzhia", "Gaza", "Khartoum", "Kursk", "Pokrovsk", "Rafah")


def figure_sentences(folder: Path) -> list[str]:
    """The body sentences of the seed articles that hold a figure, on one line each."""
    sentences = []
    for path in sorted(folder.glob("*.txt")):
        for sentence in read_article(path).sentences:
            text = " ".join(sentence.text.split())
            if sentence.kind is SegmentKind.BODY and FIGURE.search(text) and len(text) < 400:
                sentences.append(text)
    if not sentences:
        sys.exit(f"no sentences with figures in {folder}/*.txt")
    return sentences


def vary(match: re.Match[str], rng: random.Random) -> str:
    """A figure scaled by a random factor, written the same way; years stay as they are."""
    written = match.group()
    value = int(written.replace(",", ""))
    if 1900 <= value <= 2100 and "," not in written:
        return written
    varied = max(1, round(value * rng.uniform(0.5, 2.0)))
    return f"{varied:,}" if "," in written else str(varied)


def document(number: int, sentences: Sequence[str], rng: random.Random) -> str:
    """One short news item: headline, dateline, then 2 to 4 sentences with varied figures."""
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(600))
    body = [FIGURE.sub(lambda m: vary(m, rng), s) for s in rng.sample(sentences, rng.randint(2, 4))]
    headline = f"Update {number} from {rng.choice(PLACES)}"
    return f"{headline}\n{day.day} {day:%B %Y}\n\n" + "\n\n".join(body) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 0) -> int:
    """Write ``count`` documents under ``folder`` (1,000 per subfolder); return the bytes."""
    rng = random.Random(seed)
    sentences = figure_sentences(SEEDS)
    total = 0
    for number in range(count):
        path = folder / f"{number // 1000:04d}" / f"{number:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "" if number % EMPTY_EVERY == EMPTY_EVERY - 1 else document(number, sentences, rng)
        total += path.write_text(text, encoding="utf-8")
    return total


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--documents", type=int, default=20_000, help="default 20000")
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler (tcp://host:8786); default: a LocalCluster here",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="LocalCluster worker processes (default: one per CPU)",
    )
    parser.add_argument("--corpus", type=Path, help="write the corpus here (default: temporary)")
    parser.add_argument("--output", type=Path, help="write Parquet here (default: temporary)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="osint-claims-"))
    corpus = args.corpus or scratch / "corpus"
    output = args.output or scratch / "parquet"
    try:
        start = time.perf_counter()
        size = write_corpus(corpus, args.documents)
        print(
            f"corpus:  {args.documents:,} documents, {size / 1e6:,.1f} MB in {corpus} "
            f"({time.perf_counter() - start:.1f} s)"
        )
        with contextlib.ExitStack() as stack:
            if args.scheduler:
                client = stack.enter_context(Client(args.scheduler))
            else:
                cluster = stack.enter_context(
                    LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
                )
                client = stack.enter_context(Client(cluster))
            print(f"dask:    {client}")
            start = time.perf_counter()
            written = osint_claims.dask.to_parquet(str(corpus / "*" / "*.txt"), output)
            seconds = time.perf_counter() - start
        print(
            f"claims:  {written.claims:,} from {written.documents:,} documents, "
            f"{written.failures:,} failed; {seconds:.1f} s, "
            f"{written.documents / seconds:,.0f} documents/s"
        )
        print(f"parquet: {output / 'claims'} and {output / 'failures'}")
        if args.output is None:
            print("(temporary: removed on exit; pass --output DIR to keep it)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
