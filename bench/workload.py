"""The benchmark corpus (vietnews-train with synthetic metadata) and the fixed query mix.

The vietnews articles carry no date, organizer, source or event type. Each article gets
synthetic but deterministic metadata computed from its line number, so the filter and
facet queries have something to work on and every engine sees the same values.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest.articles import Article, Organizer
from indexer.text.vietnamese import fold

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPUS = DATA_DIR / "vietnews-train.jsonl.gz"

SOURCES = ("baochinhphu.vn", "moj.gov.vn", "mic.gov.vn", "moet.gov.vn", "hanoi.gov.vn", "hochiminhcity.gov.vn")
EVENT_TYPES = ("Hội thảo", "Hội nghị", "Tọa đàm", "Lễ ký kết", "Tập huấn")
# Real Vietnamese bodies with the body each belongs to (None: a top-level body).
ORGANIZERS = (
    ("Cục Chuyển đổi số quốc gia", "Bộ Thông tin và Truyền thông"),
    ("Cục An toàn thông tin", "Bộ Thông tin và Truyền thông"),
    ("Vụ Hợp tác quốc tế", "Bộ Tư pháp"),
    ("Cục Công nghệ thông tin", "Bộ Tư pháp"),
    ("Vụ Giáo dục Đại học", "Bộ Giáo dục và Đào tạo"),
    ("Sở Y tế", "Ủy ban nhân dân thành phố Hà Nội"),
    ("Sở Khoa học và Công nghệ", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    ("Tổng cục Thống kê", "Bộ Kế hoạch và Đầu tư"),
    ("Văn phòng Chính phủ", None),
    ("Viện Hàn lâm Khoa học xã hội Việt Nam", None),
)
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days + 1


def corpus_available() -> bool:
    return CORPUS.exists()


def synthetic_metadata(line: int) -> dict:
    """Date (2015–2024), source, event type and 0–2 organizers for the article on `line`."""
    rng = random.Random(line * 7919 + 17)
    date = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    organizers = tuple(Organizer(n, p) for n, p in rng.sample(ORGANIZERS, rng.choice((0, 1, 1, 1, 2))))
    event = EVENT_TYPES[rng.randrange(len(EVENT_TYPES))] if rng.random() < 0.8 else None
    return {"date": date.isoformat(), "source": SOURCES[rng.randrange(len(SOURCES))],
            "organizers": organizers, "event_type": event}


def read_corpus(limit: int, start: int = 0, path: Path = CORPUS) -> Iterator[Article]:
    """Articles `start+1`..`limit` of the file: title → title, abstract + body → body, plus
    synthetic metadata."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line, text in enumerate(stream, start=1):
            if line > limit:
                return
            if line <= start:
                continue
            record = json.loads(text)
            body = "\n".join(p for p in (record.get("abstract"), record.get("body")) if p)
            yield Article(id=record["id"], body=body, title=record.get("title") or None,
                          origin=f"{path}:{line}", **synthetic_metadata(line))


@dataclass(frozen=True)
class BenchQuery:
    """One query of the mix: text (empty: browse), kind, optional filters (display values)."""

    kind: str
    q: str = ""
    organizer: str | None = None
    source: str | None = None
    date_from: str | None = None  # YYYY-MM-DD
    date_to: str | None = None

    def label(self) -> str:
        parts = [self.q or "∅"]
        parts += [f"{k}={v}" for k, v in (("organizer", self.organizer), ("source", self.source),
                                          ("from", self.date_from), ("to", self.date_to)) if v]
        return " ".join(parts)


_WORD = re.compile(r"\w+")


def _words(title: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(title) if w.isalpha() and len(w) >= 2]


def query_mix(titles: list[str], seed: int = 6) -> list[BenchQuery]:
    """The fixed mix: 20 keyword queries of 1–3 title words, the same 20 without diacritics,
    10 two- or three-word phrases, 10 keywords with an organizer or a date filter, and
    5 empty queries with filters. `titles` come from the first 10k articles, so the mix is
    the same at every corpus size."""
    rng = random.Random(seed)
    usable = [w for w in (_words(t) for t in titles) if len(w) >= 3]
    queries: list[BenchQuery] = []
    keywords = []
    for _ in range(20):
        words = rng.choice(usable)
        size = rng.choice((1, 2, 2, 3))
        start = rng.randrange(len(words) - size + 1)
        keywords.append(" ".join(words[start:start + size]))
    queries += [BenchQuery("keywords", k) for k in keywords]
    queries += [BenchQuery("unaccented", fold(k)) for k in keywords]
    for _ in range(10):
        words = rng.choice(usable)
        size = rng.choice((2, 3))
        start = rng.randrange(len(words) - size + 1)
        queries.append(BenchQuery("phrase", '"' + " ".join(words[start:start + size]) + '"'))
    for i in range(10):
        word = rng.choice(rng.choice(usable))
        if i % 2:
            year = rng.randrange(2015, 2025)
            queries.append(BenchQuery("filtered", word, date_from=f"{year}-01-01", date_to=f"{year}-12-31"))
        else:
            name, parent = rng.choice(ORGANIZERS)
            queries.append(BenchQuery("filtered", word, organizer=parent or name))
    for i in range(5):
        name, parent = rng.choice(ORGANIZERS)
        year = rng.randrange(2015, 2025)
        if i % 2:
            queries.append(BenchQuery("browse", source=rng.choice(SOURCES), date_from=f"{year}-01-01",
                                      date_to=f"{year}-06-30"))
        else:
            queries.append(BenchQuery("browse", organizer=name, date_from=f"{year}-01-01", date_to=f"{year}-12-31"))
    return queries


def mix_titles(limit: int = 10_000) -> list[str]:
    """Titles of the first `limit` articles, the pool the query mix is drawn from."""
    return [a.title or "" for a in read_corpus(limit)]
