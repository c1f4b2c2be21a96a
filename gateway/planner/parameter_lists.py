"""Rule: a long ``IN`` list of parameters is one node, so planning costs the same for 10 or 65,535.

Drivers expand a list into ``x IN ($1, $2, ..., $n)``, up to PostgreSQL's 65,535
parameters. As n nodes, every rule that walks or copies the tree (about forty passes)
pays for each of them, and sqlglot's parser takes 30-50 µs a parameter: 10,000
parameters took 28 s. Here the list becomes one leaf, a ``Var`` whose text is the list
as written (``$1, $2, ...``), marked in its meta; rules see a constant, and
``bind_parameters`` writes the values in at once. The lexer (``gateway/dialect.py``)
reads such a list as one token, which the parser makes a column named ``$1, $2, ...``
(no identifier starts with ``$``); ``parameter_lists`` turns it into the marked ``Var``.
Lists shorter than ``LIST_MIN`` stay as they are (their literals can still prune splits).

PostgreSQL itself turns such a list into ``x = ANY(ARRAY[...])`` (transformAExprIn) and
types its parameters as x's type (see ``infer_parameters``).

>>> import sqlglot
>>> from duckflight.gateway.dialect import tokenize
>>> from duckflight.gateway.planner.dialect import PostgresInput
>>> sql = "select 1 where x in (" + ",".join(f"${i}" for i in range(1, 41)) + ")"
>>> [t.text[:9] for t in tokenize(sql)]
['select', '1', 'where', 'x', 'in', '(', '$1,$2,$3,', ')']
>>> tree = parameter_lists(sqlglot.parse_one(sql, read=PostgresInput))
>>> [(node.name[:9], indexes[:3]) for node, indexes in list_parameters(tree)]
[('$1,$2,$3,', [1, 2, 3])]
"""

from __future__ import annotations

import re

from sqlglot import exp

PARAMETER_LIST = "parameter_list"  # meta key of a Var that stands for a list of parameters
_NUMBER = re.compile(r"\$(\d+)")
_CAST = re.compile(r"::(\w+)")


def parameter_lists(expression: exp.Expression) -> exp.Expression:
    """Each list the lexer made one token (a column named ``$1, $2, ...``) as a marked Var;
    a list of casts (``$1::int, $2::int``) as that cast of the Var."""
    for column in list(expression.find_all(exp.Column)):
        if column.name.startswith("$") and not column.table and isinstance(column.parent, exp.In):
            var = exp.Var(this=column.name)
            var.meta[PARAMETER_LIST] = True
            cast = _CAST.search(column.name)
            column.replace(exp.Cast(this=var, to=exp.DataType.build(cast.group(1), dialect="postgres"))
                           if cast else var)
    return expression


def list_parameters(expression: exp.Expression) -> list[tuple[exp.Var, list[int]]]:
    """Each list node of the tree and the parameter numbers it stands for, in order."""
    return [(v, [int(n) for n in _NUMBER.findall(v.name)]) for v in expression.find_all(exp.Var)
            if v.meta_get(PARAMETER_LIST)]
