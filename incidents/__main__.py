"""``python -m incidents``: the command line (see :mod:`incidents.cli.main`)."""

import sys

from incidents.cli import main

if __name__ == "__main__":
    sys.exit(main())
