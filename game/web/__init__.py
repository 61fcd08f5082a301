"""The web side of `integer-spel serve` (the page, the guard, the server)."""
