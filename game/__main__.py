"""`python -m game` runs the `integer-spel` command."""

import sys

from game.cli import main

sys.exit(main())
