select a::int, b::varchar(10) from t

select 'it\'s' as s

select listagg(a, ',') within group (order by a) from t

select top 10 a from t

select a from t qualify row_number() over (partition by b order by c) = 1

select datediff(day, a, b), dateadd(month, 1, a) from t

select nvl(a, 0), decode(a, 1, 'x', 'y') from t

select a from t where a similar to 'x%'

select json_extract_path_text(j, 'a') from t

select getdate(), sysdate

select convert_timezone('UTC', 'America/New_York', ts) from t

select a from t order by a limit 10

with x as (select 1 as a) select * from x

select approximate count(distinct a) from t

select 'a,,b', '(' as p from t -- a comment with ( and ,,
