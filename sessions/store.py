"""SQLite store of anonymous session records (placeholder: the API the app codes against)."""
