"""Handlers of the `integer-spel` subcommands; the printing ones never import Textual."""
