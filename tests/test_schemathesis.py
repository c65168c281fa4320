"""The OpenAPI document and the running server agree: schemathesis with every check (`-c all`)
finds nothing against `vnsearch serve` over an index of corpus/.

Schemathesis generates requests from searchsvc/openapi.json (valid ones, which must be
accepted, and invalid ones, which must be refused with a documented status) and checks each
answer's status, content type, headers and body against the document. The rules no schema
can state (date_to not before date_from, page × per_page within the depth, q readable by the
query language) are kept by tests/schemathesis_hooks.py. Bounded: 40 examples per operation
and a fixed seed (about a minute on 2 cores), so a failure reproduces.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.replicas import start_server

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
HOOKS = Path(__file__).resolve().parent / "schemathesis_hooks.py"
EXAMPLES_PER_OPERATION = 40
SEED = 20261202
RUN_TIMEOUT_S = 600


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("schemathesis") / "index"
    built = subprocess.run([sys.executable, "-m", "vnsearch", "index", str(ROOT / "corpus"), "--index", str(index_dir)],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    server = start_server(index_dir, threads=4, ready_timeout=40)
    try:
        yield server
    finally:
        server.stop()


def test_schemathesis_with_every_check_finds_no_disagreement_between_the_openapi_document_and_the_server(
        corpus_server, tmp_path):
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{corpus_server.url}/api/v1/openapi.json",
               "--checks", "all", "--max-examples", str(EXAMPLES_PER_OPERATION), "--seed", str(SEED),
               "--continue-on-failure", "--generation-database", "none", "--no-color", "--workers", "1",
               "--request-timeout", "10"]
    environment = {**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS),
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

    run = subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)

    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "No issues found" in run.stdout
