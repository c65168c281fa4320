"""`vnsearch ... | head -1`: a reader that goes away early ends the command quietly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

CLOSED_PIPE = 141  # 128 + SIGPIPE: the status a shell reports for a command whose reader went away


@pytest.mark.parametrize("command", [
    ["search", "hội nghị"],
    ["search", "hội thảo", "--json"],
    ["stats"],
], ids=" ".join)
def test_a_pipe_closed_before_the_output_ends_the_command_quietly(small_index, command):
    with subprocess.Popen([sys.executable, "-m", "vnsearch", *command, "--index", str(small_index)],
                          cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        process.stdout.close()  # type: ignore[union-attr]  # the reader is gone before the first line

        errors = process.stderr.read().decode("utf-8")  # type: ignore[union-attr]
        status = process.wait(timeout=60)

    assert errors == ""
    assert status == CLOSED_PIPE


def test_search_piped_into_head_prints_its_first_line_and_no_traceback(small_index):
    finished = subprocess.run(f'"{sys.executable}" -m vnsearch search "hội nghị" --index "{small_index}" | head -1',
                              shell=True, cwd=ROOT, capture_output=True, text=True, timeout=60)

    assert finished.stdout.splitlines()[0].endswith("ms)")
    assert "Traceback" not in finished.stderr and "BrokenPipeError" not in finished.stderr
