"""How many unlabelled news leads that plainly report an organized event get an organizer.

    python -m bench.organizer_coverage --save /tmp/after.json                   # this code's figures
    python -m bench.organizer_coverage --before /tmp/main.json --show 30        # beside a saved run
    python -m bench.organizer_coverage --before /tmp/main.json --misses 40      # the subjects missed

The labelled sets are small and each rule written from them moved no held-out figure; this
measure reads thousands of articles nobody labelled or tuned on. A fixed sample (every
STRIDE-th train id below 80,000 that neither label file holds: the ids from 80,000 up are the
blind samples) goes through the JSON Lines reader as `vnsearch index` reads it. Its lead (title,
abstract and first body paragraph) is searched for a plain report of an organized event with a
stated subject: an organizing verb right before an event's noun ("Sở Y tế tổ chức hội nghị",
"UBND tỉnh phối hợp với Bộ X tổ chức lễ") with a capitalized word in the words before it, or the
passive "do X (phối hợp) tổ chức". Printed: the share of those leads given at least one
organizer (coverage), and the share of the other articles given one (a noise proxy: trials and
sittings are found without these phrases, so it is not zero on a perfect extractor).

`--save FILE` keeps every article's organizers and cue; `--before FILE` prints a saved run's
figures beside this one's, how many articles' organizers changed, and with `--show N` a fixed
random sample of N changed articles (lead, before, after) to be read by eye. `--misses N`
prints the most frequent subject heads (the subject's first words) of the covered leads
given no organizer: which phrasings to write rules for. The figures are a measure of recall
on plain phrasings only: whether the organizer found is the right one is judged by reading.

To compare with another commit's code, run this file with that code first on the path (the
file imports only the reader): `git archive COMMIT | tar -x -C /tmp/base` and
`PYTHONPATH=/tmp/base python bench/organizer_coverage.py --save /tmp/main.json`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

from indexer.ingest.articles import Article
from indexer.ingest.reading.jsonl import parse_line

HERE = Path(__file__).resolve().parent
TRAIN = HERE.parents[1] / "shared" / "data" / "vietnews-train.jsonl.gz"
LABEL_FILES = (HERE / "labels" / "extraction-dev.jsonl", HERE / "labels" / "extraction-check.jsonl")
BELOW, STRIDE, OFFSET, ARTICLES = 80_000, 16, 5, 5_000
SEED = 14

_VERB = r"(?:phối hợp tổ chức|đồng tổ chức|tổ chức|đăng cai|khai mạc|chủ trì|khánh thành|khai giảng)"
_EVENT = (r"(?:hội nghị|hội thảo|họp báo|cuộc họp|buổi họp|lễ|cuộc thi|hội thi|giải|tọa đàm|toạ đàm|diễn đàn|"
          r"triển lãm|hội chợ|chương trình|đại hội|kỳ họp|phiên họp|tập huấn|lớp|ngày hội|liên hoan|hội diễn|"
          r"festival|tuần lễ|hội báo|mít tinh|sự kiện|đêm|giao lưu|hội khỏe|hội thao|buổi)")
# "X (đã) tổ chức (buổi|cuộc|các ...) hội nghị": the verb, at most two words, then the event's noun.
_ACTIVE = re.compile(rf"(?<!\w){_VERB}(?:\s+\w+){{0,2}}?\s+{_EVENT}(?!\w)", re.IGNORECASE)
# "do X (và Y) (phối hợp) tổ chức": the agent, a capitalized word, within a few words of the verb.
_PASSIVE = re.compile(rf"(?<!\w)do\s+(?P<agent>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^.;!?\n]{{0,90}}?)\s+(?:cùng\s+)?"
                      rf"(?:phối hợp\s+)?(?:tổ chức|đăng cai|chủ trì)(?!\w)")
# A clause ends at a comma or a sentence's end, not at an abbreviation's dot ("TP. HCM").
_CLAUSE_START = re.compile(r"[,;!?\n:]|(?<![A-ZĐ])(?<!Tp)\.\s")
# Words that open a clause without naming its subject: times and "Theo".
_NOT_SUBJECT = set("sáng chiều tối trưa đêm ngày hôm theo trong tại vào sau tối sáng tuần tháng năm mới".split())
_WORD = re.compile(r"[\w&.-]+")


def _number(article_id: str) -> int:
    return int(article_id.rsplit("-", 1)[1])


def _labelled() -> set[str]:
    ids: set[str] = set()
    for path in LABEL_FILES:
        with path.open(encoding="utf-8") as lines:
            ids |= {json.loads(line)["id"] for line in lines if line.strip()}
    return ids


def sample(count: int = ARTICLES) -> tuple[list[dict], list[dict]]:
    """The fixed sample (every STRIDE-th train record below BELOW, from OFFSET, at most `count`)
    and the event leads of every train record below BELOW; no labelled record in either."""
    skip, fixed, cued = _labelled(), [], []
    with gzip.open(TRAIN, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            number = _number(record["id"])
            if number >= BELOW:
                break
            if record["id"] in skip:
                continue
            if number % STRIDE == OFFSET and len(fixed) < count:
                fixed.append(record)
            elif subject_head(lead_of(record)):
                cued.append(record)
    return fixed, cued


def lead_of(record: dict) -> str:
    first = (record.get("body") or "").strip().split("\n")[0]
    parts = (record.get("title") or "", record.get("abstract") or "", first)
    return unicodedata.normalize("NFC", "\n".join(p.strip() for p in parts))


def subject_head(lead: str) -> str | None:
    """The first words of the stated subject of the lead's first plain event report, or None
    when it reports none: "Đoàn đại biểu" of "Sáng 3-4, Đoàn đại biểu Quốc hội tỉnh X tổ chức hội nghị"."""
    for match in _ACTIVE.finditer(lead):
        if not lead[match.start()].islower():
            continue
        for clause in reversed(_CLAUSE_START.split(lead[: match.start()])[-3:]):
            words = _WORD.findall(clause)
            capital = next((k for k, w in enumerate(words) if w[0].isupper() and w.lower() not in _NOT_SUBJECT), None)
            if capital is not None:
                return _head(words[capital:])
    passive = _PASSIVE.search(lead)
    if passive:
        return "do " + _head(_WORD.findall(passive.group("agent")))
    return None


def _head(words: list[str]) -> str:
    """A subject's head: its first word and the lower-case words after it ("Đoàn đại biểu"),
    or its first two words ("Hội Liên")."""
    head = words[:1]
    for word in words[1:4]:
        if not word.islower():
            break
        head.append(word)
    return " ".join(head if len(head) > 1 else words[:2])


def read(record: dict) -> Article:
    raw = json.dumps({k: record.get(k) for k in ("id", "title", "abstract", "body")}, ensure_ascii=False)
    article = parse_line(raw.encode("utf-8"), TRAIN, TRAIN.name, 1)
    if not isinstance(article, Article):
        raise ValueError(f"{record.get('id')}: {article}")
    return article


def run(fixed: list[dict], cued: list[dict]) -> dict[str, dict]:
    """Every article's cue (subject head or None), organizers (name, parent) and whether it is
    of the fixed sample."""
    fixed_ids = {r["id"] for r in fixed}
    return {
        r["id"]: {"head": subject_head(lead_of(r)), "fixed": r["id"] in fixed_ids,
                  "organizers": [[o.name, o.parent] for o in read(r).organizers]}
        for r in fixed + cued
    }


def figures(results: dict[str, dict]) -> dict[str, tuple[int, int]]:
    cued = [r for r in results.values() if r["head"]]
    fixed = [r for r in results.values() if r["fixed"]]
    other = [r for r in fixed if not r["head"]]
    return {
        "event leads given an organizer (coverage)": (sum(bool(r["organizers"]) for r in cued), len(cued)),
        "other articles of the sample given one (noise)": (sum(bool(r["organizers"]) for r in other), len(other)),
        "articles of the sample given one": (sum(bool(r["organizers"]) for r in fixed), len(fixed)),
    }


def _cell(pair: tuple[int, int] | None) -> str:
    if pair is None:
        return "-"
    num, den = pair
    return f"{num}/{den} ({num / den:.1%})" if den else f"{num}/0"


def report(after: dict[str, dict], before: dict[str, dict] | None, records: dict[str, dict],
           show: int, misses: int) -> None:
    now, then = figures(after), figures(before) if before else {}
    print(f"{sum(r['fixed'] for r in after.values())} unlabelled articles (every {STRIDE}th train id below"
          f" {BELOW:,} from {OFFSET}) and the event leads of all unlabelled train ids below it")
    print(f"{'':50} {'before':>20} {'after':>20}")
    for name, pair in now.items():
        print(f"{name:50} {_cell(then.get(name)):>20} {_cell(pair):>20}")
    if before is not None:
        changed = sorted(i for i in after if i in before and after[i]["organizers"] != before[i]["organizers"])
        gained = sum(not before[i]["organizers"] for i in changed)
        lost = sum(not after[i]["organizers"] for i in changed)
        print(f"articles whose organizers changed: {len(changed)} ({gained} from none, {lost} to none)")
        for article_id in random.Random(SEED).sample(changed, min(show, len(changed))):
            print(f"\n== {article_id}\n{lead_of(records[article_id])[:700]}")
            print(f"   before: {before[article_id]['organizers']}\n   after:  {after[article_id]['organizers']}")
    if misses:
        heads = Counter(r["head"] for r in after.values() if r["head"] and not r["organizers"])
        print(f"\nsubject heads of the event leads given no organizer ({sum(heads.values())}):")
        for head, count in heads.most_common(misses):
            print(f"{count:5}  {head}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--save", type=Path, help="keep every article's cue and organizers in this JSON file")
    parser.add_argument("--before", type=Path, help="a run saved with --save, printed beside this one")
    parser.add_argument("--show", type=int, default=0, help="print this many changed articles (fixed sample)")
    parser.add_argument("--misses", type=int, default=0, help="print this many most frequent missed subject heads")
    args = parser.parse_args(argv)
    if not TRAIN.exists():
        print(f"skipped: {TRAIN} is absent")
        return 0
    fixed, cued = sample(args.articles)
    records = {r["id"]: r for r in fixed + cued}
    results = run(fixed, cued)
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    report(results, before, records, args.show, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
