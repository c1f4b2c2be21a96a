"""The system catalog: queries about the database itself, answered by the gateway alone.

``system_catalog.SystemCatalog`` runs them over the catalog image (``image``); the other
modules are the image's rows and definitions and the system pipeline's rewrite rules
(``planner/rules.py`` declares their order with the planner's).
"""
