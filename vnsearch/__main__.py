"""`python -m vnsearch`: the same command line as the installed `vnsearch`."""

import sys

from vnsearch.cli import main

sys.exit(main())
