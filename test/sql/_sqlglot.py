#!/usr/bin/python3
"""Parse SQL with sqlglot (Debian's python3-sqlglot) in a given dialect, strictly, and report
facts of the syntax tree for the tests of test/sql/dialects.test.ts.

stdin: a JSON list of {"dialect": motcua dialect, "sql": text, "evaluate"?: {"column": alias,
"bindings": {column: integer}}}. stdout: a JSON list, one object per input:
  ok, error            the parse succeeded (error_level RAISE: every error raises), or why not
  statements           the number of statements parsed
  commands             statements sqlglot could not parse and kept as raw commands (must be 0)
  quoted               quoted identifiers (names); strings: string literals (values)
  divisions            each `/`: its operands' SQL and whether both are casts to a 64-bit integer
  intDivisions         integer division operators (`DIV`, BigQuery's DIV())
  functions            names of the functions called (sqlglot's names, Anonymous as written)
  scalarSubqueries     subqueries used as values (not a CTE body or a FROM/JOIN source)
  value                with "evaluate": the aliased expression evaluated with the dialect's
                       arithmetic (`/` on two integers is integer division only in postgres,
                       trino and sqlserver), as {"number", "integer"}
"""
import json
import sys

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

READ = {"sqlserver": "tsql"}
# Dialects in which `/` of two integers is an integer division (truncating); elsewhere it is float.
INTEGER_SLASH = {"postgres", "trino", "sqlserver"}
INT64 = {"BIGINT", "INT64", "INT", "INTEGER"}


def is_int64_cast(e):
    return isinstance(e, exp.Cast) and e.to.sql().upper() in INT64


def evaluate(e, dialect, env):
    """(value, is_integer) of an arithmetic expression under the dialect's semantics."""
    if isinstance(e, exp.Paren):
        return evaluate(e.this, dialect, env)
    if isinstance(e, exp.Literal) and not e.is_string:
        text = e.name
        return (int(text), True) if text.lstrip("-").isdigit() else (float(text), False)
    if isinstance(e, exp.Column):
        return (env[e.name], True)
    if isinstance(e, exp.Cast):
        v, i = evaluate(e.this, dialect, env)
        if e.to.sql().upper() in INT64:
            if not i:
                raise ValueError(f"a float cast to an integer: {e.sql()}")
            return (v, True)
        return (v, i)
    if isinstance(e, exp.Anonymous) and e.name.lower() in ("toint64",):
        v, i = evaluate(e.expressions[0], dialect, env)
        if not i:
            raise ValueError(f"a float cast to an integer: {e.sql()}")
        return (v, True)
    if isinstance(e, exp.Anonymous) and e.name.lower() == "nullif":
        a, i = evaluate(e.expressions[0], dialect, env)
        b, _ = evaluate(e.expressions[1], dialect, env)
        return (None if a == b else a, i)
    if isinstance(e, (exp.Add, exp.Sub, exp.Mul)):
        a, i = evaluate(e.this, dialect, env)
        b, j = evaluate(e.expression, dialect, env)
        if a is None or b is None:
            return (None, i and j)
        return ({exp.Add: a + b, exp.Sub: a - b, exp.Mul: a * b}[type(e)], i and j)
    if isinstance(e, exp.Neg):
        a, i = evaluate(e.this, dialect, env)
        return (None if a is None else -a, i)
    # Integer divisions: Spark's DIV, BigQuery's DIV(), DuckDB's divide(), ClickHouse's intDiv().
    if isinstance(e, exp.IntDiv) or (isinstance(e, exp.Anonymous) and e.name.lower() in ("divide", "intdiv")):
        a_e, b_e = (e.this, e.expression) if isinstance(e, exp.IntDiv) else (e.expressions[0], e.expressions[1])
        a, _ = evaluate(a_e, dialect, env)
        b, _ = evaluate(b_e, dialect, env)
        if a is None or b is None:
            return (None, True)
        q = abs(a) // abs(b)
        return (q if (a >= 0) == (b >= 0) else -q, True)
    if isinstance(e, exp.Div):
        a, i = evaluate(e.this, dialect, env)
        b, j = evaluate(e.expression, dialect, env)
        if a is None or b is None:
            return (None, i and j)
        if i and j and dialect in INTEGER_SLASH:
            q = abs(a) // abs(b)
            return (q if (a >= 0) == (b >= 0) else -q, True)
        return (a / b, False)
    if isinstance(e, exp.Case) or isinstance(e, exp.If):
        raise ValueError("CASE is not evaluated here")
    raise ValueError(f"cannot evaluate {type(e).__name__}: {e.sql()}")


def facts(item):
    dialect = item["dialect"]
    out = {"dialect": dialect}
    try:
        trees = sqlglot.parse(item["sql"], read=READ.get(dialect, dialect), error_level=ErrorLevel.RAISE)
    except Exception as e:  # noqa: BLE001 - any parse failure is reported
        out.update(ok=False, error=str(e)[:2000])
        return out
    trees = [t for t in trees if t is not None]
    nodes = [n for t in trees for n, _, _ in t.walk()]
    out["ok"] = True
    out["statements"] = len(trees)
    out["commands"] = sum(isinstance(n, exp.Command) for n in nodes)
    out["quoted"] = sorted({n.name for n in nodes if isinstance(n, exp.Identifier) and n.args.get("quoted")})
    out["strings"] = sorted({n.name for n in nodes if isinstance(n, exp.Literal) and n.is_string})
    out["divisions"] = [
        {"left": n.this.sql(), "right": n.expression.sql(), "int64": is_int64_cast(n.this) and is_int64_cast(n.expression)}
        for n in nodes if isinstance(n, exp.Div)
    ]
    out["intDivisions"] = sum(isinstance(n, exp.IntDiv) for n in nodes)
    out["functions"] = sorted({n.name if isinstance(n, exp.Anonymous) else n.sql_name() for n in nodes if isinstance(n, exp.Func)})
    scalar = 0
    for n in nodes:
        if isinstance(n, (exp.Subquery, exp.Select)) and n.parent is not None:
            if isinstance(n.parent, (exp.CTE, exp.Union, exp.From, exp.Join, exp.Subquery)):
                continue
            if isinstance(n, exp.Select) and isinstance(n.parent, exp.Subquery):
                continue
            scalar += 1
    out["scalarSubqueries"] = scalar
    ev = item.get("evaluate")
    if ev:
        target = next((n for n in nodes if isinstance(n, exp.Alias) and n.alias == ev["column"]), None)
        if target is None:
            out["value"] = {"error": f"no column {ev['column']}"}
        else:
            try:
                v, i = evaluate(target.this, dialect, ev["bindings"])
                out["value"] = {"number": v, "integer": i}
            except Exception as e:  # noqa: BLE001
                out["value"] = {"error": str(e)}
    return out


def main():
    items = json.load(sys.stdin)
    json.dump([facts(i) for i in items], sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
