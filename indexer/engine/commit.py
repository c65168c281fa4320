"""Committing the segments that indexing worker processes wrote, as one index generation.

Whoosh's own multi-process writer does this with its private steps (merge policy, finalize,
table of contents); the same steps are taken here for segments written by our workers.
"""

from __future__ import annotations


def finish_segment(writer):  # -> whoosh.codec.base.Segment | None
    """Writes out a worker's segment (None when it holds no document) without committing."""
    if not writer._added:
        writer._close_segment()
        return None
    return writer._finalize_segment()


def commit_with_segments(writer, segments: list, mergetype=None) -> None:
    """Commits the writer's own changes and the segments its workers wrote, as one generation.

    The same steps as Whoosh's own multi-process writer: the merge policy over the existing
    segments, the writer's own segment if it holds documents, then one table of contents.
    """
    final = writer._merge_segments(mergetype, None, None) + segments
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final)
    writer._finish()
