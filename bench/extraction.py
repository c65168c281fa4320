"""Metadata extraction judged against hand labels, and sanity-checked over a whole corpus.

`bench/labels/extraction-dev.jsonl` holds hand labels of 355 articles of
../shared/data/vietnews-train.jsonl.gz, one JSON object a line sorted by id, no header: `id`,
`split` (tune: rules are tuned on it; holdout: whether they generalize; see `split_of`), `kind`
(event | ordinary), `organizers` [{name (full official), parent, role (organizer | co-organizer
| host), as_written, evidence}], `date` (ISO; null unless the text gives the reported event's
year), `date_note`, `date_evidence`, `event_type` (null: no organized event), `event_evidence`,
`people` named in title and lead [{name, title, role, evidence}] and `notes`. It keeps ids,
labels and offsets only, never the article text, which belongs to its publishers and stays in
../shared/data/. An evidence {field, start, end} indexes the field as the corpus stores it:
NFC(article[field][start:end]) is the passage (a few fields are stored partly decomposed).

    python -m bench.extraction             # tune / holdout / all tables, then the val corpus
    python -m bench.extraction --details   # also every mismatch on tune
    python -m bench.extraction --no-labels --corpus train --dates-outside 40  # see bench.extraction_dates

Articles go through the JSON Lines reader (`indexer.ingest.reading.jsonl.parse_line`) as `vnsearch
index` reads them. Exit status 1 when a target is missed on tune; 0 with "skipped: ..." when
../shared/data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from bench.common import IR_DEV, SHARED_DATA
from bench.extraction_dates import RULE_IDS, YEARS, corpus_articles, dates_pass
from indexer.ingest.articles import Article, Organizer
from indexer.ingest.extraction.names import name_key
from indexer.ingest.reading.jsonl import jsonl_lines, parse_line
from indexer.search.facets import Codes
from indexer.text.vietnamese import TONE_MARKS, canonical, fold

LABELS = Path(__file__).parent / "labels" / "extraction-dev.jsonl"
# 80 more articles (ids 80000-104306) labelled blind, by someone who read neither the extractor
# nor its rules, after the rules were written: how they do on news nobody tuned them on.
CHECK = Path(__file__).parent / "labels" / "extraction-check.jsonl"
TRAIN = SHARED_DATA / "vietnews-train.jsonl.gz"
VAL = IR_DEV / "vietnews-val-title2article" / "corpus.jsonl.gz"
SPLITS = ("tune", "holdout", "all", "check")  # all: the dev set (tune and holdout)
MATCHED_EXACT = "matched organizers named exactly"  # share of the lenient matches
# Lower bounds on tune, by row of the table.
TARGETS = (("organizers exact F1", 0.92), (MATCHED_EXACT, 0.90), ("date precision", 0.97),
           ("event type accuracy", 0.85))
MAX_OUTSIDE_YEARS = 0.02
PROGRESS_EVERY = 5000
_WORD = re.compile(r"\w+")
# Newsroom abbreviations that a canonical organizer name spells out.
_NEWSROOM = re.compile(r"(?<!\w)(?:UBND|HĐND|TAND|VKSND|KSND|TP|Tp|HCM|GD|ĐT|CA|TN|MT|TW|MTTQ|GTVT|QLTT|TDTT|ĐH|THPT|THCS)(?!\w)")
_ROMAN = re.compile(r"[IVXLCDM]+")
# The labels name every ceremony "lễ" but a signing "lễ ký kết"; the extractor names finer kinds.
_LABEL_EVENT = {"lớp tập huấn": "tập huấn", "khóa bồi dưỡng": "lớp bồi dưỡng", "hội thi": "cuộc thi"}
# Types users can filter by that the labels' closed vocabulary lacks: its readers typed talks none
# ("fits no type of this list"), so a second figure reads these as none, beside the strict one.
_OUTSIDE_LABEL_VOCABULARY = {"hội đàm", "đối thoại", "buổi làm việc"}


def split_of(article_id: str) -> str:
    """"tune" for about 11 ids in 16 (the first hex digit of the id's sha1 below b), else "holdout"."""
    return "tune" if int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[0], 16) < 11 else "holdout"


def load_labels(path: Path = LABELS) -> list[dict]:
    """The label records, in file order."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def read_records(path: Path, ids: Iterable[str]) -> dict[str, dict]:
    """The corpus records of `ids` by id, reading the file only until all are found."""
    wanted, found = set(ids), {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("id") in wanted:
                found[record["id"]] = record
                if len(found) == len(wanted):
                    break
    return found


def extract(record: dict, path: Path = TRAIN) -> tuple[Article, float]:
    """The article `vnsearch index` makes of a vietnews record, and the seconds the reader took."""
    raw = json.dumps({k: record.get(k) for k in ("id", "title", "abstract", "body")}, ensure_ascii=False)
    started = time.perf_counter()
    article = parse_line(raw.encode("utf-8"), path, path.name, 1)
    if not isinstance(article, Article):
        raise ValueError(f"{record.get('id')}: {article}")
    return article, time.perf_counter() - started


def _name_key(name: str) -> str:
    return " ".join(canonical(name).split())


def _exact(a: str, b: str) -> bool:
    return _name_key(a) == _name_key(b)


def _lenient(a: str, b: str) -> bool:
    """Equal once folded, or one name's words run inside the other's ("Sở Y tế" in "Sở Y tế tỉnh X")."""
    short, long = sorted((_WORD.findall(fold(a)), _WORD.findall(fold(b))), key=len)
    return bool(short) and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def match_organizers(predicted: Iterable[Organizer], gold: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """One-to-one (predicted, gold) pairs: the exact ones first, then lenient ones among the rest."""
    free, unmatched = list(predicted), list(gold)
    pairs: tuple[list[tuple], list[tuple]] = ([], [])
    for found, same in zip(pairs, (_exact, _lenient)):
        for g in list(unmatched):
            hit = next((p for p in free if same(p.name, g["name"])), None)
            if hit is not None:
                free.remove(hit)
                unmatched.remove(g)
                found.append((hit, g))
    return pairs


def label_event_type(predicted: str | None) -> str | None:
    """The extractor's event type in the labels' coarser vocabulary."""
    if predicted and predicted.startswith("lễ ") and predicted != "lễ ký kết":
        return "lễ"
    return _LABEL_EVENT.get(predicted, predicted) if predicted else None


def _same_event(article: Article, label: dict, talks_as_none: bool = False) -> bool:
    predicted, gold = label_event_type(article.event_type), label["event_type"]
    if talks_as_none and predicted in _OUTSIDE_LABEL_VOCABULARY:
        predicted = None
    return predicted == gold or bool(predicted and gold and _exact(predicted, gold))


def score(label: dict, article: Article, scope: str = "") -> Counter:
    """The counts one article adds to its split; `scope` is the labelled text of people (title
    and lead): people predicted there are judged for precision."""
    c: Counter = Counter(articles=1)
    exact, lenient = match_organizers(article.organizers, label["organizers"])
    c.update(org_gold=len(label["organizers"]), org_pred=len(article.organizers), org_exact=len(exact),
             org_lenient=len(exact) + len(lenient))
    for p, g in exact:
        if g["parent"]:
            c.update(parent_gold=1, parent_right=bool(p.parent and _exact(p.parent, g["parent"])))
        elif p.parent:
            c["parent_extra"] += 1
    c.update(date_gold=bool(label["date"]), date_pred=bool(article.date),
             date_right=bool(article.date) and article.date == label["date"],
             date_covered=bool(label["date"] and article.date))
    c[f"source {article.date_source}"] += 1
    event_right = _same_event(article, label)
    c.update(event_right=event_right, event_gold=label["kind"] == "event",
             event_gold_right=label["kind"] == "event" and event_right,
             event_vocabulary_right=_same_event(article, label, talks_as_none=True))
    names = {_name_key(p.name) for p in article.people}
    gold_names = {_name_key(p["name"]) for p in label["people"]}
    in_scope = {n for n in names if n and n in _name_key(scope)}
    c.update(people_gold=len(label["people"]), people_pred=len(article.people),
             people_found=sum(_name_key(p["name"]) in names for p in label["people"]),
             people_pred_lead=len(in_scope), people_pred_right=len(in_scope & gold_names))
    return c


def people_scope(record: dict) -> str:
    """The text whose people are labelled: the title and the lead (`abstract`)."""
    return unicodedata.normalize("NFC", f"{record.get('title') or ''}\n{record.get('abstract') or ''}")


def differences(label: dict, article: Article) -> list[str]:
    """A line for each of organizers, date and event type where the article differs from its label."""
    found = []
    exact, _ = match_organizers(article.organizers, label["organizers"])
    if not len(exact) == len(label["organizers"]) == len(article.organizers):
        gold = "; ".join(f"{o['name']} «{o['as_written']}»" for o in label["organizers"]) or "-"
        pred = "; ".join(o.name + (f" ({o.parent})" if o.parent else "") for o in article.organizers) or "-"
        found.append(f"organizers gold: {gold}\n               pred: {pred}")
    if article.date != label["date"]:
        found.append(f"date gold {label['date']} ({label['date_note'] or '-'}), pred {article.date} ({article.date_source})")
    if not _same_event(article, label):
        found.append(f"event type gold {label['event_type']}, pred {article.event_type}")
    return found


def metrics(c: Counter) -> dict[str, tuple[float | None, str]]:
    """Each figure of a split by its row name: (value, or None when there is none; the counts)."""
    def ratio(num: str, den: str) -> tuple[float | None, str]:
        return (c[num] / c[den] if c[den] else None), f"{c[num]}/{c[den]}"

    rows: dict[str, tuple[float | None, str]] = {"articles": (None, str(c["articles"]))}
    rows["organizers gold / predicted"] = (None, f"{c['org_gold']} / {c['org_pred']}")
    for kind in ("exact", "lenient"):
        (p, p_n), (r, r_n) = ratio(f"org_{kind}", "org_pred"), ratio(f"org_{kind}", "org_gold")
        rows.update({f"organizers {kind} precision": (p, p_n), f"organizers {kind} recall": (r, r_n),
                     f"organizers {kind} F1": (2 * p * r / (p + r) if p and r else 0.0, "")})
    rows[MATCHED_EXACT] = ratio("org_exact", "org_lenient")
    rows["parent accuracy (gold parent)"] = ratio("parent_right", "parent_gold")
    rows["parents given, gold has none"] = (None, str(c["parent_extra"]))
    rows["dates gold / predicted"] = (None, f"{c['date_gold']} / {c['date_pred']}")
    rows["date precision"] = ratio("date_right", "date_pred")
    rows["date coverage (gold dated)"] = ratio("date_covered", "date_gold")
    rows["date recall (gold dated)"] = ratio("date_right", "date_gold")
    rows["date_source"] = (None, " ".join(f"{k[7:]}:{v}" for k, v in sorted(c.items()) if k.startswith("source ")))
    rows["event type accuracy"] = ratio("event_right", "articles")
    rows["event type accuracy, gold events"] = ratio("event_gold_right", "event_gold")
    rows["event type accuracy, talks as none"] = ratio("event_vocabulary_right", "articles")
    rows["people recall (title and lead)"] = ratio("people_found", "people_gold")
    rows["people precision (title and lead)"] = ratio("people_pred_right", "people_pred_lead")
    rows["people predicted (whole body)"] = (None, str(c["people_pred"]))
    return rows


def print_table(by_split: dict[str, Counter]) -> dict[str, dict]:
    """Prints the figures side by side for each split and returns them."""
    def cell(number: float | None, counts: str) -> str:
        if number is None:
            return counts or "-"
        return f"{number:.3f} ({counts})" if counts else f"{number:.3f}"

    figures = {name: metrics(by_split[name]) for name in SPLITS}
    print(f"{'':36}" + "".join(f"{name:>20}" for name in SPLITS))
    for row in figures["all"]:
        print(f"{row:36}" + "".join(f"{cell(*figures[s][row]):>20}" for s in SPLITS))
    return figures


def check_targets(figures: dict[str, dict]) -> bool:
    """Prints each target met or MISSED on tune (holdout beside it); True when all are met."""
    print("\ntargets (on tune; holdout and check in brackets):")
    missed = 0
    for what, bound in TARGETS:
        value = figures["tune"][what][0]
        met = value is None or value >= bound  # undefined (no date given at all): nothing is wrong
        missed += not met
        tune, held, check = ("n/a" if figures[s][what][0] is None else f"{figures[s][what][0]:.3f}"
                             for s in ("tune", "holdout", "check"))
        print(f"  {what} ≥ {bound}: {tune} [{held}, {check}] {'met' if met else 'MISSED'}")
    return not missed


def new_style(value: str) -> str:
    """The value with each word's tone where `canonical` puts it (Hòa → Hoà), case and i/y kept."""
    def restyle(match: re.Match[str]) -> str:
        word = match.group()
        styled = canonical(word)
        if _toneless(styled) != _toneless(word.lower()) or len(styled) != len(word):
            return word  # canonical also respelled y as i (Kỳ → kì): not a tone placement
        return "".join(s.upper() if w.isupper() else s for w, s in zip(word, styled))
    return _WORD.sub(restyle, unicodedata.normalize("NFC", value))


def _toneless(word: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word) if c not in TONE_MARKS))


def capitals(value: str) -> list[str]:
    """The all-capital words of 2+ letters in a value (UBND, TP, HCM), Roman numerals aside."""
    return [w for w in _WORD.findall(value) if len(w) > 1 and w.isalpha() and w.isupper() and not _ROMAN.fullmatch(w)]


def corpus_pass(path: Path) -> None:
    """Dates and organizer facet values over a whole BEIR corpus read as `vnsearch index` reads it."""
    total, dated, seconds = 0, 0, 0.0
    outside: list[str] = []
    sources: Counter = Counter()
    values: Counter = Counter()  # facet values: organizers' names and parents
    aliases: Counter = Counter()  # (as the text wrote it, canonical name)
    for item in jsonl_lines(path, file_id=path.name):
        started = time.perf_counter()
        article = parse_line(*item) if isinstance(item, tuple) else item
        seconds += time.perf_counter() - started
        total += 1
        if total % PROGRESS_EVERY == 0:
            print(f"  ... {total} articles", flush=True)
        if not isinstance(article, Article):
            print(f"  read failure: {article}")
            continue
        sources[article.date_source] += 1
        dated += bool(article.date)
        if article.date and not YEARS[0] <= int(article.date[:4]) <= YEARS[1]:
            outside.append(f"{article.id} {article.date}")
        values.update(v for o in article.organizers for v in (o.name, o.parent) if v)
        aliases.update((o.alias, o.name) for o in article.organizers if o.alias)
    share = len(outside) / dated if dated else 0.0
    print(f"\n{path.parent.name}: {total} articles, extraction {1000 * seconds / max(total, 1):.2f} ms/article")
    print(f"  dated: {dated / max(total, 1):.3f} ({dated}); outside {YEARS[0]}–{YEARS[1]}: {share:.3f} "
          f"({len(outside)}), target ≤ {MAX_OUTSIDE_YEARS} {'met' if share <= MAX_OUTSIDE_YEARS else 'MISSED'}")
    if outside:
        print("    e.g. " + ", ".join(outside[:10]))
    print("  date_source: " + ", ".join(f"{k}: {v}" for k, v in sources.most_common()))
    print(f"  organizer facet values (names and parents): {len(values)} distinct, {sum(values.values())} in all")
    spelled = Counter(name_key(v) for v in values)
    print(f"  bodies whose values are spelled more than one way (the facet lists each once): "
          f"{sum(n > 1 for n in spelled.values())}")
    words: Counter = Counter()
    for value, n in values.items():
        words.update({w: n for w in set(capitals(value))})
    checks = {"with a newsroom abbreviation (UBND, TP, GD, ĐT, CA ...)": lambda v: bool(_NEWSROOM.search(v)),
              "with an all-capital word": lambda v: bool(capitals(v)),
              "in the old tone placement": lambda v: v != new_style(v)}
    for what, offends in checks.items():
        found = Counter({v: n for v, n in values.items() if offends(v)})
        print(f"  values {what}: {len(found)} distinct, {sum(found.values())} in all")
        for value, n in found.most_common(10):
            print(f"      {n:5}  {value}" + (f"  → {new_style(value)}" if "tone" in what else ""))
    print("  the 20 most frequent all-capital words: " + ", ".join(f"{w} {n}" for w, n in words.most_common(20)))
    # The organizer facet's own vocabulary, filled as the index's facet table fills it.
    codes = Codes(name_key)
    for alias, name in aliases:
        codes.also_spelled(codes.code(name), alias)
    astray = Counter({(alias, name): n for (alias, name), n in aliases.items()
                      if any(codes.code(name) not in codes.codes_of([spelling])
                             for spelling in (alias, name.lower(), name.upper()))})
    print(f"  aliases as written (and names in lower or upper case) whose filter misses the body: "
          f"{len(astray)} of {len(aliases)} distinct, {sum(astray.values())} of {sum(aliases.values())} in all")
    for (alias, name), n in astray.most_common(10):
        print(f"      {n:5}  {alias!r} for {name!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every mismatch on tune")
    parser.add_argument("--no-corpus", action="store_true", help="skip the pass over the val corpus")
    parser.add_argument("--no-labels", action="store_true", help="skip the labelled set")
    parser.add_argument("--ids", type=Path, metavar="FILE",
                        help="judge only the labelled articles whose ids FILE lists, one a line "
                             "(e.g. one round's: python -m bench.extraction_sample --round 4)")
    parser.add_argument("--corpus", choices=("val", "train"), default="val",
                        help=f"the corpus of the dates pass: val, or train ids below {RULE_IDS:,} not labelled")
    parser.add_argument("--dates-outside", type=int, metavar="N",
                        help="a dates pass over --corpus, printing N dates outside the corpus's years in context")
    parser.add_argument("--dates-baseline", type=Path, metavar="FILE",
                        help="a dates pass saving each date to FILE, or comparing with FILE where it exists")
    args = parser.parse_args(argv)
    if not TRAIN.exists():
        print(f"skipped: no corpus at {TRAIN} (../shared/data is absent)")
        return 0
    labels = load_labels() + (load_labels(CHECK) if CHECK.exists() else [])
    if args.ids and not args.ids.is_file():
        parser.error(f"--ids {args.ids}: no such file")
    if args.ids:
        wanted = set(args.ids.read_text(encoding="utf-8").split())
        labels = [label for label in labels if label["id"] in wanted]
    met = args.no_labels or _labelled_set(labels, args.details)
    if args.dates_outside is not None or args.dates_baseline:
        ids = {label["id"] for label in labels}
        articles = corpus_articles(VAL) if args.corpus == "val" else corpus_articles(TRAIN, skip=ids, below=RULE_IDS)
        dates_pass(articles, args.corpus, outside_shown=args.dates_outside or 0, baseline=args.dates_baseline)
    elif not args.no_corpus:
        if VAL.exists():
            corpus_pass(VAL)
        else:
            print(f"\nskipped: no corpus at {VAL}")
    return 0 if met else 1


def _labelled_set(labels: list[dict], details: bool) -> bool:
    """Prints the figures of the labelled set; True when every target is met on tune."""
    records = read_records(TRAIN, (label["id"] for label in labels))
    extract(records[labels[0]["id"]])  # the gazetteer and caches load once a process, not per article
    by_split: dict[str, Counter] = {name: Counter() for name in SPLITS}
    mismatches, seconds = [], 0.0
    for label in labels:
        article, took = extract(records[label["id"]])
        seconds += took
        for name in (label["split"], "all") if label["split"] != "check" else ("check",):
            by_split[name].update(score(label, article, people_scope(records[label["id"]])))
        if label["split"] == "tune" and differences(label, article):
            mismatches.append((label, article))
    print(f"{LABELS.name} and {CHECK.name}: {len(labels)} labelled articles, extraction {1000 * seconds / len(labels):.2f} ms/article\n")
    met = check_targets(print_table(by_split))
    if details:
        print(f"\nmismatches on tune ({len(mismatches)}):")
        for label, article in mismatches:
            print(f"- {label['id']} ({label['kind']})\n    " + "\n    ".join(differences(label, article)))
    return met


if __name__ == "__main__":
    raise SystemExit(main())
