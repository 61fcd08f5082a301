"""The game rules as plain modules: round state, tallies, walkthrough state, practice."""
