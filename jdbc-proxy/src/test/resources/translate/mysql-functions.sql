--! MySQL string, number and control functions.
@source mysql
@fixture
CREATE TABLE tr_m_fn (
  id INT NOT NULL PRIMARY KEY,
  s VARCHAR(40),
  n INT,
  d DECIMAL(8,3),
  f DOUBLE
);
INSERT INTO tr_m_fn VALUES (1, 'Hello World', 10, 2.555, 1.5);
INSERT INTO tr_m_fn VALUES (2, NULL, NULL, NULL, NULL);
INSERT INTO tr_m_fn VALUES (3, 'abc', -7, -1.005, -2.25);
INSERT INTO tr_m_fn VALUES (4, 'héllo', 0, 0.000, 0);

@case IFNULL
SELECT id, IFNULL(s, 'none') FROM tr_m_fn ORDER BY id
@expect
1 | Hello World
2 | none
3 | abc
4 | héllo

@case IFNULL of numbers
SELECT IFNULL(n, -1) FROM tr_m_fn WHERE id = 2
@expect
-1

@case IF with a comparison
SELECT id, IF(n > 0, 'pos', 'not') FROM tr_m_fn ORDER BY id
@expect
1 | pos
2 | not
3 | not
4 | not

@case nested IF
SELECT IF(n IS NULL, 'null', IF(n < 0, 'neg', 'other')) FROM tr_m_fn ORDER BY id
@expect
other
null
neg
other

@case CONCAT of strings
SELECT CONCAT(s, '!') FROM tr_m_fn WHERE id = 3
@expect
abc!

@case CONCAT is NULL when an argument is NULL
SELECT CONCAT('a', s, 'b') FROM tr_m_fn WHERE id = 2
@expect
NULL

@case CONCAT of numbers and strings
SELECT CONCAT(n, '/', s) FROM tr_m_fn WHERE id = 1
@expect
10/Hello World

@case CONCAT with a decimal keeps its scale
SELECT CONCAT('v', d) FROM tr_m_fn WHERE id = 1
@expect
v2.555

@case CONCAT_WS skips NULLs
SELECT CONCAT_WS('-', 'a', s, 'b') FROM tr_m_fn WHERE id = 2
@expect
a-b

@case CONCAT_WS joins values
SELECT CONCAT_WS(', ', s, 'x') FROM tr_m_fn WHERE id = 3
@expect
abc, x

@case GROUP_CONCAT with ORDER BY
SELECT GROUP_CONCAT(s ORDER BY id DESC) FROM tr_m_fn
@expect
héllo,abc,Hello World

@case GROUP_CONCAT with SEPARATOR
SELECT GROUP_CONCAT(id ORDER BY id DESC SEPARATOR '|') FROM tr_m_fn
@expect
4|3|2|1

@case GROUP_CONCAT per group
SELECT n > 0, GROUP_CONCAT(id ORDER BY id) FROM tr_m_fn WHERE n IS NOT NULL GROUP BY n > 0 ORDER BY n > 0
@expect
0 | 3,4
1 | 1

@case SUBSTRING with a positive start
SELECT SUBSTRING(s, 7), SUBSTRING(s, 1, 5) FROM tr_m_fn WHERE id = 1
@expect
World | Hello

@case SUBSTRING with a negative start
SELECT SUBSTRING(s, -5), SUBSTRING(s, -5, 2) FROM tr_m_fn WHERE id = 1
@expect
World | Wo

@case SUBSTRING with a start before the beginning
SELECT CONCAT('[', SUBSTRING('abc', -5), ']')
@expect
[]

@case SUBSTRING with start zero
SELECT CONCAT('[', SUBSTRING('abc', 0), ']')
@expect
[]

@case SUBSTR and MID
SELECT SUBSTR(s, 2, 2), MID(s, 2, 1) FROM tr_m_fn WHERE id = 3
@expect
bc | b

@case SUBSTRING of NULL
SELECT SUBSTRING(s, -2) FROM tr_m_fn WHERE id = 2
@expect
NULL

@case LEFT and RIGHT
SELECT LEFT(s, 5), RIGHT(s, 5) FROM tr_m_fn WHERE id = 1
@expect
Hello | World

@case LEFT and RIGHT longer than the string
SELECT LEFT(s, 10), RIGHT(s, 10) FROM tr_m_fn WHERE id = 3
@expect
abc | abc

@case LOCATE
SELECT LOCATE('o', s), LOCATE('z', s) FROM tr_m_fn WHERE id = 1
@expect
5 | 0

@case INSTR
SELECT INSTR(s, 'World') FROM tr_m_fn WHERE id = 1
@expect
7

@case LCASE and UCASE
SELECT LCASE(s), UCASE(s) FROM tr_m_fn WHERE id = 1
@expect
hello world | HELLO WORLD

@case LENGTH counts bytes, CHAR_LENGTH characters
SELECT LENGTH(s), CHAR_LENGTH(s), CHARACTER_LENGTH(s) FROM tr_m_fn WHERE id = 4
@expect
6 | 5 | 5

@case LENGTH of a number
SELECT LENGTH(n) FROM tr_m_fn WHERE id = 1
@expect
2

@case TRUNCATE
SELECT TRUNCATE(d, 2), TRUNCATE(d, 0) FROM tr_m_fn WHERE id = 1
@expect
2.55 | 2

@case TRUNCATE of a negative number
SELECT TRUNCATE(d, 2) FROM tr_m_fn WHERE id = 3
@expect
-1

@case ROUND of a decimal
SELECT ROUND(d, 2), ROUND(d) FROM tr_m_fn WHERE id = 1
@expect
2.56 | 3

@case ROUND of a negative decimal at an exact half
SELECT ROUND(d, 2) FROM tr_m_fn WHERE id = 3
@expect
-1.01
@known sqlite: -1

@case ROUND half away from zero
SELECT ROUND(2.5), ROUND(-2.5), ROUND(1.25, 1)
@expect
3 | -3 | 1.3

@case RAND is between 0 and 1
SELECT RAND() >= 0 AND RAND() < 1
@expect
1

@case ABS, SIGN, FLOOR, CEIL
SELECT ABS(n), SIGN(n), FLOOR(f), CEIL(f) FROM tr_m_fn WHERE id = 3
@expect
7 | -1 | -3 | -2

@case MOD function
SELECT MOD(n, 3) FROM tr_m_fn WHERE id = 1
@expect
1

@case MOD of a negative number keeps the dividend's sign
SELECT MOD(n, 3), n % 3 FROM tr_m_fn WHERE id = 3
@expect
-1 | -1

@case GREATEST and LEAST
SELECT GREATEST(n, 5), LEAST(n, 5) FROM tr_m_fn WHERE id = 1
@expect
10 | 5

@case GREATEST with NULL is NULL
SELECT GREATEST(n, 5), LEAST(1, n) FROM tr_m_fn WHERE id = 2
@expect
NULL | NULL

@case COALESCE and NULLIF
SELECT COALESCE(s, 'x'), NULLIF(n, 10) FROM tr_m_fn WHERE id = 1
@expect
Hello World | NULL

@case UPPER and LOWER and TRIM
SELECT UPPER(TRIM('  ab ')), LOWER('CD'), LTRIM('  x'), RTRIM('y  ')
@expect
AB | cd | x | y

@case REPLACE
SELECT REPLACE(s, 'l', 'L') FROM tr_m_fn WHERE id = 1
@expect
HeLLo WorLd

@case CAST AS SIGNED
SELECT CAST('42' AS SIGNED), CAST(d AS SIGNED) FROM tr_m_fn WHERE id = 1
@expect
42 | 3

@case CAST AS CHAR
SELECT CAST(n AS CHAR), CAST(s AS CHAR(3)) FROM tr_m_fn WHERE id = 1
@expect
10 | Hel

@case CAST AS DECIMAL rounds
SELECT CAST(d AS DECIMAL(6,1)) FROM tr_m_fn WHERE id = 1
@expect
2.6

@case CAST AS DATE
SELECT CAST('2024-02-29 10:11:12' AS DATE)
@expect
2024-02-29

@case CONVERT with a type
SELECT CONVERT('7', SIGNED)
@expect
7

@case aggregate functions
SELECT COUNT(*), COUNT(n), SUM(n), MIN(n), MAX(n) FROM tr_m_fn
@expect
4 | 3 | 3 | -7 | 10

@case AVG of integers
SELECT AVG(n) FROM tr_m_fn
@expect
1

@case COUNT DISTINCT
SELECT COUNT(DISTINCT n > 0) FROM tr_m_fn
@expect
2

@case POW and POWER
SELECT POW(2, 3), POWER(n, 2) FROM tr_m_fn WHERE id = 1
@expect
8 | 100

@case SQRT
SELECT SQRT(16)
@expect
4

@case string functions on a parameter
SELECT CONCAT(?, s) FROM tr_m_fn WHERE id = 3
@bind 'x-'
@expect
x-abc

@case function nested in function
SELECT UCASE(LEFT(IFNULL(s, 'zz'), 2)) FROM tr_m_fn ORDER BY id
@expect
HE
ZZ
AB
HÉ
@known sqlite: HE / ZZ / AB / Hé
