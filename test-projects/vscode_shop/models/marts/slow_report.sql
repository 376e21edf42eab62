-- A deliberately slow model (a ten-billion-row cross join): the tests cancel its preview.
select count(*) as pairs, sum(a.range % 7 + b.range % 5) as checksum
from range(100000) as a
cross join range(100000) as b
