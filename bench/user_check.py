"""Issue 14's own check, on the path users take: train articles through `vnsearch index`, then HTTP.

    python -m bench.user_check                        # the first 8,000 articles of vietnews-train
    python -m bench.user_check --articles 2000 --work var/user-check

Issue 14 was filed after indexing 8,000 articles of ../shared/data/vietnews-train.jsonl.gz with
`vnsearch index` and reading what the service gave: 23 articles had an organizer; of 154 whose
lead says "X tổ chức họp báo / hội nghị / …", 6 had one; 14–22 % of the dated articles fell
before 2012; "cuộc thi" was the type of 235 articles that mention a pageant (`--show N` prints a
fixed random sample of the articles typed so, to read whether a contest is their news). This reruns that
check: the first N articles (in the file's order) are written as a JSON Lines file, indexed by the
real command line, served by `vnsearch serve`, and read back from `GET /api/v1/search.csv` (every
article's organizers, date, date source and event type in one answer) and the JSON API's facets.
Each figure is printed beside the issue's. What counts as "the lead says X tổ chức <event>" is
computed from the text (`CUE` in the title or abstract), not from the extractor.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

from bench.extraction import TRAIN, capitals, new_style
from bench.extraction_dates import YEARS
from bench.service import ROOT, SearchClient, index_corpus, running_service
from indexer.text.vietnamese import fold

ARTICLES = 8_000
# "X tổ chức họp báo / hội nghị / …": a body (named by one of the heads) organizing, in the
# same clause, an event of a kind users filter by; "Ban tổ chức cuộc thi" (a contest's committee) is not.
_HEADS = ("Bộ|Sở|Cục|Tổng cục|Vụ|Viện|Trung tâm|Ủy ban|Uỷ ban|UBND|HĐND|Ban|Học viện|Trường|Đại học|ĐH|Khoa|Hội|"
          "Liên đoàn|Tập đoàn|Tổng công ty|Công ty|Công an|Tòa án|Toà án|TAND|Viện kiểm sát|VKSND|Đảng ủy|Đảng uỷ|"
          "Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Văn phòng|Đài|Báo|Đại sứ quán|Quỹ|Thành đoàn|"
          "Tỉnh đoàn|Chính phủ|Quốc hội|Ngân hàng")
CUE = re.compile(rf"\b(?:{_HEADS})\b[^.;\n]{{0,80}}?(?<!\bBan )(?<!\bban )(?:đã\s+|vừa\s+)?tổ chức\s+(?:thành công\s+)?"
                 r"(?i:buổi\s+|cuộc\s+|phiên\s+)?(?i:họp báo|hội nghị|hội thảo|lễ|tọa đàm|toạ đàm|diễn đàn|hội thi|"
                 r"cuộc thi|triển lãm|tập huấn|lớp|phiên|kỳ họp|họp)\b")
# The same events named anywhere in the lead, by whoever (the issue does not say how it counted its 154).
ANY_ORGANIZING = re.compile(r"tổ chức\s+(?:buổi\s+|cuộc\s+)?(?:họp báo|hội nghị|hội thảo|lễ|tọa đàm|toạ đàm|diễn đàn|"
                            r"hội thi|cuộc thi|triển lãm|tập huấn|lớp|phiên|kỳ họp|họp)\b", re.IGNORECASE)
# The figures for 8,000 articles, printed beside ours.
REPORTED = {"articles with an organizer": "23", "cue leads with an organizer": "6 of 154",
            "dated before 2012": "14–22 %", "typed cuộc thi": "235"}
PERSONS_CHECKED = 10
SEED = 7


def write_articles(count: int, path: Path) -> list[dict]:
    """The first `count` train records, written to `path` as JSON Lines; returns them."""
    records: list[dict] = []
    with gzip.open(TRAIN, "rt", encoding="utf-8") as lines, path.open("w", encoding="utf-8") as out:
        for line in lines:
            if len(records) == count:
                break
            records.append(json.loads(line))
            out.write(line if line.endswith("\n") else line + "\n")
    return records


def exported(client: SearchClient, count: int) -> dict[str, dict]:
    """Every indexed article's row of `GET /api/v1/search.csv` (the whole index: an empty query), by id."""
    status, body, _ = client.get("/api/v1/search.csv", {"q": "", "sort": "newest"})
    if status != 200:
        raise SystemExit(f"GET /api/v1/search.csv answered {status}: {body[:300]!r}")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(body.decode("utf-8-sig")))}
    if len(rows) != count:
        raise SystemExit(f"the export holds {len(rows)} articles, the index {count}")
    return rows


def lead(record: dict) -> str:
    """The title, the abstract and the body's first paragraph."""
    first = (record.get("body") or "").split("\n", 1)[0]
    return unicodedata.normalize("NFC", f"{record.get('title') or ''}\n{record.get('abstract') or ''}\n{first}")


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def report(records: list[dict], rows: dict[str, dict], client: SearchClient, show: int = 0) -> None:
    with_organizer = {i for i, row in rows.items() if row["organizers"]}
    cued = {r["id"] for r in records if CUE.search(lead(r))}
    loosely = {r["id"] for r in records if ANY_ORGANIZING.search(lead(r))}
    dated = [row["date"] for row in rows.values() if row["date"]]
    before = sum(int(d[:4]) < YEARS[0] for d in dated)
    after = sum(int(d[:4]) > YEARS[1] for d in dated)
    contests = {r["id"] for r in records if rows[r["id"]]["event_type"] == "cuộc thi"}
    print(f"\n{len(rows)} articles indexed with `vnsearch index`, read back through the HTTP API\n")
    print(f"{'':46}{'now':>24}   {'issue 14 reported':>18}")
    lines = [
        ("articles with an organizer", f"{len(with_organizer)} ({share(len(with_organizer), len(rows))})"),
        ("cue leads with an organizer", f"{len(cued & with_organizer)} of {len(cued)} "
                                        f"({share(len(cued & with_organizer), len(cued))})"),
        ("  any 'tổ chức <event>' lead with one", f"{len(loosely & with_organizer)} of {len(loosely)} "
                                                  f"({share(len(loosely & with_organizer), len(loosely))})"),
        ("dated articles", f"{len(dated)} ({share(len(dated), len(rows))})"),
        ("dated before 2012", f"{before} ({share(before, len(dated))})"),
        (f"dated after {YEARS[1]}", f"{after} ({share(after, len(dated))})"),
        ("typed cuộc thi", f"{len(contests)}"),
    ]
    for name, value in lines:
        print(f"{name:46}{value:>24}   {REPORTED.get(name, ''):>18}")
    print("date_source: " + ", ".join(f"{k or 'none'} {n}" for k, n in Counter(r["date_source"] for r in rows.values()).most_common()))
    facets = client.get_json("/api/v1/search", {"q": "", "facet_size": 1000, "per_page": 1})["facets"]
    values = [f["value"] for f in facets["organizer"]]
    print(f"organizer facet: {len(values)} values; with an all-capital word: {sum(bool(capitals(v)) for v in values)}; "
          f"in the old tone placement: {sum(v != new_style(v) for v in values)}")
    for value in values[:10]:
        print(f"    {next(f['count'] for f in facets['organizer'] if f['value'] == value):5}  {value}")
    _check_people(facets.get("person", []), client)
    if show:
        print(f"\n{show} articles typed cuộc thi, a fixed random sample (read them: is a contest the news?)")
        for article_id in random.Random(SEED).sample(sorted(contests), min(show, len(contests))):
            print(f"    {article_id}  {rows[article_id]['title'][:100]}")


def _check_people(people: list[dict], client: SearchClient) -> None:
    """The person facet, and whether `person=` and `person:"…"` find the facet's count."""
    print(f"person facet: {len(people)} values")
    agree = 0
    for facet in people[:PERSONS_CHECKED]:
        by_filter = client.get_json("/api/v1/search", {"q": "", "person": facet["value"], "per_page": 1})["total"]
        by_query = client.get_json("/api/v1/search", {"q": f'person:"{facet["value"]}"', "per_page": 1})["total"]
        agree += facet["count"] == by_filter == by_query
        print(f"    {facet['count']:5}  {facet['value']}: person= {by_filter}, person: {by_query}")
    print(f"  the {min(PERSONS_CHECKED, len(people))} most frequent people: facet, filter and query agree for {agree}")
    _check_spellings(people, client)


def _check_spellings(people: list[dict], client: SearchClient) -> None:
    """Names that differ only by diacritics: listed apart, each selected alone by its spelling and
    together by their unaccented form (about the sum of their counts: an article may name both, and
    spellings too rare for the facet's first 1,000 values add theirs)."""
    groups: dict[str, list[dict]] = {}
    for facet in people:
        groups.setdefault(fold(facet["value"]), []).append(facet)
    shared = sorted((g for g in groups.values() if len(g) > 1), key=lambda g: -sum(f["count"] for f in g))
    print(f"  {sum(map(len, shared))} of the {len(people)} listed names share their unaccented form with another")
    for group in shared[:5]:
        unaccented = fold(group[0]["value"])
        together = client.get_json("/api/v1/search", {"q": "", "person": unaccented, "per_page": 1})["total"]
        spelled = ", ".join(f"{f['value']} {f['count']}" for f in group)
        print(f"    {spelled}; person={unaccented}: {together} (listed spellings: {sum(f['count'] for f in group)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.user_check", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N articles typed cuộc thi")
    parser.add_argument("--work", type=Path, default=ROOT / "var" / "user-check", help="articles and index")
    args = parser.parse_args(argv)
    if not TRAIN.exists():
        print(f"skipped: {TRAIN} is absent")
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / "articles.jsonl"
    records = write_articles(args.articles, corpus)
    print(f"indexing {len(records)} articles with `vnsearch index` (a few minutes) ...", flush=True)
    summary = index_corpus(corpus, args.work / "index")
    print(f"  {summary.get('added')} added, {len(summary.get('failures', []))} failed")
    with running_service(args.work / "index") as client:
        report(records, exported(client, len(records)), client, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
