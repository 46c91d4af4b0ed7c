--! PostgreSQL's aggregate FILTER, LIMIT ALL, DISTINCT ON, date_trunc, interval arithmetic, generate_series
--! and arrays, translated for MariaDB and SQLite where they can say it, refused where they cannot.
@source postgresql
@fixture
CREATE TABLE tr_p_sets (
  id INTEGER PRIMARY KEY,
  grp VARCHAR(10) NOT NULL,
  qty INTEGER,
  at TIMESTAMP NOT NULL
);
INSERT INTO tr_p_sets VALUES (1, 'a', 5, '2024-02-14 13:45:21');
INSERT INTO tr_p_sets VALUES (2, 'a', NULL, '2024-05-31 23:59:59');
INSERT INTO tr_p_sets VALUES (3, 'b', 7, '2023-12-31 00:00:01');
INSERT INTO tr_p_sets VALUES (4, 'b', 2, '2024-03-03 08:15:00');

@case FILTER on COUNT(*) and SUM
SELECT COUNT(*) FILTER (WHERE qty > 3), SUM(qty) FILTER (WHERE grp = 'b') FROM tr_p_sets
@expect
2 | 9

@case FILTER per group with MIN and MAX
SELECT grp, MIN(id) FILTER (WHERE qty IS NOT NULL), MAX(qty) FILTER (WHERE id > 1) FROM tr_p_sets GROUP BY grp ORDER BY grp
@expect
a | 1 | NULL
b | 3 | 7

@case FILTER with a parameter in the condition
SELECT COUNT(id) FILTER (WHERE qty < ?) FROM tr_p_sets
@bind 6
@expect
2

@case FILTER on COUNT DISTINCT
SELECT COUNT(DISTINCT grp) FILTER (WHERE qty >= 5) FROM tr_p_sets
@expect
2

@case FILTER on string_agg is refused on MariaDB
SELECT string_agg(grp, ',') FILTER (WHERE id = 1) FROM tr_p_sets
@expect
a
@refuse mariadb: FILTER on string_agg() cannot be translated from postgresql to mariadb: mariadb has no FILTER clause and the translator rewrites it for count, sum, avg, min and max only. To fix this, write the aggregate over CASE WHEN condition THEN value END.

@case LIMIT ALL with OFFSET
SELECT id FROM tr_p_sets ORDER BY id LIMIT ALL OFFSET 2
@expect
3
4

@case LIMIT ALL alone
SELECT COUNT(*) FROM (SELECT id FROM tr_p_sets LIMIT ALL) AS every_row
@expect
4

@case DISTINCT ON keeps the first row of each group
SELECT DISTINCT ON (grp) grp, id FROM tr_p_sets ORDER BY grp, id
@expect
a | 1
b | 3

@case DISTINCT ON with the rest of ORDER BY descending, NULLs first as PostgreSQL sorts them
SELECT DISTINCT ON (grp) grp, id, qty FROM tr_p_sets ORDER BY grp, qty DESC
@expect
a | 2 | NULL
b | 3 | 7

@case DISTINCT ON an output alias, ordered descending, with LIMIT
SELECT DISTINCT ON (g) grp AS g, id AS first_id FROM tr_p_sets ORDER BY g DESC, id LIMIT 1
@expect
b | 3

@case DISTINCT ON with a parameter in WHERE
SELECT DISTINCT ON (grp) grp, id FROM tr_p_sets WHERE qty > ? OR qty IS NULL ORDER BY grp, id DESC
@bind 3
@expect
a | 2
b | 3

@case DISTINCT ON and ORDER BY column numbers
SELECT DISTINCT ON (1) grp, qty FROM tr_p_sets ORDER BY 1, 2
@expect
a | 5
b | 2

@case DISTINCT ON ordered by a computed expression (computed once, in the innermost query)
SELECT DISTINCT ON (grp) grp, id FROM tr_p_sets ORDER BY grp, COALESCE(qty, 0) * 2 DESC
@expect
a | 1
b | 3

@case Typed date and timestamp literals outside interval arithmetic compare as the target stores dates
SELECT id FROM tr_p_sets WHERE at > timestamp '2024-02-14 13:45:21' AND CAST(at AS DATE) <= date '2024-05-31' ORDER BY id
@expect
2
4

@case DISTINCT ON without ORDER BY in a subquery
SELECT COUNT(*) FROM (SELECT DISTINCT ON (grp) grp, id FROM tr_p_sets) AS firsts
@expect
2

@case DISTINCT ON with a qualified column and the latest row first
SELECT DISTINCT ON (s.grp) s.grp, s.id FROM tr_p_sets s WHERE s.id > 0 ORDER BY s.grp, s.at DESC
@expect
a | 2
b | 4

@case DISTINCT ON with * is refused
SELECT DISTINCT ON (grp) * FROM tr_p_sets ORDER BY grp, id
@expect
1 | a | 5 | 2024-02-14 13:45:21
3 | b | 7 | 2023-12-31 00:00:01
@refuse mariadb: SELECT DISTINCT ON cannot be translated from postgresql to mariadb: its select list has *, and the rewritten query must name every column. To fix this, list the columns instead of *.
@refuse sqlite: SELECT DISTINCT ON cannot be translated from postgresql to sqlite: its select list has *, and the rewritten query must name every column. To fix this, list the columns instead of *.

@case DISTINCT ON with an unnamed expression is refused
SELECT DISTINCT ON (grp) grp, qty * 2 FROM tr_p_sets ORDER BY grp, id
@expect
a | 10
b | 14
@refuse mariadb: SELECT DISTINCT ON cannot be translated from postgresql to mariadb: the select item qty * 2 has no name the rewritten query can select it by. To fix this, give it an alias: qty * 2 AS some_name.
@refuse sqlite: SELECT DISTINCT ON cannot be translated from postgresql to sqlite: the select item qty * 2 has no name the rewritten query can select it by. To fix this, give it an alias: qty * 2 AS some_name.

@case DISTINCT is still DISTINCT
SELECT DISTINCT grp FROM tr_p_sets ORDER BY grp
@expect
a
b

@case date_trunc to year, month and day
SELECT date_trunc('year', at), date_trunc('month', at), date_trunc('day', at) FROM tr_p_sets WHERE id = 1
@expect
2024-01-01 | 2024-02-01 | 2024-02-14

@case date_trunc to hour, minute and second
SELECT date_trunc('hour', at), date_trunc('minute', at), date_trunc('second', at) FROM tr_p_sets WHERE id = 1
@expect
2024-02-14 13:00:00 | 2024-02-14 13:45:00 | 2024-02-14 13:45:21

@case date_trunc to the week starts on Monday
SELECT id, date_trunc('week', at) FROM tr_p_sets ORDER BY id
@expect
1 | 2024-02-12
2 | 2024-05-27
3 | 2023-12-25
4 | 2024-02-26

@case date_trunc to the quarter
SELECT id, date_trunc('quarter', at) FROM tr_p_sets ORDER BY id
@expect
1 | 2024-01-01
2 | 2024-04-01
3 | 2023-10-01
4 | 2024-01-01

@case grouping by date_trunc
SELECT date_trunc('month', at) AS m, COUNT(*) FROM tr_p_sets GROUP BY date_trunc('month', at) ORDER BY m
@expect
2023-12-01 | 1
2024-02-01 | 1
2024-03-01 | 1
2024-05-01 | 1

@case date_trunc with an unknown unit
SELECT date_trunc('decade', at) FROM tr_p_sets WHERE id = 1
@expect
2020-01-01
@refuse mariadb: date_trunc unit 'decade' cannot be translated from postgresql to mariadb: the translator knows year, quarter, month, week, day, hour, minute and second. To fix this, use one of those units.
@refuse sqlite: date_trunc unit 'decade' cannot be translated from postgresql to sqlite: the translator knows year, quarter, month, week, day, hour, minute and second. To fix this, use one of those units.

@case interval arithmetic in months, weeks and minutes
SELECT at + INTERVAL '1 month', at - INTERVAL '2 weeks', at + INTERVAL '30 minutes' FROM tr_p_sets WHERE id = 4
@expect
2024-04-03 08:15:00 | 2024-02-18 08:15:00 | 2024-03-03 08:45:00

@case interval arithmetic in a condition
SELECT id FROM tr_p_sets WHERE at + INTERVAL '1 day' > '2024-05-01' ORDER BY id
@expect
2

@case interval arithmetic chained
SELECT at + INTERVAL '1 day' + INTERVAL '2 hours', at - interval '1 week' - interval '30 minutes' FROM tr_p_sets WHERE id = 4
@expect
2024-03-04 10:15:00 | 2024-02-25 07:45:00

@case interval multiplied by a parameter
SELECT id FROM tr_p_sets WHERE at - CAST(? AS INTEGER) * INTERVAL '1 day' > '2024-05-01' ORDER BY id
@bind 10
@expect
2

@case interval multiplied by a literal
SELECT at + 3 * INTERVAL '2 hours' FROM tr_p_sets WHERE id = 4
@expect
2024-03-03 14:15:00

@case interval of months clamps the end of the month
SELECT at + INTERVAL '3 months', at - INTERVAL '1 year' FROM tr_p_sets WHERE id = 2
@expect
2024-08-31 23:59:59 | 2023-05-31 23:59:59

@case interval of one month from the last day of January
SELECT TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 month'
@expect
2024-02-29 10:00:00

@case interval multiplied after the interval is refused
SELECT at + INTERVAL '1 day' * 2 FROM tr_p_sets WHERE id = 4
@expect
2024-03-05 08:15:00
@refuse mariadb: INTERVAL '1 day' multiplied this way cannot be translated from postgresql to mariadb: the translator writes a factor only before the interval. To fix this, write the factor first, as n * INTERVAL '1 day'.
@refuse sqlite: INTERVAL '1 day' multiplied this way cannot be translated from postgresql to sqlite: the translator writes a factor only before the interval. To fix this, write the factor first, as n * INTERVAL '1 day'.

@case generate_series in FROM
SELECT * FROM generate_series(1, 4)
@expect
1
2
3
4

@case generate_series with an alias, a column name and a negative step
SELECT g.n * 10 FROM generate_series(10, 1, -4) AS g(n) ORDER BY g.n
@expect
20
60
100

@case generate_series that is empty
SELECT COUNT(*) FROM generate_series(5, 1)
@expect
0

@case generate_series joined with a table and bound bounds
SELECT s, COUNT(t.id) FROM generate_series(?, ?) s LEFT JOIN tr_p_sets t ON t.qty = s GROUP BY s ORDER BY s
@bind 4 | 7
@expect
4 | 0
5 | 1
6 | 0
7 | 1

@case generate_series in a select list is refused
SELECT generate_series(1, 2)
@expect
1
2
@refuse mariadb: generate_series() outside FROM cannot be translated from postgresql to mariadb: mariadb has no set-returning functions in a select list. To fix this, select from generate_series(…) in the FROM clause.
@refuse sqlite: generate_series() outside FROM cannot be translated from postgresql to sqlite: sqlite has no set-returning functions in a select list. To fix this, select from generate_series(…) in the FROM clause.

@case = ANY over an ARRAY is IN
SELECT id FROM tr_p_sets WHERE id = ANY (ARRAY[2, 4, 9]) ORDER BY id
@expect
2
4

@case <> ALL over an ARRAY with a parameter is NOT IN
SELECT id FROM tr_p_sets WHERE grp <> ALL (ARRAY['b', ?]) ORDER BY id
@bind x
@expect
1
2

@case = ANY over a subquery
SELECT id FROM tr_p_sets WHERE id = ANY (SELECT id + 1 FROM tr_p_sets WHERE grp = 'a') ORDER BY id
@expect
2
3

@case = ANY over an array parameter is refused
SELECT id FROM tr_p_sets WHERE id = ANY (?)
@bind 1
@refuse mariadb: = ANY (…) over an array parameter cannot be translated from postgresql to mariadb: mariadb has no array values. To fix this, write IN (?, ?, …) with one marker per value.
@refuse sqlite: = ANY (…) over an array parameter cannot be translated from postgresql to sqlite: sqlite has no array values. To fix this, write IN (?, ?, …) with one marker per value.

@case an ARRAY value is refused
SELECT ARRAY[1, 2] IS NOT NULL
@expect
1
@refuse mariadb: An ARRAY constructor cannot be translated from postgresql to mariadb: mariadb has no array values. To fix this, store the values in a separate table, or pass them one by one as IN (?, ?, …).
@refuse sqlite: An ARRAY constructor cannot be translated from postgresql to sqlite: sqlite has no array values. To fix this, store the values in a separate table, or pass them one by one as IN (?, ?, …).

@case array_agg is refused
SELECT array_length(array_agg(id), 1) FROM tr_p_sets
@expect
4
@refuse mariadb: Array function array_length() cannot be translated from postgresql to mariadb: mariadb has no array values. To fix this, store the values in a separate table, or pass them one by one as IN (?, ?, …).
@refuse sqlite: Array function array_length() cannot be translated from postgresql to sqlite: sqlite has no array values. To fix this, store the values in a separate table, or pass them one by one as IN (?, ?, …).
