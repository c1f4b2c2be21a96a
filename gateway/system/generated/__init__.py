"""PostgreSQL 15's own catalog definitions, written by ``gateway/system/generate.py`` from a
running PostgreSQL 15 (``python -m duckflight.gateway.system.generate URL``): never edit
these modules by hand, run the generator again."""
