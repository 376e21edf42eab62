select a from `catalog`.`schema`.`t`

select explode(arr) as x from t

select a from t lateral view explode(arr) e as x

select * except (a) from t

select a:b.c from t

select a from t qualify row_number() over (partition by b order by c) = 1

select transform(arr, x -> x + 1) from t

select filter(arr, x -> x > 1) from t

select named_struct('a', 1, 'b', 2)

select map('a', 1)

select array(1, 2, 3)

select date_format(ts, 'yyyy-MM-dd') from t

select a from t where a rlike '^x'

select collect_list(a), collect_set(b) from t

select a from t distribute by a sort by b

select a from t cluster by a

select if(a > 1, 'x', 'y') from t

select a from t limit 10

select cast(a as string), a::int from t

select a from t where a = 'it\'s'

select current_date() - interval 1 day

with x as (select 1 as a) select * from x

select a from t tablesample (10 percent)

select struct(a, b) as s from t

select element_at(arr, 1) from t

select a from t group by all

select 'a,,b', '(' as p from t -- a comment with ( and ,,

select 1 /* nested /* comment ( */ still */ from t

select `from` from t
