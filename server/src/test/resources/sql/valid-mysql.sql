select `a`, `b` from `db`.`t`

select a from t where b = 'it\'s'

select a from t limit 5, 10

select ifnull(a, 0), if(b > 1, 'x', 'y') from t

select group_concat(a order by b separator ',') from t

select date_format(ts, '%Y-%m-%d') from t

select a from t where a regexp '^x'

select a from t straight_join u on t.id = u.id

select cast(a as unsigned), cast(b as char) from t

select a from t where b like 'x%' escape '!'

select a, count(*) from t group by a with rollup

select a from t order by a desc limit 10

select now() - interval 1 day

select date_add(ts, interval 3 month) from t

select `order`, `select` from t

select a from t where a <=> null

select a from t as x inner join u as y on x.id = y.id

select json_extract(a, '$.b') from t

select a->>'$.b' from t

select substring(a, 1, 3), locate('x', a) from t

select row_number() over (partition by a order by b) from t

with x as (select 1 as a) select * from x

select a from t union all select a from u

select coalesce(a, b) from t where c is not null

select truncate(a, 2), round(b, 1) from t

select concat(a, '-', b) from t

select * from t where a in (1, 2, 3)

select distinct a from t

select a from t where exists (select 1 from u where u.a = t.a)

select str_to_date(a, '%Y-%m-%d') from t

select 'a,,b', '(' as p from t -- a comment with ( and ,,

select a # a hash comment with (
from t

select "double \" quote", 'it''s' from t

select a--1 from t

select `from` from t
