"""The `vnsearch` command line, above the library and the web app."""
