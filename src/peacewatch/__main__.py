"""`python -m peacewatch`: the command line."""

from peacewatch.cli import main

main()
