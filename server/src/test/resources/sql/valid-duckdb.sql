select * exclude (a, b) from t

select * replace (a + 1 as a) from t

select a, row_number() over (partition by b order by c) as rn from t qualify rn = 1

select a::int, b::varchar, c::decimal(10, 2) from t

select [1, 2, 3] as l, {'a': 1, 'b': 2} as s

from t

from t select a

pivot t on b using sum(c)

pivot t on b using sum(c) group by a

unpivot t on (a, b) into name k value v

select * from trades asof join prices on trades.ts >= prices.ts

select a, sum(b) from t group by all

select * from t order by all

select list_transform(l, x -> x + 1) from t

select list_filter(l, x -> x > 1) as f from t

select * from a union by name select * from b

select * from a union all by name select * from b

select s[1:3], s[2] from t

select date_trunc('day', ts) as d, count(*) from t group by 1 order by 1

with a as (select 1 as x) select * from a

with recursive r(n) as (select 1 union all select n + 1 from r where n < 10) select * from r

select * from read_csv_auto('f.csv')

select * from read_parquet('data/*.parquet', hive_partitioning = true)

select a from t where a ilike '%x%'

select struct_pack(a := 1, b := 2)

select count(*) filter (where a > 1) from t

select x from t limit 10 offset 5

select cast(a as decimal(10,2)) from t

select a from "db"."main"."t"

select 1 as x;

select * from t using sample 10%

select * from t tablesample 10 percent

select a, b, from t

select a.* from t as a left join u as b using (id)

select {'a': 1}.a

select epoch_ms(ts) from t

select 'it''s' as s

select columns('a.*') from t

select min(columns(*)) from t

select * from t positional join u

select a, b from t where a between 1 and 10 and b is not null

select a from t where a similar to 'x.*'

select a from t where a glob '*.csv'

select regexp_matches(a, '^x') from t

select interval 1 day + current_date

select current_date - interval '3 days'

select date '2024-01-01', timestamp '2024-01-01 00:00:00'

select try_cast(a as integer) from t

select a // 2, a % 3, 2 ** 3 from t

select list_value(1, 2), [x * 2 for x in [1, 2, 3]]

select a from t semi join u on t.id = u.id

select a from t anti join u on t.id = u.id

select * from generate_series(1, 10)

select * from range(10) t(i)

select string_agg(a, ',' order by b) from t

select first(a order by b desc) from t

select arg_max(a, b), max_by(a, b) from t

select a from t where a in ('x', 'y') and b not in (1, 2)

select case a when 1 then 'one' else 'other' end from t

select * from t lateral join unnest(t.l) as u(x) on true

select unnest([1, 2, 3]) as x

select a.b.c from t

select hash(a), md5(b) from t

select a from t order by a nulls last

select distinct on (a) a, b from t order by a, b

select * from (values (1, 'a'), (2, 'b')) as v(id, name)

select a from t intersect select a from u

select a from t except select a from u

select a ->> '$.x' from t

select json_extract(a, '$.x') from t

select * exclude (a) replace (b * 2 as b) from t

select sum(x) over (order by ts rows between 2 preceding and current row) from t

select sum(x) over (order by ts range between interval 1 day preceding and current row) from t

select a from t where exists (select 1 from u where u.id = t.id)

select 1 as "quoted col", "weird ""name""" from t

select a /* comment */ from t -- trailing

select * from t where a = $1

select greatest(a, b), least(a, b) from t

select a collate nocase from t

select strftime(ts, '%Y-%m-%d') from t

select 1e10, .5, 1_000_000

select 'a,,b', '(' as p from t -- a comment with ( and ,,

select a /* ( from from */ from t

select "from", "where" from t

select 'from from where' as x

select 1 /* nested /* comment ( */ still */ from t

select $$ ( unbalanced $$ as s

select a
from t
where b = 1 -- trailing comment and
