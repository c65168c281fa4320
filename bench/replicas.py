"""Running `vnsearch serve` as real processes, and the two-replica demonstration.

    python -m bench.replicas [--out var/bench/results/replicas.json]

The demonstration builds a small index of literal Vietnamese articles under a temporary
directory, starts two production servers (`vnsearch serve`, waitress) on two free ports
of 127.0.0.1 over that one directory, adds an article with the indexer (a second
process would do the same: the index is files, the writer takes a lock), and polls both
servers until each returns the new article, without a restart. It prints the time each
replica took to serve the new generation.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest.articles import Article, Organizer

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """One `vnsearch serve` subprocess on 127.0.0.1."""

    process: subprocess.Popen
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get_json(self, path: str, params: dict | None = None, timeout: float = 10.0) -> dict:
        query = ("?" + urllib.parse.urlencode(params, doseq=True)) if params else ""
        with urllib.request.urlopen(self.url + path + query, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))

    def worker_pids(self) -> list[int]:
        """The worker processes of a `--workers N` server (none for a single process)."""
        pids: list[int] = []
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            pids += [int(pid) for pid in (task / "children").read_text().split()]
        return pids

    def rss_mb(self) -> tuple[float, float]:
        """(current, peak) resident memory of the server's processes, MB."""
        memory = self.memory_mb()
        return memory["VmRSS"], memory["VmHWM"]

    def memory_mb(self) -> dict[str, float]:
        """VmRSS, VmHWM, RssAnon (private), RssFile (mapped index files) and Pss in MB, summed
        over the server's processes. RssFile counts the index pages once per process that maps
        them, which the page cache holds once; Pss shares each page among the processes that
        map it, so its sum is the memory the whole service takes."""
        wanted = ("VmRSS", "VmHWM", "RssAnon", "RssFile", "Pss")
        total = dict.fromkeys(wanted, 0.0)
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                status = Path(f"/proc/{pid}/status").read_text() + Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue  # a worker being replaced
            for line in status.splitlines():
                name = line.split(":")[0]
                if name in wanted:
                    total[name] += int(line.split()[1]) / 1024
        return total

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(index_dir: Path, threads: int = 8, log_path: Path | None = None,
                 ready_timeout: float = 60.0, workers: int = 1) -> Server:
    """Starts `vnsearch serve` on a free port and waits until /healthz answers."""
    port = free_port()
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL
    command = [sys.executable, "-m", "vnsearch", "serve", "--index", str(index_dir),
               "--host", "127.0.0.1", "--port", str(port), "--threads", str(threads), "--workers", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    server = Server(process, port)
    deadline = time.monotonic() + ready_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"vnsearch serve exited with {process.returncode}")
        try:
            server.get_json("/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"vnsearch serve did not answer on port {port} within {ready_timeout:.0f}s")


SEED_ARTICLES = (
    Article(id="mic-2023-chuyen-doi-so", title="Hội thảo chuyển đổi số quốc gia năm 2023",
            body="Ngày 12/10/2023, Cục Chuyển đổi số quốc gia tổ chức hội thảo về chính phủ số và "
                 "dữ liệu mở tại Hà Nội.", source="mic.gov.vn", date="2023-10-12",
            organizers=(Organizer("Cục Chuyển đổi số quốc gia", "Bộ Thông tin và Truyền thông"),)),
    Article(id="moj-2022-hop-tac", title="Tọa đàm hợp tác quốc tế về pháp luật",
            body="Vụ Hợp tác quốc tế, Bộ Tư pháp phối hợp tổ chức tọa đàm trao đổi kinh nghiệm "
                 "xây dựng pháp luật.", source="moj.gov.vn", date="2022-05-20",
            organizers=(Organizer("Vụ Hợp tác quốc tế", "Bộ Tư pháp"),)),
)
NEW_ARTICLE = Article(
    id="moet-2024-dai-hoc", title="Hội nghị tự chủ đại học năm 2024",
    body="Bộ Giáo dục và Đào tạo tổ chức hội nghị về tự chủ đại học và kiểm định chất lượng.",
    source="moet.gov.vn", date="2024-03-08",
    organizers=(Organizer("Vụ Giáo dục Đại học", "Bộ Giáo dục và Đào tạo"),))


def ids_for(server: Server, q: str | dict) -> list[str]:
    """Ids on the first page of a search: `q` is the query text or all the parameters."""
    params = q if isinstance(q, dict) else {"q": q}
    return [hit["id"] for hit in server.get_json("/api/v1/search", params)["hits"]]


def wait_for_document(servers: list[Server], q: str | dict, doc_id: str, timeout: float) -> dict[int, float]:
    """Polls every server until each returns `doc_id` for `q`; seconds each took, by port.

    Each waitress thread holds its own searcher and checks for a new generation once a
    second, so one answer with the document does not mean the next thread has it yet."""
    started = time.monotonic()
    seen: dict[int, float] = {}
    while len(seen) < len(servers) and time.monotonic() - started < timeout:
        for server in servers:
            if server.port not in seen and doc_id in ids_for(server, q):
                seen[server.port] = time.monotonic() - started
        time.sleep(0.1)
    return seen


def demonstrate(workdir: Path, timeout: float = 20.0) -> dict:
    """Two servers over one index, one update by the indexer; what each served and when."""
    from indexer.index.build import build_index

    index_dir = workdir / "index"
    build_index(list(SEED_ARTICLES), index_dir, rebuild=True, jobs=1)
    servers = [start_server(index_dir, threads=4), start_server(index_dir, threads=4)]
    try:
        before = {s.port: ids_for(s, "tự chủ đại học") for s in servers}
        pids_before = [s.process.pid for s in servers]
        committed = time.monotonic()
        build_index([NEW_ARTICLE], index_dir, jobs=1)
        commit_s = time.monotonic() - committed
        seen = wait_for_document(servers, "tu chu dai hoc", NEW_ARTICLE.id, timeout)
        alive = all(s.process.poll() is None for s in servers)
        return {"ports": [s.port for s in servers], "before": before, "commit_seconds": commit_s,
                "served_after_seconds": seen, "same_processes": alive and pids_before == [s.process.pid for s in servers]}
    finally:
        for server in servers:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.replicas", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="write the result as JSON here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vnsearch-replicas-") as tmp:
        result = demonstrate(Path(tmp))
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    ok = len(result["served_after_seconds"]) == 2 and result["same_processes"]
    print("both replicas serve the new article without a restart" if ok else "FAILED: a replica did not")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
