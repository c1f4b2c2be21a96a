"""The gateway: Postgres wire front end, sessions, catalog, planner, scheduler and CLI."""
