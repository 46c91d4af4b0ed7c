--! Constructs the translator refuses, with the message each target gets. The source still runs on MySQL.
@source mysql
@fixture
CREATE TABLE tr_m_ref (id INT PRIMARY KEY, v VARCHAR(10));
INSERT INTO tr_m_ref VALUES (1, 'a'), (2, 'B');

@case user variables
SELECT @counter := 1
@refuse postgresql: Variable @counter cannot be translated from mysql to postgresql: postgresql has no MySQL session or user variables. To fix this, bind the value as a ? parameter.
@refuse h2: Variable @counter cannot be translated from mysql to h2: h2 has no MySQL session or user variables. To fix this, bind the value as a ? parameter.
@refuse sqlite: Variable @counter cannot be translated from mysql to sqlite: sqlite has no MySQL session or user variables. To fix this, bind the value as a ? parameter.

@case system variables
SELECT @@version_comment IS NOT NULL
@refuse postgresql: Variable @@version_comment cannot be translated from mysql to postgresql: postgresql has no MySQL session or user variables. To fix this, bind the value as a ? parameter.
@refuse h2: Variable @@version_comment cannot be translated from mysql to h2: h2 has no MySQL session or user variables. To fix this, bind the value as a ? parameter.
@refuse sqlite: Variable @@version_comment cannot be translated from mysql to sqlite: sqlite has no MySQL session or user variables. To fix this, bind the value as a ? parameter.

@case LOCK TABLES
LOCK TABLES tr_m_ref WRITE
@refuse postgresql: LOCK TABLES cannot be translated from mysql to postgresql: postgresql has no table locks that last across statements in the same way. To fix this, use a transaction with SELECT … FOR UPDATE.
@refuse h2: LOCK TABLES cannot be translated from mysql to h2: h2 has no table locks that last across statements in the same way. To fix this, use a transaction with SELECT … FOR UPDATE.
@refuse sqlite: LOCK TABLES cannot be translated from mysql to sqlite: sqlite has no table locks that last across statements in the same way. To fix this, use a transaction with SELECT … FOR UPDATE.

@case UNLOCK TABLES
UNLOCK TABLES
@refuse postgresql: UNLOCK TABLES cannot be translated from mysql to postgresql: postgresql has no table locks that last across statements in the same way. To fix this, use a transaction with SELECT … FOR UPDATE.
@refuse h2: UNLOCK TABLES cannot be translated from mysql to h2: h2 has no table locks that last across statements in the same way. To fix this, use a transaction with SELECT … FOR UPDATE.
@refuse sqlite: UNLOCK TABLES cannot be translated from mysql to sqlite: sqlite has no table locks that last across statements in the same way. To fix this, use a transaction with SELECT … FOR UPDATE.

@case SELECT INTO OUTFILE
SELECT * FROM tr_m_ref INTO OUTFILE '/tmp/tr_m_ref.txt'
@refuse postgresql: SELECT … INTO OUTFILE cannot be translated from mysql to postgresql: it writes a file on the database server. To fix this, read the result set in the application and write the file there.
@refuse h2: SELECT … INTO OUTFILE cannot be translated from mysql to h2: it writes a file on the database server. To fix this, read the result set in the application and write the file there.
@refuse sqlite: SELECT … INTO OUTFILE cannot be translated from mysql to sqlite: it writes a file on the database server. To fix this, read the result set in the application and write the file there.

@case SHOW VARIABLES
SHOW VARIABLES LIKE 'version'
@refuse postgresql: SHOW VARIABLES cannot be translated from mysql to postgresql: only SHOW TABLES and SHOW COLUMNS FROM table (without LIKE or WHERE) are answered. To fix this, read java.sql.DatabaseMetaData instead.
@refuse h2: SHOW VARIABLES cannot be translated from mysql to h2: only SHOW TABLES and SHOW COLUMNS FROM table (without LIKE or WHERE) are answered. To fix this, read java.sql.DatabaseMetaData instead.
@refuse sqlite: SHOW VARIABLES cannot be translated from mysql to sqlite: only SHOW TABLES and SHOW COLUMNS FROM table (without LIKE or WHERE) are answered. To fix this, read java.sql.DatabaseMetaData instead.

@case SET of a session variable
SET SESSION sql_mode = 'ANSI'
@refuse postgresql: SET SESSION cannot be translated from mysql to postgresql: postgresql has no MySQL session variables. To fix this, configure the session through the JDBC URL or connection properties.
@refuse h2: SET SESSION cannot be translated from mysql to h2: h2 has no MySQL session variables. To fix this, configure the session through the JDBC URL or connection properties.
@refuse sqlite: SET SESSION cannot be translated from mysql to sqlite: sqlite has no MySQL session variables. To fix this, configure the session through the JDBC URL or connection properties.

@case XOR
SELECT id FROM tr_m_ref WHERE id = 1 XOR v = 'B'
@expect
1
2
@refuse postgresql: XOR cannot be translated from mysql to postgresql: postgresql has no logical XOR. To fix this, write (a AND NOT b) OR (NOT a AND b).
@refuse h2: XOR cannot be translated from mysql to h2: h2 has no logical XOR. To fix this, write (a AND NOT b) OR (NOT a AND b).
@refuse sqlite: XOR cannot be translated from mysql to sqlite: sqlite has no logical XOR. To fix this, write (a AND NOT b) OR (NOT a AND b).

@case SQL_CALC_FOUND_ROWS
SELECT SQL_CALC_FOUND_ROWS id FROM tr_m_ref LIMIT 1
@expect
1
@refuse postgresql: SQL_CALC_FOUND_ROWS cannot be translated from mysql to postgresql: postgresql has no FOUND_ROWS(). To fix this, run SELECT COUNT(*) with the same WHERE clause.
@refuse h2: SQL_CALC_FOUND_ROWS cannot be translated from mysql to h2: h2 has no FOUND_ROWS(). To fix this, run SELECT COUNT(*) with the same WHERE clause.
@refuse sqlite: SQL_CALC_FOUND_ROWS cannot be translated from mysql to sqlite: sqlite has no FOUND_ROWS(). To fix this, run SELECT COUNT(*) with the same WHERE clause.

@case RAND with a seed
SELECT RAND(3) < 1
@expect
1
@refuse postgresql: RAND(seed) cannot be translated from mysql to postgresql: a seeded sequence cannot be reproduced on postgresql. To fix this, call RAND() without a seed.
@refuse h2: RAND(seed) cannot be translated from mysql to h2: a seeded sequence cannot be reproduced on h2. To fix this, call RAND() without a seed.
@refuse sqlite: RAND(seed) cannot be translated from mysql to sqlite: a seeded sequence cannot be reproduced on sqlite. To fix this, call RAND() without a seed.

@case DATE_FORMAT with a week-day name on SQLite
SELECT DATE_FORMAT('2024-01-31', '%W %e %M')
@expect
Wednesday 31 January
@refuse sqlite: DATE_FORMAT specifier %W cannot be translated from mysql to sqlite: sqlite has no equivalent. To fix this, format the value in the application, or use %Y %m %d %H %i %s.

@case DATE_FORMAT with an unknown specifier
SELECT DATE_FORMAT('2024-01-31', '%U')
@expect
04
@refuse postgresql: DATE_FORMAT specifier %U cannot be translated from mysql to postgresql: postgresql has no equivalent. To fix this, format the value in the application, or use %Y %m %d %H %i %s.
@refuse h2: DATE_FORMAT specifier %U cannot be translated from mysql to h2: h2 has no equivalent. To fix this, format the value in the application, or use %Y %m %d %H %i %s.
@refuse sqlite: DATE_FORMAT specifier %U cannot be translated from mysql to sqlite: sqlite has no equivalent. To fix this, format the value in the application, or use %Y %m %d %H %i %s.

@case DATE_FORMAT with a computed format
SELECT DATE_FORMAT('2024-01-31', CONCAT('%', 'Y'))
@expect
2024
@refuse postgresql: DATE_FORMAT with a computed format cannot be translated from mysql to postgresql: the format is translated when the statement is. To fix this, write the format as a string literal.
@refuse h2: DATE_FORMAT with a computed format cannot be translated from mysql to h2: the format is translated when the statement is. To fix this, write the format as a string literal.
@refuse sqlite: DATE_FORMAT with a computed format cannot be translated from mysql to sqlite: the format is translated when the statement is. To fix this, write the format as a string literal.

@case FIND_IN_SET
SELECT FIND_IN_SET('b', 'a,b,c')
@expect
2
@refuse postgresql: FIND_IN_SET() cannot be translated from mysql to postgresql: postgresql has no equivalent function. To fix this, use a CASE expression.
@refuse h2: FIND_IN_SET() cannot be translated from mysql to h2: h2 has no equivalent function. To fix this, use a CASE expression.
@refuse sqlite: FIND_IN_SET() cannot be translated from mysql to sqlite: sqlite has no equivalent function. To fix this, use a CASE expression.

@case FULLTEXT index
CREATE TABLE tr_m_fulltext (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_body (body));
SELECT COUNT(*) FROM tr_m_fulltext
@expect
0
@refuse postgresql: FULLTEXT index cannot be translated from mysql to postgresql: postgresql has no fulltext index of MySQL's kind. To fix this, drop the index and search with LIKE or the target's own full-text features.
@refuse h2: FULLTEXT index cannot be translated from mysql to h2: h2 has no fulltext index of MySQL's kind. To fix this, drop the index and search with LIKE or the target's own full-text features.
@refuse sqlite: FULLTEXT index cannot be translated from mysql to sqlite: sqlite has no fulltext index of MySQL's kind. To fix this, drop the index and search with LIKE or the target's own full-text features.

@case SET column type
CREATE TABLE tr_m_settype (id INT PRIMARY KEY, tags SET('a', 'b'));
SELECT COUNT(*) FROM tr_m_settype
@expect
0
@refuse postgresql: Column type SET of column tags cannot be translated from mysql to postgresql: the translator has no equivalent for it on postgresql. To fix this, use a numeric, character, date/time or binary type.
@refuse h2: Column type SET of column tags cannot be translated from mysql to h2: the translator has no equivalent for it on h2. To fix this, use a numeric, character, date/time or binary type.
@refuse sqlite: Column type SET of column tags cannot be translated from mysql to sqlite: the translator has no equivalent for it on sqlite. To fix this, use a numeric, character, date/time or binary type.

@case LOCATE with a start position
SELECT LOCATE('a', 'banana', 3)
@expect
4
@refuse postgresql: LOCATE() with a start position cannot be translated from mysql to postgresql: postgresql has no such form. To fix this, use LOCATE(needle, SUBSTRING(haystack, start)) and add start - 1 when it is not 0.
@refuse sqlite: LOCATE() with a start position cannot be translated from mysql to sqlite: sqlite has no such form. To fix this, use LOCATE(needle, SUBSTRING(haystack, start)) and add start - 1 when it is not 0.

@case GROUP_CONCAT of several expressions
SELECT GROUP_CONCAT(id, v ORDER BY id) FROM tr_m_ref
@expect
1a,2B
@refuse postgresql: GROUP_CONCAT with several expressions cannot be translated from mysql to postgresql: the targets aggregate one. To fix this, pass one expression: GROUP_CONCAT(CONCAT(a, b)).
@refuse h2: GROUP_CONCAT with several expressions cannot be translated from mysql to h2: the targets aggregate one. To fix this, pass one expression: GROUP_CONCAT(CONCAT(a, b)).
@refuse sqlite: GROUP_CONCAT with several expressions cannot be translated from mysql to sqlite: the targets aggregate one. To fix this, pass one expression: GROUP_CONCAT(CONCAT(a, b)).

@case WITH ROLLUP
SELECT v, COUNT(*) FROM tr_m_ref GROUP BY v WITH ROLLUP
@refuse postgresql: WITH ROLLUP cannot be translated from mysql to postgresql: the translator does not rewrite grouping sets. To fix this, compute the totals with a second query or UNION ALL.
@refuse h2: WITH ROLLUP cannot be translated from mysql to h2: the translator does not rewrite grouping sets. To fix this, compute the totals with a second query or UNION ALL.
@refuse sqlite: WITH ROLLUP cannot be translated from mysql to sqlite: the translator does not rewrite grouping sets. To fix this, compute the totals with a second query or UNION ALL.

@case LOCK IN SHARE MODE on SQLite and H2
SELECT id FROM tr_m_ref WHERE id = 1 LOCK IN SHARE MODE
@expect
1
@refuse h2: LOCK IN SHARE MODE cannot be translated from mysql to h2: h2 has no shared row locks. To fix this, rely on the transaction's isolation, or drop the clause.
@refuse sqlite: LOCK IN SHARE MODE cannot be translated from mysql to sqlite: sqlite has no shared row locks. To fix this, rely on the transaction's isolation, or drop the clause.

@case SELECT FOR UPDATE on SQLite
SELECT id FROM tr_m_ref WHERE id = 2 FOR UPDATE
@expect
2
@refuse sqlite: SELECT … FOR UPDATE cannot be translated from mysql to sqlite: SQLite locks the whole database, not rows. To fix this, open the transaction with BEGIN IMMEDIATE and drop FOR UPDATE.

@case JSON operator
SELECT '{"a": 1}' ->> '$.a'
@refuse postgresql: The ->> operator cannot be translated from mysql to postgresql: postgresql has no equivalent. To fix this, use JSON_EXTRACT on MySQL only, or read the JSON in the application.
@refuse h2: The ->> operator cannot be translated from mysql to h2: h2 has no equivalent. To fix this, use JSON_EXTRACT on MySQL only, or read the JSON in the application.
@refuse sqlite: The ->> operator cannot be translated from mysql to sqlite: sqlite has no equivalent. To fix this, use JSON_EXTRACT on MySQL only, or read the JSON in the application.

@case a string holding NUL
SELECT LENGTH('a\0b')
@expect
3
@refuse postgresql: A string literal holding \0 cannot be translated from mysql to postgresql: postgresql cannot store NUL characters in text. To fix this, bind the value as bytes.
@refuse sqlite: A string literal holding \0 cannot be translated from mysql to sqlite: sqlite cannot store NUL characters in text. To fix this, bind the value as bytes.

@case hexadecimal number literal
SELECT 0x41 = 'A'
@expect
1
@refuse postgresql: Hexadecimal literal 0x41 cannot be translated from mysql to postgresql: MySQL reads it as a string or a number depending on context. To fix this, write a decimal number, or X'…' for bytes.
@refuse h2: Hexadecimal literal 0x41 cannot be translated from mysql to h2: MySQL reads it as a string or a number depending on context. To fix this, write a decimal number, or X'…' for bytes.
@refuse sqlite: Hexadecimal literal 0x41 cannot be translated from mysql to sqlite: MySQL reads it as a string or a number depending on context. To fix this, write a decimal number, or X'…' for bytes.

@case SUBSTRING with a negative start and a parameter
SELECT SUBSTRING(?, -2)
@bind 'abc'
@expect
bc
@refuse postgresql: SUBSTRING with a ? parameter cannot be translated from mysql to postgresql: its translation repeats an argument, which would change the number and order of the parameters. To fix this, use a literal string, or a positive start position.
@refuse h2: SUBSTRING with a ? parameter cannot be translated from mysql to h2: its translation repeats an argument, which would change the number and order of the parameters. To fix this, use a literal string, or a positive start position.
@refuse sqlite: SUBSTRING with a ? parameter cannot be translated from mysql to sqlite: its translation repeats an argument, which would change the number and order of the parameters. To fix this, use a literal string, or a positive start position.
