"""`python -m optout` is the same as `optout`."""

from optout.cli import main

main()
