"""`python -m crossing.web.outbox`: the worker, as `crossing serve --production` starts it."""

import sys

from crossing.cli import main

sys.argv = ["crossing", "worker", *sys.argv[1:]]
main()
