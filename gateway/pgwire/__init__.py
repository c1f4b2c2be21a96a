"""Postgres wire protocol: message codec and state machine (no I/O), Arrow encoders, and the socket server."""
