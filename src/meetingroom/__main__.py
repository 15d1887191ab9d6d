"""`python -m meetingroom`."""

import sys

from meetingroom.cli import main

sys.exit(main())
