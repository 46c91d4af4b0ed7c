--! PostgreSQL everyday idioms, translated for MariaDB and SQLite.
@source postgresql
@fixture
CREATE TABLE tr_p_items (
  id SERIAL PRIMARY KEY,
  "Name" VARCHAR(40) NOT NULL,
  price NUMERIC(8,2),
  qty INTEGER,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  added TIMESTAMP
);
INSERT INTO tr_p_items ("Name", price, qty, active, added) VALUES ('Apple', 1.50, 10, TRUE, '2024-01-31 10:00:00');
INSERT INTO tr_p_items ("Name", price, qty, active, added) VALUES ('banana', 0.25, NULL, FALSE, '2024-02-29 12:30:00');
INSERT INTO tr_p_items ("Name", price, qty, active, added) VALUES ('Cherry', NULL, 7, TRUE, NULL);

@case double-quoted names keep their case
SELECT id, "Name" FROM tr_p_items ORDER BY id
@expect
1 | Apple
2 | banana
3 | Cherry

@case :: casts to integer and text
SELECT price::int, qty::text FROM tr_p_items WHERE id = 1
@expect
2 | 10

@case :: cast of a string literal to a date
SELECT '2024-03-01'::date
@expect
2024-03-01

@case :: cast to numeric with a scale rounds
SELECT 2.345::numeric(6,2)
@expect
2.35

@case CAST with PostgreSQL type names
SELECT CAST(qty AS bigint), CAST('12' AS integer) FROM tr_p_items WHERE id = 3
@expect
7 | 12

@case ILIKE ignores case
SELECT id FROM tr_p_items WHERE "Name" ILIKE 'b%'
@expect
2

@case NOT ILIKE
SELECT id FROM tr_p_items WHERE "Name" NOT ILIKE '%a%' ORDER BY id
@expect
3

@case LIKE is case-sensitive
SELECT id FROM tr_p_items WHERE "Name" LIKE 'a%'
@expect
(no rows)
@known sqlite: 1

@case equality with a string literal is case-sensitive
SELECT id FROM tr_p_items WHERE "Name" = 'apple'
@expect
(no rows)

@case || concatenates
SELECT "Name" || ' x' || qty FROM tr_p_items WHERE id = 1
@expect
Apple x10

@case || with NULL is NULL
SELECT 'a' || qty FROM tr_p_items WHERE id = 2
@expect
NULL

@case || binds looser than +
SELECT 'n=' || qty + 1 FROM tr_p_items WHERE id = 1
@expect
n=11

@case concat() skips NULL
SELECT concat('a', qty, 'b') FROM tr_p_items WHERE id = 2
@expect
ab

@case NOW and CURRENT_DATE
SELECT NOW() IS NOT NULL, CURRENT_DATE IS NOT NULL
@expect
1 | 1

@case INTERVAL one day
SELECT added + INTERVAL '1 day' FROM tr_p_items WHERE id = 1
@expect
2024-02-01 10:00:00

@case INTERVAL hours subtracted
SELECT added - INTERVAL '2 hours' FROM tr_p_items WHERE id = 2
@expect
2024-02-29 10:30:00

@case booleans in WHERE
SELECT id FROM tr_p_items WHERE active ORDER BY id
@expect
1
3

@case NOT boolean
SELECT id FROM tr_p_items WHERE NOT active
@expect
2

@case boolean compared with TRUE
SELECT id FROM tr_p_items WHERE active = TRUE ORDER BY id
@expect
1
3

@case boolean values
SELECT active FROM tr_p_items ORDER BY id
@expect
1
0
1

@case LIMIT and OFFSET
SELECT id FROM tr_p_items ORDER BY id LIMIT 1 OFFSET 1
@expect
2

@case OFFSET without LIMIT
SELECT id FROM tr_p_items ORDER BY id OFFSET 2
@expect
3

@case FETCH FIRST
SELECT id FROM tr_p_items ORDER BY id DESC FETCH FIRST 2 ROWS ONLY
@expect
3
2

@case NULLs sort last ascending
SELECT id FROM tr_p_items ORDER BY qty
@expect
3
1
2

@case NULLs sort first descending
SELECT id FROM tr_p_items ORDER BY price DESC
@expect
3
1
2

@case NULLS FIRST explicitly
SELECT id FROM tr_p_items ORDER BY qty NULLS FIRST, id
@expect
2
3
1

@case integer division truncates
SELECT 7 / 2, -7 / 2
@expect
3 | -3

@case length counts characters
SELECT length('héllo')
@expect
5

@case strpos
SELECT strpos("Name", 'an') FROM tr_p_items WHERE id = 2
@expect
2

@case string_agg with ORDER BY
SELECT string_agg("Name", ';' ORDER BY id) FROM tr_p_items
@expect
Apple;banana;Cherry

@case greatest skips NULL
SELECT greatest(qty, 8), least(qty, 8) FROM tr_p_items ORDER BY id
@expect
10 | 8
8 | 8
8 | 7

@case IS DISTINCT FROM
SELECT id FROM tr_p_items WHERE qty IS DISTINCT FROM 10 ORDER BY id
@expect
2
3

@case IS NOT DISTINCT FROM NULL
SELECT id FROM tr_p_items WHERE qty IS NOT DISTINCT FROM NULL
@expect
2

@case E string with an escape
SELECT length(E'a\tb'), E'it\'s'
@expect
3 | it's

@case standard string with a backslash
SELECT 'C:\temp'
@expect
C:\temp

@case dollar-quoted string
SELECT $$it's$$
@expect
it's

@case a comment without a space
SELECT 1 --comment
@expect
1

@case ON CONFLICT DO NOTHING
CREATE TABLE tr_p_conf (id INTEGER PRIMARY KEY, v TEXT);
INSERT INTO tr_p_conf VALUES (1, 'a');
INSERT INTO tr_p_conf VALUES (1, 'b'), (2, 'c') ON CONFLICT DO NOTHING;
SELECT id, v FROM tr_p_conf ORDER BY id
@expect
1 | a
2 | c

@case ON CONFLICT DO UPDATE with EXCLUDED
CREATE TABLE tr_p_upsert (id INTEGER PRIMARY KEY, n INTEGER);
INSERT INTO tr_p_upsert VALUES (1, 1);
INSERT INTO tr_p_upsert VALUES (1, 5), (2, 7) ON CONFLICT (id) DO UPDATE SET n = tr_p_upsert.n + EXCLUDED.n;
SELECT id, n FROM tr_p_upsert ORDER BY id
@expect
1 | 6
2 | 7

@case INSERT RETURNING
CREATE TABLE tr_p_ret (id SERIAL PRIMARY KEY, v TEXT);
INSERT INTO tr_p_ret (v) VALUES ('x') RETURNING id
@expect
1

@case DELETE RETURNING
CREATE TABLE tr_p_del (id INTEGER PRIMARY KEY);
INSERT INTO tr_p_del VALUES (1), (2);
DELETE FROM tr_p_del WHERE id = 2 RETURNING id
@expect
2

@case UPDATE RETURNING
CREATE TABLE tr_p_upd (id INTEGER PRIMARY KEY, v INTEGER);
INSERT INTO tr_p_upd VALUES (1, 1);
UPDATE tr_p_upd SET v = 2 RETURNING v
@expect
2
@refuse mariadb: UPDATE … RETURNING cannot be translated from postgresql to mariadb: mariadb has RETURNING on INSERT and DELETE only. To fix this, select the rows before changing them.

@case SERIAL numbers rows
CREATE TABLE tr_p_serial (id SERIAL PRIMARY KEY, v TEXT);
INSERT INTO tr_p_serial (v) VALUES ('a'), ('b');
SELECT id, v FROM tr_p_serial ORDER BY id
@expect
1 | a
2 | b

@case BIGSERIAL and column types
CREATE TABLE tr_p_types (id BIGSERIAL PRIMARY KEY, t TEXT, d DOUBLE PRECISION, b BOOLEAN, at TIMESTAMP DEFAULT now(), n NUMERIC(5,1));
INSERT INTO tr_p_types (t, d, b, n) VALUES ('x', 0.5, false, 1.2);
SELECT id, t, d, b, at IS NOT NULL, n FROM tr_p_types
@expect
1 | x | 0.5 | 0 | 1 | 1.2

@case parameters keep their order
SELECT id FROM tr_p_items WHERE qty > ? AND "Name" <> ? ORDER BY id
@bind 5 | 'Cherry'
@expect
1

@case positional parameters are refused
SELECT $1::int
@refuse mariadb: Positional parameter $1 cannot be translated from postgresql to mariadb: JDBC binds ? markers. To fix this, write ? instead of $n.
@refuse sqlite: Positional parameter $1 cannot be translated from postgresql to sqlite: JDBC binds ? markers. To fix this, write ? instead of $n.

@case regular expression operator is refused
SELECT id FROM tr_p_items WHERE "Name" ~ '^A'
@expect
1
@refuse mariadb: The ~ operator cannot be translated from postgresql to mariadb: mariadb has no equivalent. To fix this, use LIKE.
@refuse sqlite: The ~ operator cannot be translated from postgresql to sqlite: sqlite has no equivalent. To fix this, use LIKE.

@case array types are refused
CREATE TABLE tr_p_array (id INTEGER PRIMARY KEY, tags TEXT[]);
SELECT COUNT(*) FROM tr_p_array
@expect
0
@refuse mariadb: Array type TEXT[] cannot be translated from postgresql to mariadb: mariadb has no array types. To fix this, store the values in a separate table.
@refuse sqlite: Array type TEXT[] cannot be translated from postgresql to sqlite: sqlite has no array types. To fix this, store the values in a separate table.

@case cast to boolean is refused
SELECT 1::boolean
@expect
1
@refuse mariadb: A cast to boolean cannot be translated from postgresql to mariadb: mariadb has no boolean type to cast to. To fix this, compare the value instead: x <> 0, or x = 'true'.
@refuse sqlite: A cast to boolean cannot be translated from postgresql to sqlite: sqlite has no boolean type to cast to. To fix this, compare the value instead: x <> 0, or x = 'true'.
