#!/usr/bin/env python3
"""Writes a large synthetic dbt project, for load tests and benchmarks of dbtls.

    python3 test-projects/generate.py OUT_DIR --models N [--seed S]

OUT_DIR gets a complete DuckDB project: dbt_project.yml, profiles.yml, packages.yml (empty),
a seed, project macros with a macros YAML, docs blocks, sources declared in YAML, and N models
in three layers:

    models/staging/<domain>/        stg_<domain>__<entity>      select from a source()
    models/intermediate/<domain>/   int_<domain>__<entity>_<x>  1-4 refs to earlier models
    models/marts/<domain>/          fct_/dim_<domain>__<entity> 1-4 refs to earlier models

Every model refs only models generated before it, so the DAG has no cycles. Every folder has a
property YAML (columns, tests, doc() descriptions). The SQL uses CTEs and joins, project macro
calls, `{{ config() }}` blocks, `is_incremental()` blocks and dbt's cross-database macros, and
only refers to columns its parents have, so the compiled project runs on DuckDB.

The output depends only on N and the seed (default 1). Python 3 standard library only.
"""
import argparse
import os
import random
import sys
import time

DOMAINS = [
    'sales', 'billing', 'support', 'marketing', 'inventory', 'shipping', 'finance', 'hr',
    'product', 'web', 'mobile', 'partners', 'procurement', 'risk', 'loyalty', 'pricing',
    'logistics', 'payroll', 'crm', 'ads', 'search', 'catalog', 'returns', 'tax', 'legal',
    'security', 'growth', 'content', 'events', 'stores', 'warehouse', 'fleet', 'energy',
    'facilities', 'research', 'quality', 'compliance', 'treasury', 'surveys', 'community',
]
ENTITIES = [
    'accounts', 'orders', 'order_lines', 'invoices', 'payments', 'refunds', 'tickets',
    'messages', 'campaigns', 'clicks', 'sessions', 'visits', 'products', 'variants', 'stock',
    'shipments', 'parcels', 'carriers', 'employees', 'contracts', 'suppliers', 'purchases',
    'budgets', 'ledgers', 'journals', 'claims', 'policies', 'members', 'rewards', 'prices',
    'discounts', 'quotes', 'leads', 'opportunities', 'activities', 'subscriptions', 'plans',
    'usage', 'devices', 'installs', 'reviews', 'ratings', 'returns', 'assets', 'locations',
    'routes', 'meters', 'readings', 'audits', 'incidents', 'alerts', 'surveys', 'responses',
    'events', 'bookings', 'tasks', 'projects', 'timesheets', 'expenses', 'transfers',
]
INT_SUFFIXES = ['joined', 'enriched', 'daily', 'pivoted', 'deduped', 'rolled_up', 'scored',
                'windowed', 'filtered', 'unioned']
STATUSES = ['new', 'active', 'paused', 'closed', 'cancelled']

# attribute columns a model can carry: name stem -> (SQL type, kind)
ATTRS = [
    ('amount', 'decimal(18, 2)', 'money'), ('cost', 'decimal(18, 2)', 'money'),
    ('fee', 'decimal(18, 2)', 'money'), ('quantity', 'integer', 'count'),
    ('item_count', 'integer', 'count'), ('score', 'double', 'number'),
    ('status', 'varchar', 'status'), ('channel', 'varchar', 'text'), ('label', 'varchar', 'text'),
    ('created_on', 'date', 'date'), ('closed_on', 'date', 'date'),
    ('is_active', 'boolean', 'flag'), ('is_test', 'boolean', 'flag'),
    ('country_code', 'varchar', 'country'),
]
TYPES = {stem: typ for stem, typ, _ in ATTRS}
KINDS = {stem: kind for stem, _, kind in ATTRS}


class Model:
    __slots__ = ('index', 'name', 'layer', 'domain', 'entity', 'folder', 'columns', 'refs',
                 'source', 'materialized', 'incremental', 'description_doc', 'columns_from')

    def __init__(self, index, name, layer, domain, entity, folder):
        self.index = index
        self.name = name
        self.layer = layer
        self.domain = domain
        self.entity = entity
        self.folder = folder
        self.columns = []  # [(name, type)] besides id, account_id, updated_at
        self.refs = []
        self.source = None
        self.materialized = None
        self.incremental = False
        self.description_doc = None
        self.columns_from = []  # derived models: [(output name, type, parent position, parent column)]


def column_stem(col):
    for stem, _, _ in ATTRS:
        if col == stem or col.startswith(stem + '_') or col.endswith('_' + stem):
            return stem
    return None


def write(path, text):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)


def plan(n, rnd):
    """Decides every model's name, layer, folder, columns and parents."""
    n_staging = max(1, round(n * 0.3))
    n_int = round(n * 0.4) if n > 2 else 0
    n_marts = n - n_staging - n_int
    n_domains = max(1, min(len(DOMAINS) * 5, n // 120 + 1))
    domains = [DOMAINS[i % len(DOMAINS)] + ('' if i < len(DOMAINS) else str(i // len(DOMAINS)))
               for i in range(n_domains)]
    used = {}
    models = []

    def unique(name):
        k = used.get(name, 0)
        used[name] = k + 1
        return name if k == 0 else '%s_%d' % (name, k + 1)

    def new_columns(count):
        stems = rnd.sample(ATTRS, count)
        return [(stem, typ) for stem, typ, _ in stems]

    # staging: the very first model is the accounts model every relationships test points at
    for i in range(n_staging):
        domain = domains[0] if i == 0 else rnd.choice(domains)
        entity = 'accounts' if i == 0 else rnd.choice(ENTITIES)
        name = unique('stg_%s__%s' % (domain, entity))
        m = Model(i, name, 'staging', domain, entity, 'staging/%s' % domain)
        m.columns = new_columns(rnd.randint(3, 7))
        m.source = ('%s_raw' % domain, name[len('stg_%s__' % domain):])
        models.append(m)

    def pick_parents(i, low, high):
        """1-4 distinct earlier models, mostly from a window of recent ones."""
        k = rnd.choice([1, 1, 2, 2, 2, 3, 3, 4])
        pool_lo = max(low, high - 300)
        picked = []
        for _ in range(k * 3):
            if len(picked) == k:
                break
            j = rnd.randrange(pool_lo, high) if rnd.random() < 0.8 else rnd.randrange(low, high)
            if j not in picked:
                picked.append(j)
        return picked

    for i in range(n_staging, n_staging + n_int):
        domain = rnd.choice(domains)
        entity = rnd.choice(ENTITIES)
        name = unique('int_%s__%s_%s' % (domain, entity, rnd.choice(INT_SUFFIXES)))
        m = Model(i, name, 'intermediate', domain, entity, 'intermediate/%s' % domain)
        m.refs = pick_parents(i, 0, i)
        models.append(m)
        derive_columns(m, models, rnd)

    for i in range(n_staging + n_int, n):
        domain = rnd.choice(domains)
        entity = rnd.choice(ENTITIES)
        prefix = 'dim' if rnd.random() < 0.35 else 'fct'
        name = unique('%s_%s__%s' % (prefix, domain, entity))
        m = Model(i, name, 'marts', domain, entity, 'marts/%s' % domain)
        m.refs = pick_parents(i, n_staging, i) if i > n_staging else pick_parents(i, 0, i)
        models.append(m)
        derive_columns(m, models, rnd)

    for m in models:
        if m.layer == 'staging':
            continue
        r = rnd.random()
        if r < 0.12:
            m.materialized, m.incremental = 'incremental', True
        elif r < 0.20 and m.layer == 'intermediate':
            m.materialized = 'ephemeral'
        elif r < 0.45:
            m.materialized = 'table' if m.layer == 'intermediate' else 'view'
    for m in models:
        if rnd.random() < 0.3:
            m.description_doc = 'doc_%s' % m.domain
    return models, domains


def derive_columns(m, models, rnd):
    """A derived model keeps some columns of its parents (suffixed by parent position when
    they would clash) and adds one or two computed ones."""
    seen = set()
    cols = []
    for pos, j in enumerate(m.refs):
        parent = models[j]
        keep = rnd.sample(parent.columns, min(len(parent.columns), rnd.randint(1, 3)))
        for col, typ in keep:
            out = col
            while out in seen:
                out = '%s_%d' % (out, pos + 1)
            seen.add(out)
            cols.append((out, typ, pos, col))
    m.columns = [(out, typ) for out, typ, _, _ in cols]
    m.columns_from = cols


def model_sql(m, models, rnd):
    """The SQL of one model."""
    out = []
    config = []
    if m.materialized:
        config.append("materialized='%s'" % m.materialized)
    if m.incremental:
        config.append("unique_key='id'")
        config.append("on_schema_change='append_new_columns'")
    if rnd.random() < 0.25:
        config.append("tags=['%s', '%s']" % (m.domain, rnd.choice(['hourly', 'nightly', 'weekly'])))
    if config:
        out.append('{{ config(%s) }}\n\n' % ', '.join(config))

    if m.layer == 'staging':
        src, table = m.source
        out.append("with source as (\n\n    select * from {{ source('%s', '%s') }}\n\n),\n\n" % (src, table))
        out.append('renamed as (\n\n    select\n')
        lines = ['        cast(id as {{ dbt.type_bigint() }}) as id',
                 '        account_id']
        for col, typ in m.columns:
            kind = KINDS[col]
            if kind == 'text':
                lines.append('        {{ clean_string(%r) }} as %s' % (col, col))
            elif kind == 'money':
                lines.append('        {{ dbt.safe_cast(%r, "decimal(18, 2)") }} as %s' % (col, col))
            elif kind == 'status':
                lines.append('        lower(%s) as %s' % (col, col))
            elif kind == 'date':
                lines.append("        cast({{ dbt.date_trunc('day', %r) }} as date) as %s" % (col, col))
            else:
                lines.append('        %s' % col)
        lines.append('        updated_at')
        out.append(',\n'.join(lines))
        out.append('\n    from source\n\n)\n\nselect * from renamed\n')
        return ''.join(out)

    parents = [models[j] for j in m.refs]
    out.append('with')
    for pos, p in enumerate(parents):
        out.append("%s\n\np%d as (\n\n    select * from {{ ref('%s') }}\n" % (
            '' if pos == 0 else ',', pos + 1, p.name))
        if pos == 0 and m.incremental:
            out.append('    {% if is_incremental() %}\n'
                       '    where updated_at > (select max(updated_at) from {{ this }})\n'
                       '    {% endif %}\n')
        out.append('\n)')
    out.append(',\n\njoined as (\n\n    select\n')
    lines = ['        p1.id', '        p1.account_id']
    for out_col, typ, pos, col in m.columns_from:
        if out_col == col:
            lines.append('        p%d.%s' % (pos + 1, col))
        else:
            lines.append('        p%d.%s as %s' % (pos + 1, col, out_col))
    # computed columns, each from the first suitable column
    extras = computed_columns(m, rnd)
    lines += ['        %s as %s' % (expr, name) for expr, name in extras]
    lines.append('        p1.updated_at')
    out.append(',\n'.join(lines))
    out.append('\n    from p1\n')
    for pos in range(1, len(parents)):
        out.append('    left join p%d\n        on p1.account_id = p%d.account_id\n' % (pos + 1, pos + 1))
    out.append('\n)')

    if m.layer == 'marts' and m.name.startswith('fct_') and rnd.random() < 0.5:
        # an aggregate over the joined rows
        out.append(',\n\nfinal as (\n\n    select\n')
        agg = ['        min(id) as id', '        account_id']
        for name, typ in m.columns + [(n, None) for _, n in extras]:
            stem = column_stem(name)
            kind = KINDS.get(stem) if stem else None
            if kind in ('money', 'count', 'number'):
                agg.append('        sum(%s) as %s' % (name, name))
            elif kind == 'flag':
                agg.append('        {{ dbt.bool_or(%r) }} as %s' % (name, name))
            else:
                agg.append('        max(%s) as %s' % (name, name))
        agg.append('        max(updated_at) as updated_at')
        out.append(',\n'.join(agg))
        out.append('\n    from joined\n    group by account_id\n\n)\n\nselect * from final\n')
    else:
        out.append('\n\nselect * from joined\n')
    return ''.join(out)


def computed_columns(m, rnd):
    """One or two (expression, name) pairs built from the model's own parent columns."""
    by_kind = {}
    for out_col, typ, pos, col in m.columns_from:
        stem = column_stem(col)
        by_kind.setdefault(KINDS[stem], []).append('p%d.%s' % (pos + 1, col))
    options = []
    if 'money' in by_kind:
        c = by_kind['money'][0]
        options.append(('{{ to_currency_units(%r) }}' % c, 'amount_in_units'))
        if len(by_kind['money']) > 1:
            options.append(('{{ safe_ratio(%r, %r) }}' % (c, by_kind['money'][1]), 'money_ratio'))
    if 'date' in by_kind:
        c = by_kind['date'][0]
        options.append(("{{ dbt.datediff(%r, 'p1.updated_at', 'day') }}" % c, 'days_since'))
        options.append(("{{ dbt.dateadd('day', 30, %r) }}" % c, 'due_at'))
    if 'text' in by_kind or 'status' in by_kind:
        c = (by_kind.get('text') or by_kind['status'])[0]
        options.append(("{{ dbt.concat([%r, \"'-'\", 'cast(p1.id as varchar)']) }}" % c, 'display_key'))
    if 'flag' in by_kind:
        options.append(('{{ dbt.cast_bool_to_text(%r) }}' % by_kind['flag'][0], 'flag_text'))
    options.append(("{{ surrogate_key(['p1.id', 'p1.account_id']) }}", 'row_key'))
    options.append(("{{ is_recent('p1.updated_at', %d) }}" % rnd.choice([7, 30, 90]), 'is_recent'))
    options.append(("cast({{ dbt.date_trunc('month', 'p1.updated_at') }} as date)", 'updated_month'))
    k = rnd.randint(1, 2)
    picked = rnd.sample(options, k)
    names = set(c for c, _ in m.columns)
    return [(e, n) for e, n in picked if n not in names]


def source_yaml(domain, staging_models):
    lines = ['version: 2', '', 'sources:', '  - name: %s_raw' % domain,
             '    description: "Raw %s tables, as loaded by the ingestion jobs."' % domain,
             '    schema: raw_%s' % domain,
             '    loaded_at_field: updated_at',
             '    freshness:',
             '      warn_after: {count: 12, period: hour}',
             '    tables:']
    for m in staging_models:
        lines.append('      - name: %s' % m.source[1])
        lines.append('        columns:')
        lines.append('          - name: id')
        lines.append('            data_type: bigint')
        lines.append('            data_tests: [not_null]')
        lines.append('          - name: account_id')
        lines.append('            data_type: integer')
        for col, typ in m.columns:
            lines.append('          - name: %s' % col)
            lines.append('            data_type: %s' % typ)
        lines.append('          - name: updated_at')
        lines.append('            data_type: timestamp')
    return '\n'.join(lines) + '\n'


def models_yaml(folder_models, accounts_model):
    lines = ['version: 2', '', 'models:']
    for m in folder_models:
        lines.append('  - name: %s' % m.name)
        if m.description_doc:
            lines.append('    description: "{{ doc(\'%s\') }}"' % m.description_doc)
        else:
            lines.append('    description: "%s %s of the %s domain."' % (
                m.layer.capitalize(), m.entity.replace('_', ' '), m.domain))
        if m.layer == 'marts' and m.index % 7 == 0:
            lines.append('    config:')
            lines.append('      meta:')
            lines.append('        owner: "%s-team@example.com"' % m.domain)
        lines.append('    columns:')
        lines.append('      - name: id')
        lines.append('        description: "{{ doc(\'col_id\') }}"')
        if m.materialized != 'ephemeral':
            lines.append('        data_tests:')
            lines.append('          - not_null')
            if m.layer == 'staging':
                lines.append('          - unique')
        lines.append('      - name: account_id')
        if m is not accounts_model and m.materialized != 'ephemeral' and m.index % 5 == 0:
            lines.append('        data_tests:')
            lines.append('          - relationships:')
            lines.append("              to: ref('%s')" % accounts_model.name)
            lines.append('              field: account_id')
        elif m is accounts_model:
            lines.append('        data_tests: [unique, not_null]')
        for col, typ in m.columns:
            lines.append('      - name: %s' % col)
            lines.append('        data_type: %s' % typ)
            stem = column_stem(col)
            if KINDS.get(stem) == 'status' and m.materialized != 'ephemeral':
                lines.append('        data_tests:')
                lines.append('          - accepted_values:')
                lines.append('              values: [%s]' % ', '.join("'%s'" % s for s in STATUSES))
                lines.append('              config:')
                lines.append('                severity: warn')
        lines.append('      - name: updated_at')
        lines.append('        description: "{{ doc(\'col_updated_at\') }}"')
    return '\n'.join(lines) + '\n'


MACROS_SQL = '''{#- Project macros of the generated project. -#}

{% macro clean_string(column_name) -%}
    nullif(trim({{ column_name }}), '')
{%- endmacro %}

{% macro to_currency_units(column_name, decimals=2) -%}
    round(cast({{ column_name }} as {{ dbt.type_numeric() }}), {{ decimals }})
{%- endmacro %}

{% macro safe_ratio(numerator, denominator) -%}
    case when {{ denominator }} = 0 then null
         else cast({{ numerator }} as {{ dbt.type_float() }}) / {{ denominator }} end
{%- endmacro %}

{% macro surrogate_key(columns) -%}
    {%- set parts = [] -%}
    {%- for c in columns -%}
        {%- do parts.append("coalesce(cast(" ~ c ~ " as " ~ dbt.type_string() ~ "), '_null_')") -%}
        {%- if not loop.last %}{% do parts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}

{% macro is_recent(column_name, days=30) -%}
    ({{ column_name }} >= {{ dbt.dateadd('day', -days, dbt.current_timestamp()) }})
{%- endmacro %}

{% macro limit_in_dev(rows=1000) -%}
    {%- if target.name == 'dev' %}limit {{ rows }}{% endif -%}
{%- endmacro %}
'''

MACROS_YAML = '''version: 2

macros:
  - name: clean_string
    description: "Trims a text column and turns empty strings into null."
    arguments:
      - name: column_name
        type: string
  - name: to_currency_units
    description: "Rounds an amount to `decimals` places as the warehouse's numeric type."
    arguments:
      - name: column_name
        type: string
      - name: decimals
        type: integer
  - name: safe_ratio
    description: "numerator / denominator, or null when the denominator is 0."
  - name: surrogate_key
    description: "md5 of the listed columns joined with '|', nulls as '_null_'."
    arguments:
      - name: columns
        type: list[string]
  - name: is_recent
    description: "True when the timestamp is less than `days` days old."
  - name: limit_in_dev
    description: "A `limit` clause in the dev target only."
'''


def generate(out_dir, n, seed):
    rnd = random.Random(seed)
    models, domains = plan(n, rnd)
    accounts_model = models[0]
    os.makedirs(out_dir, exist_ok=True)
    for sub in ('macros', 'seeds', 'models/docs', 'analyses', 'tests', 'snapshots'):
        os.makedirs(os.path.join(out_dir, sub), exist_ok=True)

    write(os.path.join(out_dir, 'dbt_project.yml'), '''# Generated by test-projects/generate.py --models %d --seed %d
name: synthetic
version: "1.0.0"
config-version: 2
profile: synthetic

model-paths: ["models"]
seed-paths: ["seeds"]
macro-paths: ["macros"]
analysis-paths: ["analyses"]
test-paths: ["tests"]
snapshot-paths: ["snapshots"]
target-path: "target"
clean-targets: ["target"]

vars:
  lookback_days: 3
  synthetic_seed: %d

models:
  synthetic:
    +materialized: view
    staging:
      +schema: staging
      +tags: ["staging"]
    intermediate:
      +schema: intermediate
      +tags: ["intermediate"]
    marts:
      +materialized: table
      +schema: marts
      +tags: ["marts"]

seeds:
  synthetic:
    +schema: raw
''' % (n, seed, seed))
    write(os.path.join(out_dir, 'profiles.yml'), '''synthetic:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: synthetic.duckdb
      schema: main
      threads: 8
''')
    write(os.path.join(out_dir, 'packages.yml'), 'packages: []\n')
    write(os.path.join(out_dir, 'macros', 'helpers.sql'), MACROS_SQL)
    write(os.path.join(out_dir, 'macros', '_macros.yml'), MACROS_YAML)
    write(os.path.join(out_dir, 'seeds', 'country_codes.csv'),
          'country_code,country_name\nNL,Netherlands\nDE,Germany\nBE,Belgium\nFR,France\n'
          'GB,United Kingdom\nSE,Sweden\nUS,United States\nJP,Japan\n')

    docs = ['{% docs col_id %}\nThe row\'s identifier, unique within its model.\n{% enddocs %}\n',
            '{% docs col_updated_at %}\nWhen the row last changed in the source system.\n{% enddocs %}\n']
    for d in domains:
        docs.append('{%% docs doc_%s %%}\nModels of the **%s** domain, generated.\n{%% enddocs %%}\n' % (d, d))
    write(os.path.join(out_dir, 'models', 'docs', 'domains.md'), '\n'.join(docs))

    by_folder = {}
    for m in models:
        by_folder.setdefault(m.folder, []).append(m)
    for folder, folder_models in by_folder.items():
        path = os.path.join(out_dir, 'models', folder)
        os.makedirs(path, exist_ok=True)
        layer, domain = folder.split('/')
        for m in folder_models:
            write(os.path.join(path, m.name + '.sql'), model_sql(m, models, rnd))
        write(os.path.join(path, '_%s__%s.yml' % (domain, layer)), models_yaml(folder_models, accounts_model))
        if layer == 'staging':
            write(os.path.join(path, '_%s__sources.yml' % domain), source_yaml(domain, folder_models))

    last = models[-1]
    write(os.path.join(out_dir, 'analyses', 'latest_rows.sql'),
          "select * from {{ ref('%s') }}\norder by updated_at desc\n{{ limit_in_dev(50) }}\n" % last.name)
    write(os.path.join(out_dir, 'tests', 'assert_accounts_have_ids.sql'),
          "select * from {{ ref('%s') }} where account_id is null\n" % accounts_model.name)
    write(os.path.join(out_dir, 'snapshots', 'accounts_snapshot.sql'),
          "{%% snapshot accounts_snapshot %%}\n{{ config(target_schema='snapshots', unique_key='id', "
          "strategy='timestamp', updated_at='updated_at') }}\nselect * from {{ ref('%s') }}\n"
          "{%% endsnapshot %%}\n" % accounts_model.name)
    return models


def raw_tables(out_dir, models):
    """A macro creating every source's schema and table (typed columns, no rows), run on-run-start."""
    statements = []
    schemas = []
    for m in models:
        if m.layer != 'staging':
            continue
        schema = 'raw_%s' % m.domain
        if schema not in schemas:
            schemas.append(schema)
            statements.append('create schema if not exists %s' % schema)
        cols = ['id bigint', 'account_id integer'] + ['%s %s' % (c, t) for c, t in m.columns]
        cols.append('updated_at timestamp')
        statements.append('create table if not exists %s.%s (%s)' % (schema, m.source[1], ', '.join(cols)))
    write(os.path.join(out_dir, 'macros', 'raw_tables.sql'),
          '{%% macro create_raw_tables() %%}\n%s\n{%% endmacro %%}\n' % ';\n'.join(statements))
    path = os.path.join(out_dir, 'dbt_project.yml')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    write(path, text + '\non-run-start: "{{ create_raw_tables() }}"\n')


def clock_readers(out_dir, every):
    """Appends a comment that reads the clock ({{ run_started_at }}) to every `every`-th staging
    model (by path): their compiled SQL differs from one session to the next, their columns do not
    (what dbtls checks after restoring a session's columns)."""
    paths = []
    for root, _, files in os.walk(os.path.join(out_dir, 'models', 'staging')):
        paths += [os.path.join(root, f) for f in files if f.endswith('.sql')]
    for i, path in enumerate(sorted(paths), start=1):
        if i % every == 0:
            with open(path, 'a', encoding='utf-8') as f:
                f.write('-- loaded at {{ run_started_at }}\n')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('out_dir')
    ap.add_argument('--models', type=int, required=True, help='number of models (>= 1)')
    ap.add_argument('--seed', type=int, default=1, help='random seed (default 1)')
    ap.add_argument('--raw-tables', action='store_true',
                    help='also an on-run-start hook that creates the sources\' tables (empty), so '
                         'that dbtls run / build builds the project on a fresh DuckDB file')
    ap.add_argument('--clock-readers', type=int, metavar='K',
                    help='every K-th staging model also reads the clock (run_started_at)')
    args = ap.parse_args(argv)
    if args.models < 1:
        ap.error('--models must be at least 1')
    start = time.perf_counter()
    models = generate(args.out_dir, args.models, args.seed)
    if args.raw_tables:
        raw_tables(args.out_dir, models)
    if args.clock_readers:
        clock_readers(args.out_dir, args.clock_readers)
    sys.stderr.write('wrote %d models to %s in %.2f s\n' % (len(models), args.out_dir, time.perf_counter() - start))


if __name__ == '__main__':
    main()
