"""The replica sites: every public module here defines `SITE`, found by `site_classes()`.

Modules whose name starts with an underscore are helpers (page templates), not sites.
"""
