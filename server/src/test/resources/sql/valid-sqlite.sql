select a from t limit 10 offset 5

select a || b from t

select ifnull(a, 0), coalesce(b, 1) from t

select date('now'), datetime('now', '-1 day')

select strftime('%Y', ts) from t

select cast(a as integer) from t

select a from t where a glob 'x*'

select group_concat(a, ',') from t

select json_extract(a, '$.b') from t

select a ->> '$.b' from t

select row_number() over (partition by a order by b) from t

select a from t where a is not null

with x as (select 1 as a) select * from x

select a from [t]

select a from t where rowid > 1

select typeof(a) from t

select iif(a > 1, 'x', 'y') from t

select substr(a, 1, 3) from t

select a from t union select a from u

select * from t natural join u

select 'a,,b', '(' as p from t -- a comment with ( and ,,

select [from] from t

select "from" from t
