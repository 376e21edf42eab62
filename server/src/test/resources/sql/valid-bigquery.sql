select a from `project.dataset.table`

select a from `project`.`dataset`.`table`

select * except (a, b) from t

select * replace (a + 1 as a) from t

select struct(1 as a, 'x' as b) as s

select array<int64>[1, 2, 3]

select x from t, unnest(t.arr) as x

select x from unnest([1, 2, 3]) as x with offset as o

select a from t qualify row_number() over (partition by b order by c) = 1

select safe_cast(a as int64) from t

select date_trunc(ts, month) from t

select timestamp_diff(a, b, second) from t

select format_date('%Y-%m-%d', d) from t

select a from t where a = 'it\'s'

select r'\d+', b'bytes'

select """triple quoted""" as s

select if(a > 1, 'x', 'y') from t

select array_agg(a ignore nulls order by b limit 10) from t

select struct<a int64, b string>(1, 'x')

select s.a, s.b from t, unnest(t.structs) as s

select a, b, from t

select countif(a > 1) from t

select date_sub(current_date(), interval 1 day)

select extract(dayofweek from d) from t

select parse_date('%Y%m%d', s) from t

select a from t tablesample system (10 percent)

select (select count(*) from u where u.id = t.id) as c from t

select a from t where a in unnest([1, 2])

select json_extract_scalar(j, '$.a') from t

select a from t order by a desc limit 10

select generate_date_array('2024-01-01', '2024-12-31')

select * from t for system_time as of timestamp_sub(current_timestamp(), interval 1 hour)

select string_agg(a, ',') from t

select array_length(arr), arr[offset(0)], arr[safe_ordinal(1)] from t

select a from t window w as (partition by b) 

with x as (select 1 as a) select * from x

select 'a,,b', '(' as p from t -- a comment with ( and ,,

select 1 as a # a hash comment with (
from t

select '''it's ( here''' as s

select `from` from t
