"""The engines measured beside vnsearch on the same documents and the same query mix.

- Whoosh with its StandardAnalyzer, one writer process, facets with `groupedby`;
- SQLite FTS5 (`unicode61 remove_diacritics 2`, đ folded to d beforehand), facets with GROUP BY;
- tantivy (syllables + lowercase + ascii_fold), facets with terms aggregations.

Each engine has `build(articles, directory, first) -> None`, which creates the index when
`first` and otherwise adds the articles to it, and a constructor `Engine(directory)` whose
`search(query) -> Answer` answers one query. Facets are counted the way vnsearch counts them: over every
match, each facet ignoring its own filter (year and month ignore the date filter).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest.articles import Article
from bench.workload import BenchQuery

FACETS = ("organizer", "source", "event_type", "year", "month")
TOP = 10


@dataclass
class Answer:
    """What every engine returns for a query: total, facet counts, ids of the first page."""

    total: int
    facets: dict[str, dict[str, int]]
    ids: list[str]


def facet_record(article: Article) -> dict:
    """The facet values of an article as every baseline stores them (organizers with parents)."""
    organizers = sorted({o.name for o in article.organizers} | {o.parent for o in article.organizers if o.parent})
    date = article.date or ""
    return {"organizer": organizers, "source": article.source or "", "event_type": article.event_type or "",
            "year": date[:4], "month": date[:7], "date": int(date.replace("-", "")) if date else 0}


def filters_of(query: BenchQuery) -> dict[str, object]:
    """The query's filters by name: organizer, source, date (yyyymmdd bounds)."""
    found: dict[str, object] = {}
    if query.organizer:
        found["organizer"] = query.organizer
    if query.source:
        found["source"] = query.source
    if query.date_from or query.date_to:
        lo = int((query.date_from or "0001-01-01").replace("-", ""))
        hi = int((query.date_to or "9999-12-31").replace("-", ""))
        found["date"] = (lo, hi)
    return found


def facet_plan(filters: dict[str, object]) -> dict[tuple[str, ...], list[str]]:
    """Which facets are counted under which filters: each facet leaves its own filter out."""
    plan: dict[tuple[str, ...], list[str]] = {}
    for facet in FACETS:
        own = "date" if facet in ("year", "month") else facet
        plan.setdefault(tuple(sorted(k for k in filters if k != own)), []).append(facet)
    return plan


def _words(text: str) -> list[str]:
    return text.replace('"', " ").split()


# ---------------------------------------------------------------- Whoosh, StandardAnalyzer

class WhooshEngine:
    """Whoosh 2.7 with StandardAnalyzer on title and body, one process, `groupedby` facets."""

    name = "whoosh"

    @staticmethod
    def schema():
        from whoosh.analysis import StandardAnalyzer
        from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

        return Schema(
            id=ID(stored=True, unique=True), title=TEXT(analyzer=StandardAnalyzer(), stored=True),
            body=TEXT(analyzer=StandardAnalyzer()), organizer=KEYWORD(commas=True, lowercase=False),
            source=ID(sortable=True), event_type=ID(sortable=True), year=ID(sortable=True),
            month=ID(sortable=True), date=NUMERIC(int, bits=32),
        )

    @classmethod
    def build(cls, articles: Iterable[Article], directory: Path, first: bool = True) -> None:
        from whoosh import index

        directory.mkdir(parents=True, exist_ok=True)
        ix = index.create_in(str(directory), cls.schema()) if first else index.open_dir(str(directory))
        writer = ix.writer(procs=1, limitmb=256)
        for a in articles:
            f = facet_record(a)
            writer.add_document(id=a.id, title=a.title or "", body=a.body, organizer=",".join(f["organizer"]),
                                source=f["source"], event_type=f["event_type"], year=f["year"],
                                month=f["month"], date=f["date"])
        writer.commit()

    def __init__(self, directory: Path) -> None:
        from whoosh import index
        from whoosh.qparser import AndGroup, MultifieldParser

        self.ix = index.open_dir(str(directory))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["title", "body"], self.ix.schema, group=AndGroup)

    def _filter(self, filters: dict, names: Iterable[str]):
        from whoosh import query as wq

        parts = []
        for name in names:
            value = filters[name]
            if name == "date":
                parts.append(wq.NumericRange("date", value[0], value[1]))
            else:
                parts.append(wq.Term(name, value))
        return wq.And(parts) if parts else None

    def search(self, query: BenchQuery) -> Answer:
        from whoosh import query as wq
        from whoosh import sorting

        text = self.parser.parse(query.q) if query.q else wq.Every()
        filters = filters_of(query)
        facets: dict[str, dict[str, int]] = {}
        for names, wanted in facet_plan(filters).items():
            groups = {f: sorting.FieldFacet(f, allow_overlap=(f == "organizer")) for f in wanted}
            results = self.searcher.search(text, filter=self._filter(filters, names), groupedby=groups,
                                           maptype=sorting.Count, limit=TOP)
            for f in wanted:
                facets[f] = {k: v for k, v in results.groups(f).items() if k}
        results = self.searcher.search(text, filter=self._filter(filters, filters), limit=TOP)
        return Answer(len(results), facets, [hit["id"] for hit in results])


# ---------------------------------------------------------------- SQLite FTS5

def _fold_d(text: str) -> str:
    return text.replace("đ", "d").replace("Đ", "D")


class Fts5Engine:
    """SQLite FTS5 over title and body; facet values in plain tables, counted with GROUP BY."""

    name = "fts5"

    @staticmethod
    def build(articles: Iterable[Article], directory: Path, first: bool = True) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "fts5.db"
        if first:
            path.unlink(missing_ok=True)
        db = sqlite3.connect(path)
        db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE VIRTUAL TABLE IF NOT EXISTS fts
                USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
            CREATE TABLE IF NOT EXISTS meta(rowid INTEGER PRIMARY KEY, id TEXT, source TEXT,
                                            event_type TEXT, year TEXT, month TEXT, date INTEGER);
            CREATE TABLE IF NOT EXISTS orgs(docid INTEGER, org TEXT);
        """)
        start = db.execute("SELECT coalesce(max(rowid), 0) FROM meta").fetchone()[0]
        with db:
            for rowid, a in enumerate(articles, start=start + 1):
                f = facet_record(a)
                db.execute("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)",
                           (rowid, _fold_d(a.title or ""), _fold_d(a.body)))
                db.execute("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (rowid, a.id, f["source"], f["event_type"], f["year"], f["month"], f["date"]))
                db.executemany("INSERT INTO orgs VALUES (?, ?)", [(rowid, o) for o in f["organizer"]])
            db.executescript("""
                CREATE INDEX IF NOT EXISTS orgs_org ON orgs(org, docid);
                CREATE INDEX IF NOT EXISTS orgs_doc ON orgs(docid);
                INSERT INTO fts(fts) VALUES ('optimize');
            """)
        db.close()

    def __init__(self, directory: Path) -> None:
        self.db = sqlite3.connect(f"file:{directory / 'fts5.db'}?mode=ro", uri=True)

    @staticmethod
    def match_expression(q: str) -> str:
        words = _words(_fold_d(q))
        if q.startswith('"'):
            return '"' + " ".join(words) + '"'
        return " ".join(f'"{w}"' for w in words)

    def _where(self, filters: dict, names: Iterable[str], browse: bool) -> tuple[str, list]:
        clauses, params = ([] if browse else ["meta.rowid IN (SELECT d FROM temp.m)"]), []
        for name in names:
            value = filters[name]
            if name == "date":
                clauses.append("meta.date BETWEEN ? AND ?")
                params += list(value)
            elif name == "organizer":
                clauses.append("meta.rowid IN (SELECT docid FROM orgs WHERE org = ?)")
                params.append(value)
            else:
                clauses.append(f"meta.{name} = ?")
                params.append(value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def search(self, query: BenchQuery) -> Answer:
        db = self.db
        browse = not query.q
        ids: list[str] = []
        if not browse:
            expression = self.match_expression(query.q)
            db.execute("DROP TABLE IF EXISTS temp.m")
            db.execute("CREATE TEMP TABLE m(d INTEGER PRIMARY KEY)")
            db.execute("INSERT INTO temp.m SELECT rowid FROM fts WHERE fts MATCH ?", (expression,))
        filters = filters_of(query)
        facets: dict[str, dict[str, int]] = {}
        for names, wanted in facet_plan(filters).items():
            where, params = self._where(filters, names, browse)
            for f in wanted:
                if f == "organizer":
                    sql = f"SELECT org, count(*) FROM orgs JOIN meta ON meta.rowid = orgs.docid{where} GROUP BY org"
                else:
                    sql = f"SELECT {f}, count(*) FROM meta{where} GROUP BY {f}"
                facets[f] = {k: n for k, n in db.execute(sql, params) if k}
        where, params = self._where(filters, filters, browse)
        total = db.execute(f"SELECT count(*) FROM meta{where}", params).fetchone()[0]
        if browse:
            rows = db.execute(f"SELECT id FROM meta{where} ORDER BY date DESC LIMIT {TOP}", params)
        else:
            extra = where.replace(" WHERE ", " AND ", 1) if where else ""
            rows = db.execute(
                f"SELECT meta.id FROM fts JOIN meta ON meta.rowid = fts.rowid WHERE fts MATCH ?{extra} "
                f"ORDER BY fts.rank LIMIT {TOP}", [expression, *params])
        ids = [r[0] for r in rows]
        return Answer(total, facets, ids)


# ---------------------------------------------------------------- tantivy

class TantivyEngine:
    """tantivy with syllables (simple tokenizer) + lowercase + ascii_fold; terms aggregations."""

    name = "tantivy"

    @staticmethod
    def _schema_and_index(directory: Path, create: bool):
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="vn")
        builder.add_text_field("body", tokenizer_name="vn")
        for name in ("organizer", "source", "event_type", "year", "month"):
            builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
        builder.add_integer_field("date", fast=True, indexed=True)
        schema = builder.build()
        directory.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(schema, path=str(directory), reuse=not create)
        analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                    .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())
        index.register_tokenizer("vn", analyzer)
        return schema, index

    @classmethod
    def build(cls, articles: Iterable[Article], directory: Path, first: bool = True) -> None:
        import tantivy

        _, index = cls._schema_and_index(directory, create=first)
        writer = index.writer(heap_size=256_000_000)
        for a in articles:
            f = facet_record(a)
            doc = tantivy.Document(id=a.id, title=a.title or "", body=a.body, source=f["source"],
                                   event_type=f["event_type"], year=f["year"], month=f["month"], date=f["date"])
            for organizer in f["organizer"]:
                doc.add_text("organizer", organizer)
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()

    def __init__(self, directory: Path) -> None:
        import tantivy

        self.t = tantivy
        self.schema, self.index = self._schema_and_index(directory, create=False)
        self.index.reload()
        self.searcher = self.index.searcher()

    def _query(self, q: str, filters: dict, names: Iterable[str]):
        t = self.t
        if q.startswith('"'):
            text = self.index.parse_query('"' + " ".join(_words(q)) + '"', ["title", "body"])
        elif q:
            text = self.index.parse_query(" ".join("+" + w for w in _words(q)), ["title", "body"])
        else:
            text = t.Query.all_query()
        parts = [(t.Occur.Must, text)]
        for name in names:
            value = filters[name]
            if name == "date":
                parts.append((t.Occur.Must, t.Query.range_query(self.schema, "date", t.FieldType.Integer,
                                                                value[0], value[1])))
            else:
                parts.append((t.Occur.Must, t.Query.term_query(self.schema, name, value)))
        return text if len(parts) == 1 else t.Query.boolean_query(parts)

    def search(self, query: BenchQuery) -> Answer:
        filters = filters_of(query)
        facets: dict[str, dict[str, int]] = {}
        for names, wanted in facet_plan(filters).items():
            aggs = {f: {"terms": {"field": f, "size": 500}} for f in wanted}
            found = self.searcher.aggregate(self._query(query.q, filters, names), aggs)
            for f in wanted:
                facets[f] = {b["key"]: b["doc_count"] for b in found[f]["buckets"] if b["key"]}
        result = self.searcher.search(self._query(query.q, filters, filters), TOP, count=True)
        ids = [self.searcher.doc(address)["id"][0] for _, address in result.hits]
        return Answer(result.count, facets, ids)


ENGINES = {e.name: e for e in (WhooshEngine, Fts5Engine, TantivyEngine)}
