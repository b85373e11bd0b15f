"""``python -m ilacs``: the command line (see :mod:`ilacs.cli`)."""

import sys

from ilacs.cli import main

if __name__ == "__main__":
    sys.exit(main())
