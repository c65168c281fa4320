"""Shared pieces of the reliability tests: hostile articles, a generated corpus, the indexer as a
subprocess, index snapshots and the figures file.

Run as a script (`python tests/reliability_helpers.py index-jsonl CORPUS... --index DIR`) it is
the stand-in indexer used only while `indexer.ingest.reading.read_articles` does not exist yet: it
reads JSON Lines into `Article`s and calls the real `build_index`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # when run as a script
    sys.path.insert(0, str(ROOT))

from indexer.ingest.articles import Article, Organizer  # noqa: E402
from waiting import wait_until  # noqa: E402

FIGURES_FILE = ROOT / "var" / "reliability-figures.txt"

# Markup, script URLs, entities and spreadsheet formulas in every field a reader sees.
SCRIPT = "<script>alert('xss')</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(document.cookie)"
ENTITY = "Bộ Nội vụ &amp; Bộ Tài chính &lt;b&gt;&#39;"
FORMULA = "=cmd|' /C calc'!A0"
HOSTILE_ARTICLES = [
    Article(id="doc-script", title=f"Hội thảo an ninh mạng {SCRIPT}",
            body=f"Hội thảo bàn về an ninh mạng {SCRIPT} và phòng chống mã độc {BREAKOUT} tại Hà Nội.",
            url=JS_URL, author=f"Nguyễn Văn An {BREAKOUT}", source=f"<b>nguon</b>{SCRIPT}", date="2024-01-02",
            event_type=f"hội thảo {SCRIPT}", organizers=(Organizer(f"Sở Thông tin {BREAKOUT}", f"UBND {SCRIPT}"),)),
    Article(id="doc-formula", title=f"{FORMULA} Hội nghị tổng kết an ninh mạng",
            body="@SUM(1+1)*cmd|' /C calc'!A0 Hội nghị tổng kết công tác an ninh mạng năm 2023.",
            url="JaVaScRiPt:alert(1)", author="+Trần Thị Bình", source="-moha.gov.vn", date="2023-12-20",
            event_type="=hội nghị", organizers=(Organizer("@Bộ Công an"),)),
    Article(id="doc-entity", title=f"Ký kết hợp tác an ninh mạng {ENTITY}",
            body=f"Lễ ký kết giữa {ENTITY} về an ninh mạng; đường dẫn data:text/html,<script>alert(2)</script>.",
            url="https://example.gov.vn/tin?a=1&b=<2>", author="Lê Văn Cường", source="example.gov.vn",
            date="2023-11-11", event_type="ký kết", organizers=(Organizer(ENTITY),)),
    Article(id='"><svg onload=alert(3)>', title="Tập huấn an ninh mạng cho cán bộ",
            body="Tập huấn kỹ năng an ninh mạng cho cán bộ công chức.", date="2023-10-01"),
]

_SENTENCES = [
    "Sáng nay, Bộ Nội vụ tổ chức hội thảo khoa học về xây dựng chính phủ số.",
    "Học viện Hành chính Quốc gia phối hợp tổ chức lớp bồi dưỡng cán bộ, công chức.",
    "Ủy ban nhân dân tỉnh khánh thành công trình thủy lợi phục vụ nông nghiệp.",
    "Đại biểu thảo luận về cải cách hành chính và ứng dụng công nghệ thông tin.",
    "Hội nghị tổng kết công tác năm và triển khai nhiệm vụ trọng tâm năm tới.",
    "Các địa phương đẩy mạnh chuyển đổi số trong cung cấp dịch vụ công trực tuyến.",
    "Đoàn công tác làm việc với Sở Nội vụ về tinh giản biên chế.",
    "Lễ ký kết hợp tác giữa hai học viện diễn ra tại Hà Nội.",
]
_SOURCES = ["moha.gov.vn", "napa.vn", "quanlynhanuoc.vn", "chinhphu.vn"]
_ORGANIZERS = ["Bộ Nội vụ", "Học viện Hành chính Quốc gia", "Ủy ban nhân dân tỉnh"]


def generated_record(number: int, marker: str = "") -> dict:
    """A JSON Lines article record, Vietnamese, varied by `number`; `marker` goes into title and body."""
    rng = random.Random(number)
    body = " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(4, 9)))
    return {
        "id": f"bai-{number:05d}",
        "title": f"Bản tin số {number} {marker}".strip(),
        "body": f"{body} {marker}".strip(),
        "url": f"https://{_SOURCES[number % 4]}/tin/{number}",
        "source": _SOURCES[number % 4],
        "date": f"20{20 + number % 5}-{1 + number % 12:02d}-{1 + number % 28:02d}",
        "author": "Phòng Truyền thông",
        "organizer": _ORGANIZERS[number % 3],
    }


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def reader_is_ready() -> bool:
    """Whether the project's own reader (`indexer.ingest.reading.read_articles`) can be imported."""
    if importlib.util.find_spec("indexer.ingest.reading") is None:
        return False
    try:
        from indexer.ingest.reading import read_articles  # noqa: F401
    except ImportError:
        return False
    return True


def indexer_command(paths: list[Path], index_dir: Path, *extra: str) -> list[str]:
    """argv of a real indexing run: `python -m vnsearch index`, or the stand-in until reading exists."""
    if reader_is_ready():
        return [sys.executable, "-m", "vnsearch", "index", *map(str, paths), "--index", str(index_dir), *extra]
    return [sys.executable, str(Path(__file__).resolve()), "index-jsonl", *map(str, paths),
            "--index", str(index_dir), *extra]


def indexer_name() -> str:
    return "python -m vnsearch index" if reader_is_ready() else "tests/reliability_helpers.py index-jsonl (build_index)"


def _jsonl_articles(paths: list[Path]) -> Iterator[Article]:
    for path in paths:
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
                if line.strip():
                    record = json.loads(line)
                    organizers = (Organizer(record["organizer"]),) if record.get("organizer") else ()
                    yield Article(id=record["id"], title=record.get("title"), body=record["body"],
                                  url=record.get("url"), source=record.get("source"), date=record.get("date"),
                                  author=record.get("author"), organizers=organizers, origin=f"{file}:{number}")


def _index_jsonl(argv: list[str]) -> int:
    import argparse

    from indexer.index.build import build_index
    from indexer.index.store import IndexError_

    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    try:
        summary = build_index(_jsonl_articles(args.paths), args.index, rebuild=args.rebuild, jobs=args.jobs)
    except IndexError_ as error:  # what the CLI does with the store's errors
        print(f"vnsearch: {error}", file=sys.stderr)
        return 2
    print(f"{args.index}: {summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged")
    return 0


def index_snapshot(index_dir: Path) -> dict[str, str]:
    """name → sha256 of every file in the index directory."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(index_dir.iterdir()) if p.is_file()}


def record_figure(line: str) -> None:
    """Prints a measured figure and appends it to var/reliability-figures.txt."""
    stamped = f"{time.strftime('%Y-%m-%d %H:%M:%S')} {line}"
    print(f"\n[reliability] {line}", flush=True)
    FIGURES_FILE.parent.mkdir(parents=True, exist_ok=True)
    with FIGURES_FILE.open("a", encoding="utf-8") as stream:
        stream.write(stamped + "\n")


@pytest.fixture(scope="session")
def figure(pytestconfig):
    """figure(line): records a measured figure and shows it on the terminal even when output is captured."""
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")

    def emit(line: str) -> None:
        with capture.global_and_fixture_disabled():
            record_figure(line)

    return emit


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float = 30.0) -> None:
    def accepts() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    wait_until(accepts, seconds, f"a server accepting connections on 127.0.0.1:{port}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["index-jsonl"]:
        sys.exit(_index_jsonl(sys.argv[2:]))
    sys.exit(f"usage: {sys.argv[0]} index-jsonl PATH... --index DIR [--rebuild] [--jobs N]")
