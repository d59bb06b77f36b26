"""``python -m incidents``: the command line (see :mod:`incidents.cli.app`).

Importing the package has already put the command's signal handlers in place
(:mod:`incidents._signals`), so an interrupt while the command line loads ends quietly.
"""

import sys

from incidents.cli import main

if __name__ == "__main__":
    sys.exit(main())
