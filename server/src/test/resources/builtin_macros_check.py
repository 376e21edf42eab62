#!/usr/bin/env python3
"""Renders dbtls' builtin cross-database macros with Python's Jinja2, adapter by adapter.

The macros live in server/src/main/resources/dbtls/macros/ (files listed in INDEX). This script
loads them all into one Jinja2 environment with small shims for what dbt adds to Jinja:

  * adapter.dispatch(name, 'dbt') - returns the first macro found among
    <adapter>__name, <parent adapter>__name, ..., default__name
  * return(value)                 - ends the macro and makes the call evaluate to value
  * exceptions.raise_compiler_error(msg)
  * target                        - a dict with type, schema, database, name
  * api.Column.translate_type / numeric_type - the adapter's Column class (its TYPE_LABELS)
  * dbt                           - the namespace of every loaded macro (dbt.dateadd, ...)

and renders every expression of CASES for every adapter of ADAPTERS. Its output is the golden
file builtin_macros_expected.txt, which a Java test compares with dbtls' own engine:

    python3 server/src/test/resources/builtin_macros_check.py \
        > server/src/test/resources/builtin_macros_expected.txt

With --check it compares its output with that file instead (comment lines aside) and exits 1
on a difference, printing a unified diff. Python 3 standard library plus Jinja2 only.
"""
import datetime
import os
import re
import sys

import jinja2
from jinja2.runtime import Context, Macro

HERE = os.path.dirname(os.path.abspath(__file__))
MACRO_DIR = os.path.normpath(os.path.join(HERE, '..', '..', 'main', 'resources', 'dbtls', 'macros'))

# adapter type -> parent adapter whose macros it inherits (as dev.dbtls.project.Adapter says)
ADAPTERS = [
    ('default', None),  # an adapter dbtls knows nothing about: only default__ variants apply
    ('duckdb', None),
    ('postgres', None),
    ('redshift', 'postgres'),
    ('sqlite', None),
    ('mysql', None),
    ('snowflake', None),
    ('bigquery', None),
    ('spark', None),
    ('databricks', 'spark'),
    ('trino', None),
]
PARENTS = dict(ADAPTERS)

DATEPARTS = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second']

CASES = (
    ["dbt.dateadd('%s', 3, 'order_date')" % p for p in DATEPARTS]
    + ["dbt.dateadd(datepart='day', interval=-1, from_date_or_timestamp=\"cast('2024-03-01' as date)\")",
       "dbt.dateadd('month', 1, \"'2024-01-31'\")"]
    + ["dbt.datediff('first_order', 'last_order', '%s')" % p for p in DATEPARTS]
    + ["dbt.date_trunc('%s', 'ordered_at')" % p for p in DATEPARTS]
    + ["dbt.current_timestamp()"]
    + ["dbt.last_day('ordered_at', '%s')" % p for p in ['month', 'quarter', 'year', 'week']]
    + [
        "dbt.concat(['first_name', \"' '\", 'last_name'])",
        "dbt.concat(['customer_id'])",
        "dbt.hash('customer_id')",
        "dbt.hash(dbt.concat(['order_id', \"'-'\", 'status']))",
        "dbt.safe_cast('amount', dbt.type_numeric())",
        "dbt.safe_cast(\"'2024-01-01'\", 'date')",
        "dbt.type_string()",
        "dbt.type_timestamp()",
        "dbt.type_float()",
        "dbt.type_numeric()",
        "dbt.type_bigint()",
        "dbt.type_int()",
        "dbt.type_boolean()",
        "dbt.split_part('email', \"'@'\", 1)",
        "dbt.split_part('full_path', \"'/'\", 3)",
        "dbt.split_part('full_path', \"'/'\", 'part_no')",
        "dbt.listagg('status', \"', '\")",
        "dbt.listagg('status', \"', '\", 'order by ordered_at')",
        "dbt.listagg(measure='status', delimiter_text=\"'|'\", order_by_clause='order by ordered_at desc', limit_num=3)",
        "dbt.listagg('status', \"','\", none, 2)",
        "dbt.listagg('status', \"'|'\", 'order by ordered_at', 5)",
        "dbt.any_value('status')",
        "dbt.bool_or('is_returned')",
        "dbt.bool_or('amount > 100')",
        "dbt.cast_bool_to_text('is_returned')",
        "dbt.escape_single_quotes(\"it's\")",
        "dbt.string_literal(\"O'Brien\")",
        "dbt.string_literal(42)",
        "dbt.right('phone', 4)",
        "dbt.right('phone', 'n_digits')",
        "dbt.length('last_name')",
        "dbt.position(\"'@'\", 'email')",
        "dbt.replace('phone', \"'-'\", \"''\")",
        "dbt.except()",
        "dbt.intersect()",
        "dbt.generate_schema_name(none, {'name': 'orders'})",
        "dbt.generate_schema_name('  marts ', {'name': 'orders'})",
        "dbt.generate_alias_name(none, {'name': 'orders'})",
        "dbt.generate_alias_name('orders_alias', {'name': 'orders'})",
        "dbt.generate_alias_name(none, {'name': 'customers', 'version': 2})",
        "dbt.generate_alias_name(none, {'name': 'customers', 'version': '1.5'})",
        "dbt.generate_database_name(none, {'name': 'orders'})",
        "dbt.generate_database_name('raw', {'name': 'orders'})",
        "dbt.generate_schema_name()",
        "dbt.array_construct(['1', '2', '3'])",
        "dbt.array_construct([])",
        "dbt.array_construct([], 'varchar')",
        "dbt.array_construct()",
        "dbt.array_append('tags', \"'new'\")",
        "dbt.array_concat('tags', dbt.array_construct([\"'a'\", \"'b'\"]))",
        "dbt.cast('amount', dbt.type_numeric())",
        "dbt.cast('geo', 'geography')",
        "dbt.cast('shape', 'GEOMETRY')",
        "dbt.date(2024, 3, 1)",
        "dbt.date(1999, 12, 31)",
        "dbt.equals('a.status', 'b.status')",
        "dbt.get_powers_of_two(1)",
        "dbt.get_powers_of_two(1000)",
        "dbt.get_powers_of_two(0)",
        "dbt.generate_series(5)",
        "dbt.get_intervals_between(\"'2024-01-01'\", \"'2024-12-31'\", 'month')",
        "dbt.date_spine('day', \"cast('2024-01-01' as date)\", \"cast('2024-02-01' as date)\")",
        "dbt.date_spine('month', \"'2024-01-01'\", \"'2024-12-01'\")",
    ]
)

TARGET = {'type': None, 'schema': 'analytics', 'database': 'warehouse', 'name': 'dev'}


class MacroReturn(Exception):
    def __init__(self, value):
        super().__init__()
        self.value = value


class CompilerError(Exception):
    pass


class DbtContext(Context):
    """Every call in a template goes through Context.call; a macro that called return() ends
    here with its value."""

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 (Jinja2's own spelling)
        if isinstance(__obj, Macro):
            try:
                return super().call(__obj, *args, **kwargs)
            except MacroReturn as r:
                return r.value
        return super().call(__obj, *args, **kwargs)


class Modules:
    datetime = datetime


# {% call statement(...) %} with no warehouse: the body renders, nothing is stored, so
# load_result gives None (dbtls answers an empty result; both read as "no rows").
def _statement(name=None, fetch_result=False, auto_begin=True, caller=None):
    if caller is not None:
        caller()
    return ''


def _return(value):
    raise MacroReturn(value)


class Exceptions:
    @staticmethod
    def raise_compiler_error(msg):
        raise CompilerError(msg)

    @staticmethod
    def warn(msg):
        return ''


class Namespace:
    def __init__(self, macros):
        self._macros = macros

    def __getattr__(self, name):
        try:
            return self._macros[name]
        except KeyError:
            raise AttributeError(name)


# Each adapter's api.Column as dbt 1.7+ has it: TYPE_LABELS (looked up upper-cased; a name
# not found comes back as given; None: translate_type returns the name as given), whether the
# result is lower-cased, and how numeric_type spells a sized type.
COLUMNS = {
    'default': ({'STRING': 'TEXT'}, False, 'as given'),
    'bigquery': ({'TEXT': 'STRING', 'FLOAT': 'FLOAT64', 'INTEGER': 'INT64'}, False, 'dtype only'),
    'mysql': ({'STRING': 'TEXT', 'VAR_STRING': 'TEXT', 'LONG': 'INTEGER', 'LONGLONG': 'INTEGER',
               'INT': 'INTEGER', 'TIMESTAMP': 'DATETIME'}, False, 'as given'),
    'spark': (None, False, 'decimal'),
    'databricks': ({'LONG': 'BIGINT'}, True, 'decimal'),
    'trino': ({'STRING': 'VARCHAR', 'FLOAT': 'DOUBLE'}, False, 'as given'),
}


class ColumnShim:
    def __init__(self, adapter):
        self._adapter = adapter

    def _column(self):
        for a in self._adapter.lineage():
            if a in COLUMNS:
                return COLUMNS[a]
        return COLUMNS['default']

    def translate_type(self, dtype):
        labels, lower, _ = self._column()
        out = dtype if labels is None else labels.get(dtype.upper(), dtype)
        return out.lower() if lower else out

    def numeric_type(self, dtype, precision, scale):
        kind = self._column()[2]
        sized = precision is not None and scale is not None
        if kind == 'dtype only':
            return dtype
        if kind == 'decimal':
            return 'decimal(%s,%s)' % (precision, scale) if sized else 'decimal'
        return '%s(%s,%s)' % (dtype, precision, scale) if sized else dtype


class BehaviorFlag:
    """A behaviour flag no project turned on (dbt's default for enable_truthy_nulls_equals_macro)."""
    no_warn = False

    def __bool__(self):
        return False


class Behavior:
    def __getattr__(self, name):
        return BehaviorFlag()


class Api:
    def __init__(self, adapter):
        self.Column = ColumnShim(adapter)


class AdapterShim:
    def __init__(self, macros):
        self._macros = macros
        self.current = 'default'
        self.behavior = Behavior()

    def lineage(self):
        out, a = [], self.current
        while a is not None:
            out.append(a)
            a = PARENTS.get(a)
        if 'default' not in out:
            out.append('default')
        return out

    def dispatch(self, name, macro_namespace=None):
        for a in self.lineage():
            m = self._macros.get('%s__%s' % (a, name))
            if m is not None:
                return m
        raise CompilerError("no macro found for dispatch of '%s' (searched %s)"
                            % (name, ', '.join('%s__%s' % (a, name) for a in self.lineage())))


def load():
    env = jinja2.Environment(undefined=jinja2.StrictUndefined,
                             extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols'])
    env.context_class = DbtContext
    macros = {}
    adapter = AdapterShim(macros)
    env.globals.update({
        'return': _return,
        'exceptions': Exceptions(),
        'adapter': adapter,
        'dbt': Namespace(macros),
        'api': Api(adapter),
        'target': TARGET,
        'modules': Modules(),
        'statement': _statement,
        'load_result': lambda name: None,
    })
    with open(os.path.join(MACRO_DIR, 'INDEX')) as f:
        files = [line.strip() for line in f if line.strip()]
    for name in files:
        with open(os.path.join(MACRO_DIR, name)) as f:
            # dbt's {% test x(...) %} blocks are macros named test_x
            text = re.sub(r'{%(-?)\s*test\s+(\w+)', r'{%\1 macro test_\2', f.read())
            text = re.sub(r'{%(-?)\s*endtest\s*(-?)%}', r'{%\1 endmacro \2%}', text)
            module = env.from_string(text).module
        for key in dir(module):
            value = getattr(module, key)
            if isinstance(value, Macro):
                if key in macros:
                    sys.exit('macro %s defined twice (second time in %s)' % (key, name))
                macros[key] = value
    return env, adapter, files, macros


def main():
    if '--check' in sys.argv[1:]:
        import difflib
        import io
        buf = io.StringIO()
        render_all(buf)
        golden_path = os.path.join(HERE, 'builtin_macros_expected.txt')
        with open(golden_path) as f:
            golden = [line for line in f.read().splitlines() if not line.startswith('#')]
        actual = [line for line in buf.getvalue().splitlines() if not line.startswith('#')]
        if golden != actual:
            sys.stdout.writelines(line + '\n' for line in difflib.unified_diff(
                golden, actual, 'builtin_macros_expected.txt', 'rendered now', lineterm=''))
            sys.exit(1)
        print('builtin macros render as in builtin_macros_expected.txt')
        return
    render_all(sys.stdout)


def render_all(out):
    env, adapter, files, macros = load()
    out.write('# Golden output of dbtls builtin macros (server/src/main/resources/dbtls/macros/).\n')
    out.write('# Produced by server/src/test/resources/builtin_macros_check.py with Python %s and Jinja2 %s:\n'
              % (sys.version.split()[0], jinja2.__version__))
    out.write('#   python3 server/src/test/resources/builtin_macros_check.py > server/src/test/resources/builtin_macros_expected.txt\n')
    out.write('# Macro files, in load order: %s (%d macros).\n' % (', '.join(files), len(macros)))
    out.write('# target = %r, with target.type set to each adapter.\n' % {k: v for k, v in TARGET.items() if k != 'type'})
    out.write('# Format: "== adapter T (dispatch order: ...)" starts a section; in it each case is a line\n')
    out.write('# ">> {{ expression }}" followed by the rendered text, or by "!! compiler error: message".\n')
    out.write('# The rendered text ends at the next line starting with ">> " or "== ".\n')
    out.write('# `builtin_macros_check.py --check` compares a fresh rendering with this file.\n')
    out.write('# The golden pins the rendered text, not its meaning; when written, the duckdb, postgres, sqlite\n')
    out.write('# and mysql sections were also run on DuckDB 1.1, PostgreSQL 15, SQLite 3.40 and MariaDB 10.11;\n')
    out.write('# the type macros give each adapter\'s labels as dbt does, which MySQL cannot always cast to.\n')
    for a, _parent in ADAPTERS:
        adapter.current = a
        TARGET['type'] = a
        out.write('\n== adapter %s (dispatch order: %s)\n' % (a, ', '.join(adapter.lineage())))
        for expr in CASES:
            out.write('>> {{ %s }}\n' % expr)
            try:
                text = env.from_string('{{ ' + expr + ' }}').render()
                out.write(text + '\n')
            except CompilerError as e:
                out.write('!! compiler error: %s\n' % e)


if __name__ == '__main__':
    main()
