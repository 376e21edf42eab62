select distinct on (customer_id) customer_id, order_date from orders order by customer_id, order_date desc

select a::int, b::text, c::numeric(10, 2), d::timestamptz from t

select count(*) filter (where status = 'done') as done from t

select sum(x) over (partition by a order by b rows between unbounded preceding and current row) from t

select sum(x) over w from t window w as (partition by a order by b)

select * from t, lateral (select * from u where u.t_id = t.id limit 1) x

select * from t left join lateral (select max(v) as m from u where u.id = t.id) s on true

select data->>'name', data->'address'->>'city' from t

select * from t where data @> '{"a": 1}'::jsonb

select data #>> '{a,b}' from t

select * from t where tags && array['x', 'y']

select array[1, 2, 3], arr[1], array_agg(a order by b) from t

select * from generate_series(1, 10) as g(i)

select generate_series('2024-01-01'::date, '2024-12-31'::date, interval '1 day')

select now() - interval '1 day'

select current_date + interval '3 months'

insert into t (a, b) values (1, 2) on conflict (a) do update set b = excluded.b

insert into t (a) values (1) on conflict do nothing

select a from t where a ~ '^x' and b !~* 'y'

select a from t where a ilike 'x%'

select coalesce(nullif(a, ''), 'none') from t

select date_trunc('month', created_at)::date as month from t

select extract(epoch from ts) from t

select to_char(ts, 'YYYY-MM-DD') from t

select string_agg(name, ', ' order by name) from t

select percentile_cont(0.5) within group (order by x) from t

select a from t where a = any(array[1, 2])

select a from t where a <> all(select b from u)

select * from unnest(array[1, 2]) with ordinality as u(x, n)

with recursive r as (select 1 as n union all select n + 1 from r where n < 10) select * from r

with x as materialized (select 1) select * from x

select e'it\'s'

select 'a' || 'b' as ab

select $$dollar quoted$$, $tag$ also $tag$

select row_number() over () as rn, rank() over (order by a desc nulls last) from t

select * from t order by a desc nulls first limit 10 offset 20

select * from t fetch first 10 rows only

select a, count(*) from t group by rollup (a)

select a, b, count(*) from t group by grouping sets ((a), (b), ())

select a, b from t group by cube (a, b)

select * from t tablesample bernoulli (10)

select case when a is distinct from b then 1 end from t

select a from t where ts between symmetric 1 and 2

select cast(a as varchar(10)) from t

select json_build_object('a', a, 'b', b) from t

select jsonb_array_elements(data->'items') from t

select (data->>'amount')::numeric from t

select a from t where b is not true

select a from "public"."orders" as "o"

select a from t union select b from u order by 1

select a from t where a in (select b from u) and exists (select 1)

select lag(a, 1) over (order by b), lead(a) over (order by b) from t

select first_value(a) over (partition by b order by c range between unbounded preceding and unbounded following) from t

select * from t for update

select a from t where created_at >= current_timestamp - interval '7 days'

select md5(a::text) from t

select split_part(a, '-', 1), regexp_replace(a, '\s+', ' ', 'g') from t

select a from t natural join u

select * from (values (1, 'a'), (2, 'b')) as v (id, name)

select array_length(arr, 1), cardinality(arr) from t

select t.* from t where t.a is null

select count(distinct a) from t

select bool_or(a), bool_and(b), every(c) from t

select a from t where row(a, b) = row(1, 2)

select date_part('year', ts) from t

select a from t where a similar to '%(b|d)%'

select 1::bigint # 3

select 'a,,b', '(' as p from t -- a comment with ( and ,,

select "from", "order" from t

select 1 /* nested /* comment ( */ still */ from t

select $fn$ ( $fn$ as body

select e'\\' as backslash, '\' as literal_backslash

select a from t where b = 'x' -- where
