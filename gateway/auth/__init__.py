"""Who may connect to the Postgres port, and how they prove it (PostgreSQL's client authentication).

``users.py`` is the users file (PostgreSQL's pg_authid: verifiers, never passwords), ``hba.py``
the rules of who may connect from where (pg_hba.conf), ``exchange.py`` the password exchanges
(SCRAM-SHA-256, md5, cleartext) as the no-I/O protocol drives them, and ``policy.py`` puts the
three together from the gateway's settings. ``user_command.py`` is ``duckflight user``.
"""
