"""Ingest: articles read from files (reading/) and their metadata (extraction/)."""
