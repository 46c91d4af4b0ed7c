--! MySQL date and time functions. The servers run in UTC; results avoid the current time except in comparisons.
@source mysql
@fixture
CREATE TABLE tr_m_dt (
  id INT NOT NULL PRIMARY KEY,
  d DATE,
  t DATETIME,
  n BIGINT
);
INSERT INTO tr_m_dt VALUES (1, '2024-01-31', '2024-01-31 10:20:30', 1700000000);
INSERT INTO tr_m_dt VALUES (2, '2023-02-28', '2023-12-31 23:59:59', 0);
INSERT INTO tr_m_dt VALUES (3, NULL, NULL, NULL);

@case NOW is a timestamp of today
SELECT DATE(NOW()) = CURDATE()
@expect
1

@case CURRENT_TIMESTAMP without parentheses
SELECT CURRENT_TIMESTAMP IS NOT NULL, CURRENT_DATE = CURDATE()
@expect
1 | 1

@case NOW has whole seconds
SELECT NOW() = CAST(NOW() AS DATETIME)
@expect
1

@case UTC_TIMESTAMP is close to NOW in a UTC server
SELECT ABS(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())) < 5
@expect
1

@case CURTIME is not null
SELECT CURTIME() IS NOT NULL
@expect
1

@case DATE of a datetime
SELECT DATE(t) FROM tr_m_dt WHERE id = 1
@expect
2024-01-31

@case YEAR MONTH DAY
SELECT YEAR(d), MONTH(d), DAY(d), DAYOFMONTH(t) FROM tr_m_dt WHERE id = 1
@expect
2024 | 1 | 31 | 31

@case HOUR MINUTE SECOND
SELECT HOUR(t), MINUTE(t), SECOND(t) FROM tr_m_dt WHERE id = 1
@expect
10 | 20 | 30

@case DATE_FORMAT common specifiers
SELECT DATE_FORMAT(t, '%Y-%m-%d %H:%i:%s') FROM tr_m_dt WHERE id = 1
@expect
2024-01-31 10:20:30

@case DATE_FORMAT with literal text
SELECT DATE_FORMAT(d, 'Day %d of %m, %Y') FROM tr_m_dt WHERE id = 1
@expect
Day 31 of 01, 2024

@case DATE_FORMAT %T and %j
SELECT DATE_FORMAT(t, '%T'), DATE_FORMAT(t, '%j') FROM tr_m_dt WHERE id = 2
@expect
23:59:59 | 365

@case DATE_FORMAT of NULL
SELECT DATE_FORMAT(d, '%Y') FROM tr_m_dt WHERE id = 3
@expect
NULL

@case DATE_ADD a day to a date
SELECT DATE_ADD(d, INTERVAL 1 DAY) FROM tr_m_dt WHERE id = 1
@expect
2024-02-01

@case DATE_ADD a month clamps to the month's end
SELECT DATE_ADD(d, INTERVAL 1 MONTH) FROM tr_m_dt WHERE id = 1
@expect
2024-02-29

@case DATE_ADD a year from the end of February
SELECT DATE_ADD(d, INTERVAL 1 YEAR) FROM tr_m_dt WHERE id = 2
@expect
2024-02-28

@case DATE_SUB days from a datetime
SELECT DATE_SUB(t, INTERVAL 31 DAY) FROM tr_m_dt WHERE id = 1
@expect
2023-12-31 10:20:30

@case DATE_ADD hours crosses midnight
SELECT DATE_ADD(t, INTERVAL 2 HOUR) FROM tr_m_dt WHERE id = 2
@expect
2024-01-01 01:59:59

@case DATE_ADD minutes and seconds
SELECT DATE_ADD(t, INTERVAL 40 MINUTE), DATE_ADD(t, INTERVAL -30 SECOND) FROM tr_m_dt WHERE id = 1
@expect
2024-01-31 11:00:30 | 2024-01-31 10:20:00

@case DATE_ADD weeks and quarters
SELECT DATE_ADD(d, INTERVAL 2 WEEK), DATE_ADD(d, INTERVAL 1 QUARTER) FROM tr_m_dt WHERE id = 1
@expect
2024-02-14 | 2024-04-30

@case date plus INTERVAL
SELECT d + INTERVAL 3 DAY, t - INTERVAL 1 HOUR FROM tr_m_dt WHERE id = 1
@expect
2024-02-03 | 2024-01-31 09:20:30

@case DATE_ADD on a string literal
SELECT DATE_ADD('2024-03-31', INTERVAL 1 MONTH)
@expect
2024-04-30

@case DATE_ADD with a parameter amount
SELECT DATE_ADD(d, INTERVAL ? DAY) FROM tr_m_dt WHERE id = 1
@bind 10
@expect
2024-02-10

@case ADDDATE with days
SELECT ADDDATE(d, 5) FROM tr_m_dt WHERE id = 2
@expect
2023-03-05

@case DATEDIFF in days
SELECT DATEDIFF(t, d) FROM tr_m_dt ORDER BY id
@expect
0
306
NULL

@case DATEDIFF ignores the time of day
SELECT DATEDIFF('2024-03-01 00:00:01', '2024-02-28 23:59:59')
@expect
2

@case TIMESTAMPDIFF in seconds minutes hours days
SELECT TIMESTAMPDIFF(SECOND, '2024-01-01 00:00:00', t), TIMESTAMPDIFF(MINUTE, '2024-01-01 00:00:00', t), TIMESTAMPDIFF(HOUR, '2024-01-01 00:00:00', t), TIMESTAMPDIFF(DAY, '2024-01-01 00:00:00', t) FROM tr_m_dt WHERE id = 1
@expect
2629230 | 43820 | 730 | 30

@case TIMESTAMPDIFF negative truncates toward zero
SELECT TIMESTAMPDIFF(HOUR, t, '2024-01-31 08:00:00') FROM tr_m_dt WHERE id = 1
@expect
-2

@case TIMESTAMPDIFF in months
SELECT TIMESTAMPDIFF(MONTH, '2024-01-31', '2024-03-30'), TIMESTAMPDIFF(YEAR, '2020-02-29', '2024-02-28')
@expect
1 | 3
@refuse h2: TIMESTAMPDIFF(MONTH, …) cannot be translated from mysql to h2: h2 counts calendar units differently. To fix this, use TIMESTAMPDIFF(DAY, …) or compute the difference in the application.
@refuse sqlite: TIMESTAMPDIFF(MONTH, …) cannot be translated from mysql to sqlite: sqlite counts calendar units differently. To fix this, use TIMESTAMPDIFF(DAY, …) or compute the difference in the application.

@case LAST_DAY
SELECT LAST_DAY(d), LAST_DAY('2024-02-10') FROM tr_m_dt WHERE id = 2
@expect
2023-02-28 | 2024-02-29

@case UNIX_TIMESTAMP of a datetime
SELECT UNIX_TIMESTAMP('2024-01-01 00:00:00')
@expect
1704067200

@case UNIX_TIMESTAMP now is recent
SELECT UNIX_TIMESTAMP() > 1700000000
@expect
1

@case FROM_UNIXTIME
SELECT FROM_UNIXTIME(n) FROM tr_m_dt ORDER BY id
@expect
2023-11-14 22:13:20
1970-01-01
NULL

@case STR_TO_DATE with a date format
SELECT STR_TO_DATE('2024-02-29', '%Y-%m-%d')
@expect
2024-02-29

@case STR_TO_DATE with a datetime format
SELECT STR_TO_DATE('2024-02-29 13:14:15', '%Y-%m-%d %H:%i:%s')
@expect
2024-02-29 13:14:15

@case STR_TO_DATE with a day-first format
SELECT STR_TO_DATE('31/01/2024', '%d/%m/%Y')
@expect
2024-01-31
@refuse sqlite: STR_TO_DATE with format '%d/%m/%Y' cannot be translated from mysql to sqlite: SQLite parses only ISO dates. To fix this, pass the value as a java.time parameter, or as 'YYYY-MM-DD HH:MM:SS'.

@case comparing dates with a string
SELECT id FROM tr_m_dt WHERE d > '2023-06-01' ORDER BY id
@expect
1

@case date literal
SELECT id FROM tr_m_dt WHERE d = DATE '2023-02-28'
@expect
2

@case ordering datetimes with NULL first
SELECT id FROM tr_m_dt ORDER BY t
@expect
3
2
1

@case BETWEEN dates with parameters
SELECT id FROM tr_m_dt WHERE d BETWEEN ? AND ? ORDER BY id
@bind '2023-01-01' | '2023-12-31'
@expect
2

@case grouping by year
SELECT YEAR(t), COUNT(*) FROM tr_m_dt WHERE t IS NOT NULL GROUP BY YEAR(t) ORDER BY YEAR(t)
@expect
2023 | 1
2024 | 1
