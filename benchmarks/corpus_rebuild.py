"""Rebuild the pages of criticdb's own real-page corpus from fetched repository snapshots.

    .venv/bin/python benchmarks/corpus_rebuild.py [--mirror /work/.mirror] [--out DIR]

The answer key `benchmarks/corpus/manifest.tsv` names each page's origin (repo, path,
commit); the pages themselves are third-party and never enter this repository. Bring each
repository here first (the search tool's `fetch` puts it at <mirror>/<owner>+<name>/repo),
then this script writes every page to <out>/pages/<file> and the key beside them, so
`benchmarks/real_pages.py` reads <out> exactly as it reads ../shared/corpus/real-reviews.
Default <out>: benchmarks/.cache/corpus (git-ignored, outside the wheel). A page whose
snapshot is missing is listed and skipped; the rest are still written.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEY = HERE / "corpus" / "manifest.tsv"
OUT = HERE / ".cache" / "corpus"


def rebuild(mirror: Path, out: Path, key: Path = KEY) -> tuple[int, list[str]]:
    with open(key, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    (out / "pages").mkdir(parents=True, exist_ok=True)
    written, missing, kept = 0, [], []
    for row in rows:
        git_dir = mirror / row["repo"].replace("/", "+") / "repo"
        if (git_dir / ".git").is_dir():  # a snapshot checked out with a work tree
            git_dir = git_dir / ".git"
        got = subprocess.run(["git", "--git-dir", str(git_dir), "show",
                              f"{row['commit']}:{row['path']}"], capture_output=True)
        if got.returncode != 0:
            missing.append(f"{row['file']}: {row['repo']}@{row['commit'][:8]}:{row['path']}")
            continue
        (out / "pages" / row["file"]).write_bytes(got.stdout)
        written += 1
        kept.append(row)
    # the cache's key lists only the pages it holds, so a missing snapshot shrinks the corpus
    # (and says so) rather than failing every page after it
    with open(out / "manifest.tsv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)
    return written, missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    written, missing = rebuild(args.mirror, args.out)
    print(f"{written} pages written to {args.out / 'pages'}; {len(missing)} missing")
    for m in missing:
        print("  missing:", m)
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
