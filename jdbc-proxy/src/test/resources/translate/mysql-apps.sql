--! MySQL constructs applications use that the other files do not cover: the "all rows" LIMIT, adjacent
--! literals, sums of comparisons, the server's version and schema, H2's reserved words as bare names.
@source mysql
@fixture
CREATE TABLE tr_m_app (
  id INT NOT NULL PRIMARY KEY,
  value INT,
  `key` VARCHAR(10),
  year INT,
  month INT,
  day INT,
  score INT
);
INSERT INTO tr_m_app (id, value, `key`, year, month, day, score) VALUES (1, 10, 'a', 2023, 1, 5, 3);
INSERT INTO tr_m_app (id, value, `key`, year, month, day, score) VALUES (2, 20, 'b', 2024, 2, 6, NULL);
INSERT INTO tr_m_app (id, value, `key`, year, month, day, score) VALUES (3, 30, 'c', 2024, 3, 7, 9);
INSERT INTO tr_m_app (id, value, `key`, year, month, day, score) VALUES (4, 40, 'd', 2025, 4, 8, 1);

@case LIMIT offset with the largest count means all rows after the offset
SELECT id FROM tr_m_app ORDER BY id LIMIT 2, 18446744073709551615
@expect
3
4

@case LIMIT with the largest count and OFFSET
SELECT id FROM tr_m_app ORDER BY id LIMIT 18446744073709551615 OFFSET 1
@expect
2
3
4

@case LIMIT with the largest count and a bound offset
SELECT id FROM tr_m_app ORDER BY id LIMIT ?, 18446744073709551615
@bind 3
@expect
4

@case LIMIT with the largest count alone
SELECT COUNT(*) FROM (SELECT id FROM tr_m_app LIMIT 18446744073709551615) AS every_row
@expect
4

@case adjacent string literals are one
SELECT 'abc' 'def', 'x' "y" 'z'
@expect
abcdef | xyz

@case adjacent literals across lines, with an escape
SELECT CONCAT('it\'s '
  'fine', '!')
@expect
it's fine!

@case adjacent literals in a comparison
SELECT id FROM tr_m_app WHERE `key` = 'c' '' ORDER BY id
@expect
3

@case SUM over a comparison counts the true ones
SELECT SUM(value > 15), SUM(score IS NULL), SUM(year = 2024 AND month > 2) FROM tr_m_app
@expect
3 | 1 | 1

@case SUM over a comparison with NULL operands ignores them
SELECT SUM(score > 2) FROM tr_m_app
@expect
2

@case AVG over a comparison is a share
SELECT CAST(AVG(value >= 20) * 100 AS SIGNED) FROM tr_m_app
@expect
75

@case SUM over a comparison per group
SELECT year, SUM(value > 10) FROM tr_m_app GROUP BY year ORDER BY year
@expect
2023 | 0
2024 | 2
2025 | 1

@case SUM over a comparison with a parameter
SELECT SUM(value > ?) FROM tr_m_app
@bind 25
@expect
2

@case SUM of a CASE is left alone
SELECT SUM(CASE WHEN value > 15 THEN 1 ELSE 0 END) FROM tr_m_app
@expect
3

@case VERSION is the server's version text
SELECT LENGTH(VERSION()) > 2
@expect
1

@case DATABASE names the schema unqualified tables are found in
SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = LOWER(DATABASE()) AND LOWER(table_name) = 'tr_m_app'
@expect
1
@refuse sqlite: Table information_schema.tables cannot be translated from mysql to sqlite: sqlite has no information_schema. To fix this, read java.sql.DatabaseMetaData instead.

@case DATABASE is not null
SELECT DATABASE() IS NOT NULL
@expect
1

@case bare value, year and month as column names
SELECT id, value, year, month, day FROM tr_m_app WHERE year = 2024 AND value > 15 ORDER BY month DESC
@expect
3 | 30 | 2024 | 3 | 7
2 | 20 | 2024 | 2 | 6

@case bare reserved names qualified by the table
SELECT a.value, a.year FROM tr_m_app a WHERE a.month = 1
@expect
10 | 2023

@case bare reserved names as aliases and in ORDER BY
SELECT value * 2 AS value, `key` FROM tr_m_app ORDER BY value DESC LIMIT 1
@expect
80 | d

@case bare reserved names in INSERT and UPDATE
INSERT INTO tr_m_app (id, value, `key`, year, month, day) VALUES (5, 50, 'e', 2026, 5, 9);
UPDATE tr_m_app SET value = value + 1, year = year + 1 WHERE id = 5;
SELECT value, year FROM tr_m_app WHERE id = 5
@expect
51 | 2027

@case date units stay units next to names
SELECT year, YEAR(DATE_ADD('2024-01-31', INTERVAL 1 DAY)), TIMESTAMPDIFF(DAY, '2024-01-01', '2024-01-31') FROM tr_m_app WHERE id = 1
@expect
2023 | 2024 | 30

@case the system variables Hibernate reads to pick its MySQL dialect
SELECT @@character_set_database, @@sql_mode LIKE '%STRICT_TRANS_TABLES%', @@session.sql_mode NOT LIKE '%NO_BACKSLASH_ESCAPES%'
@expect
utf8mb4 | 1 | 1

@case the server version as a system variable
SELECT LENGTH(@@version) > 2
@expect
1

@case EXTRACT of a date part, whose unit is not a name
SELECT EXTRACT(YEAR FROM DATE_ADD('2024-12-31', INTERVAL 1 DAY)), EXTRACT(MONTH FROM '2024-03-05'), EXTRACT(MINUTE FROM '2024-03-05 10:42:00')
@expect
2025 | 3 | 42
