"""The catalog: which tables exist, their files, columns and types.

Every subfolder or file of the data folder is a table named after it (without
the extension), spelled as it is: a folder ``MyTable`` is PostgreSQL's
``"MyTable"``. A folder holds Parquet or CSV files, searched recursively; its
table is typed from the Parquet footers (or, for CSV, from DuckDB's sniffer
run once, so that every split is parsed the same way).

Column names are kept as the files spell them (``Table.names``, what clients
see and queries resolve against). DuckDB ignores case when it binds names and
renames a column whose name differs only in case from an earlier one (``a``,
``A`` reads as ``a``, ``A_1``); ``Table.columns`` holds the names DuckDB reads
them by, which planner rules and workers use.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet
from sqlglot.schema import MappingSchema

from duckflight.gateway.errors import FILE_STATES, from_exception
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.splits import SPLIT_ROWS, Split, csv_splits, parquet_splits
from duckflight.protos import fragment_pb2
from duckflight.gateway.core.identifiers import quote_literal

log = logging.getLogger(__name__)

FORMATS = {".parquet": "parquet", ".parq": "parquet", ".csv": "csv", ".tsv": "csv"}


@dataclass
class Table:
    """A named set of files of one format, with its columns in file order."""

    name: str
    format: str
    files: list[str]
    columns: list[tuple[str, str]]  # (name DuckDB reads it by, DuckDB type), in file order
    csv: fragment_pb2.CsvOptions | None = None
    row_count: int | None = None  # from Parquet footers; None for CSV
    bytes: int = 0  # total size of the files
    splits: list[Split] = field(default_factory=list)  # default: one per file
    error: SqlError | None = None  # set when a file could not be read: every query of the table fails with it
    # The columns' names as the files spell them (PostgreSQL's names), in the order of
    # ``columns``; empty: DuckDB's. They differ only where DuckDB renamed a name that
    # differs from an earlier one only in case.
    names: list[str] = field(default_factory=list)
    # {path: (size in bytes, modification time in ns)} when catalogued: fragments carry
    # them and workers refuse a file that changed since (catalog_watch.py).
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self):
        if not self.splits:
            self.splits = [Split(path) for path in self.files]
        if not self.names:
            self.names = [name for name, _ in self.columns]

    def column_types(self) -> dict[str, str]:
        """{name DuckDB reads it by: DuckDB type}: what planner rules look columns up by."""
        return dict(self.columns)

    def pg_columns(self) -> list[tuple[str, str]]:
        """(PostgreSQL's name, DuckDB type) of every column: what queries resolve names against."""
        return [(name, kind) for name, (_, kind) in zip(self.names, self.columns)]

    def duckdb_names(self) -> dict[str, str]:
        """{PostgreSQL's name: the name DuckDB reads the column by}."""
        return {name: duckdb for name, (duckdb, _) in zip(self.names, self.columns)}

    def check_readable(self) -> None:
        """Raise the error that made this table unreadable when it was catalogued, if any."""
        if self.error is not None:
            e = self.error
            raise SqlError(e.sqlstate, e.message, detail=e.detail, hint=e.hint)


@dataclass
class Catalog:
    """All tables of the database ``duckflight``, schema ``public``: one version of the
    data folder. A catalog is never changed once built; a newer one replaces it
    (``from_folder(..., previous=)``, ``catalog_watch.py``), so a query planned over one
    reads one consistent list of files."""

    tables: dict[str, Table] = field(default_factory=dict)
    # {entry of the data folder: its files' (path, size, mtime_ns)}: what this version saw.
    entries: dict[str, tuple] = field(default_factory=dict)
    root: Path | None = None  # the data folder; None: not read from one (tests)
    split_rows: int = SPLIT_ROWS
    version: int = 0  # one more than the catalog it replaced: plans are cached per version

    def get(self, name: str) -> Table | None:
        return self.tables.get(name)

    def sqlglot_schema(self) -> MappingSchema:
        """{table: {column: type}} by PostgreSQL's names, for sqlglot's qualify and annotate_types.

        Not normalized: sqlglot would fold the names to lower case as if unquoted, and
        a column ``IsEven`` would be ``iseven``. Queries are normalized instead
        (``qualify_query``), so ``"IsEven"`` matches and ``IsEven`` does not, as in PostgreSQL.
        """
        return MappingSchema(self.column_types(), dialect="postgres", normalize=False)

    def column_types(self) -> dict[str, dict[str, str]]:
        """{table: {column: type}} by PostgreSQL's names: what ``sqlglot_schema`` holds.

        sqlglot reads these types in the Postgres dialect, where DuckDB's FLOAT (real)
        would be double precision: it is written REAL."""
        return {t.name: {c: "REAL" if k == "FLOAT" else k for c, k in t.pg_columns()}
                for t in self.tables.values() if t.error is None}

    @classmethod
    def from_folder(cls, root: str | Path, split_rows: int = SPLIT_ROWS, previous: "Catalog | None" = None) -> "Catalog":
        """The tables of the data folder ``root``. Entries whose files are as ``previous``
        saw them (same paths, sizes and modification times) keep its tables unread.
        Raises FileNotFoundError when ``root`` is not a folder."""
        root = Path(root).resolve()
        if not root.is_dir():
            raise FileNotFoundError(f"data folder {root} does not exist")
        catalog = cls(root=root, split_rows=split_rows, version=previous.version + 1 if previous else 0)
        con = None
        for entry in sorted(root.iterdir()):
            if entry.name.startswith((".", "_")):
                continue
            found = _files(entry)
            if found is None:
                continue
            stamps = _stamps(found[1])
            if stamps is None:  # its files changed while we looked: the next look sees them
                continue
            kept = previous.tables.get(found[0]) if previous is not None else None
            if kept is not None and previous.entries.get(entry.name) == stamps:
                table = kept
            else:
                con = con or duckdb.connect()
                table = _read_table(con, entry, found, split_rows)
                table.stamps = {path: (size, mtime) for path, size, mtime in stamps}
            if table.name in catalog.tables:
                log.warning("table %s found twice; keeping %s", table.name, catalog.tables[table.name].files[0])
                continue
            catalog.tables[table.name] = table
            catalog.entries[entry.name] = stamps
            if table is not kept:
                _log_table(table)
        if con is not None:
            con.close()
        return catalog


def _read_table(con, entry: Path, found: tuple[str, list[Path]], split_rows: int) -> Table:
    try:
        return _table_for(con, found, split_rows)
    except (duckdb.Error, OSError) as error:
        return _unreadable(con, entry, error)


def _log_table(table: Table) -> None:
    if table.error is not None:
        log.error("table %s cannot be read, its queries will fail: %s", table.name, table.error.message)
    else:
        log.info("table %s: %d %s files, %d columns", table.name, len(table.files), table.format, len(table.columns))


def _stamps(files: list[Path]) -> tuple | None:
    """((path, size, mtime_ns), ...) of the files (of the link itself for a dangling link,
    whose table is then unreadable); None when one vanished meanwhile."""
    stamps = []
    for path in files:
        try:
            status = path.stat() if path.exists() else path.lstat()
        except FileNotFoundError:
            return None
        stamps.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(stamps)


def _files(entry: Path) -> tuple[str, list[Path]] | None:
    """(table name, its files) for one entry of the data folder; None if it is no table."""
    if entry.is_dir():
        files = sorted(p for p in entry.rglob("*") if p.suffix.lower() in FORMATS and not p.is_dir())
        return (entry.name, files) if files else None
    if entry.suffix.lower() in FORMATS:
        return entry.stem, [entry]
    return None


def _table_for(con: duckdb.DuckDBPyConnection, found: tuple[str, list[Path]], split_rows: int) -> Table:
    name, files = found
    formats = {FORMATS[p.suffix.lower()] for p in files}
    if len(formats) > 1:
        return Table(name, sorted(formats)[0], [str(p) for p in files], [], error=SqlError(
            "0A000", f'the files of table "{name}" are of different formats: {", ".join(sorted(formats))}',
            hint="duckflight reads a table only when all its files have one format; move the others into a "
                 "table folder of their own."))
    paths = [str(p) for p in files]
    if formats == {"parquet"}:
        table = _parquet_table(con, name, paths, split_rows)
    else:
        table = _csv_table(con, name, paths)
    table.bytes = sum(p.stat().st_size for p in files)
    return table


def _parquet_table(con, name: str, paths: list[str], split_rows: int) -> Table:
    files = ", ".join(quote_literal(p) for p in paths)
    mismatch = _columns_differ(con, name, files)
    if mismatch is not None:
        return Table(name, "parquet", paths, [], error=mismatch)
    columns = [(c[0], c[1]) for c in con.execute(f"DESCRIBE SELECT * FROM read_parquet([{files}])").fetchall()]
    names = file_names([c for c, _ in columns], pyarrow.parquet.read_schema(paths[0]).names)
    renamed = {file: duckdb for file, (duckdb, _) in zip(names, columns) if file != duckdb}
    splits = parquet_splits(con, paths, dict(columns), split_rows, renamed)
    rows = sum(s.rows or 0 for s in splits)
    return Table(name, "parquet", paths, columns, row_count=rows, splits=splits, names=names)


def _columns_differ(con, name: str, files: str) -> SqlError | None:
    """0A000 when the Parquet files of one table do not all have the same columns.

    Reading them as one table would take the first file's columns and fail, or worse,
    on the others; filling the missing columns with NULL (schema evolution) is not built.
    """
    found = con.execute(
        f"SELECT file_name, string_agg(DISTINCT path_in_schema, ', ' ORDER BY path_in_schema) "
        f"FROM parquet_metadata([{files}]) GROUP BY file_name ORDER BY file_name").fetchall()
    kinds = {columns: path for path, columns in found}
    if len(kinds) < 2:
        return None
    shown = "; ".join(f'"{path}" has {columns}' for columns, path in list(kinds.items())[:2])
    return SqlError("0A000", f'the files of table "{name}" have different columns: {shown}',
                    hint="duckflight reads a table only when all its files have the same columns; move the "
                         "others into a table folder of their own.")


def _csv_table(con, name: str, paths: list[str]) -> Table:
    sniff = con.execute(f"SELECT Delimiter, Quote, Escape, HasHeader, Columns FROM sniff_csv({quote_literal(paths[0])})").fetchone()
    delimiter, quote, escape, header, columns = sniff
    options = fragment_pb2.CsvOptions(
        delimiter=delimiter, quote=_char(quote), escape=_char(escape), header=bool(header)
    )
    for column in columns:
        options.columns.add(name=column["name"], type=column["type"])
    columns = [(c.name, c.type) for c in options.columns]
    names = file_names([c for c, _ in columns], _csv_header(paths[0], options) if header else [])
    return Table(name, "csv", paths, columns, csv=options, splits=csv_splits(paths, dict(columns)), names=names)


def file_names(duckdb_names: list[str], spelled: list[str]) -> list[str]:
    """PostgreSQL's column names: as the file spells them (``spelled``, its leading columns),
    where DuckDB renamed names that differ only in case (``A`` beside ``a`` is ``A_1``);
    DuckDB's own names everywhere else (also for Hive partition columns, not in the file)."""
    if len({n.lower() for n in spelled}) == len(spelled) or len(spelled) > len(duckdb_names):
        return list(duckdb_names)
    return [file or duckdb for file, duckdb in zip(spelled, duckdb_names)] + duckdb_names[len(spelled):]


def _csv_header(path: str, options: fragment_pb2.CsvOptions) -> list[str]:
    """The header line's fields, parsed with the sniffed dialect."""
    with open(path, newline="", encoding="utf-8", errors="replace") as file:
        reader = csv.reader(file, delimiter=options.delimiter, quotechar=options.quote or None,
                            escapechar=options.escape if options.escape and options.escape != options.quote else None)
        return next(reader, [])


def _unreadable(con, entry: Path, error: Exception) -> Table | None:
    """The table of ``entry`` marked unreadable by ``error``, with the columns its readable files show.

    The error names the file at fault: DuckDB's message names it for most damage; for
    the rest each file is read alone. Its SQLSTATE is of the file family
    (``errors.FILE_STATES``), XX001 when DuckDB's message says nothing more precise.
    """
    name, files = _files(entry)
    fmt = FORMATS[files[0].suffix.lower()]
    columns: list[tuple[str, str]] = []
    culprit = None
    reader = "read_parquet" if fmt == "parquet" else "read_csv"
    for path in files:
        try:
            described = con.execute(f"DESCRIBE SELECT * FROM {reader}({quote_literal(str(path))})").fetchall()
            if fmt == "parquet":  # the row group statistics too, as parquet_splits reads them
                con.execute(f"SELECT count(*) FROM parquet_metadata({quote_literal(str(path))})")
            columns = columns or [(c[0], c[1]) for c in described]
        except (duckdb.Error, OSError) as alone:
            culprit = culprit or (path, alone)
    path, cause = culprit if culprit else (files[0], error)
    found = from_exception(cause) if isinstance(cause, duckdb.Error) else \
        SqlError("58030", f'could not read file "{path}": {getattr(cause, "strerror", None) or cause}')
    if found.sqlstate not in FILE_STATES or str(path) not in found.message:
        found = SqlError(found.sqlstate if found.sqlstate in FILE_STATES else "XX001",
                         f'could not read file "{path}": {found.message.splitlines()[0]}')
    found.detail = (f'The table "{name}" could not be read when its files were catalogued; every query of it '
                    f"fails until the file is fixed or removed (seen within seconds, without a restart).")
    return Table(name, fmt, [str(p) for p in files], columns, error=found)


def _char(value: str | None) -> str:
    # The sniffer reports "no quote/escape" as NUL or as the text "(empty)".
    return value if value and len(value) == 1 and value != "\x00" else ""
