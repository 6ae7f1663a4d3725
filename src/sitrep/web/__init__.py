"""sitrep's read-only web layer: a REST API over the store and the dashboard that uses it."""
