select a, row_number() over (partition by b order by c) as rn from t qualify rn = 1

select src:customer.name::string as name from t

select src:items[0]:id::int from t

select value:id::int from t, lateral flatten(input => t.items)

select f.value from t, table(flatten(t.arr)) f

select a from t where a ilike any ('%x%', '%y%')

select a from t where a like any ('x%', 'y%')

select iff(a > 1, 'x', 'y') from t

select a from t sample (10)

select * exclude (a) from t

select * rename (a as b) from t

select object_construct('a', a) from t

select array_agg(a) within group (order by b) from t

select to_varchar(ts, 'YYYY-MM-DD') from t

select dateadd(day, 1, ts), datediff('day', a, b) from t

select $1, $2 from @my_stage

select a from "DB"."SCHEMA"."T"

select parse_json(a):b::string from t

select try_to_number(a) from t

select listagg(a, ',') within group (order by a) from t

select a from t where b = any (select c from u)

select zeroifnull(a), nvl(b, 0) from t

select split_part(a, '-', 1) from t

select current_timestamp()::date

select a from t minus select a from u

select a, b, from t

select a from t limit 10

select a from t at (offset => -60)

select a from t where regexp_like(a, '^x')

select hash(a) from t

select a from identifier('t')

select * from table(generator(rowcount => 10))

select seq4() from table(generator(rowcount => 10))

with x as (select 1 as a) select * from x

select ts::timestamp_ntz from t

select count_if(a > 1) from t

select a from t order by a nulls last

select 'a,,b', '(' as p from t -- a comment with ( and ,,

select 1 as a // a slash comment with (
from t

select 'it\'s' as s

select "from" from t
