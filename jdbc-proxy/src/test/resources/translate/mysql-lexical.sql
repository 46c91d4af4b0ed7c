--! MySQL lexical rules and operators, translated for PostgreSQL, H2 and SQLite.
@source mysql
@fixture
CREATE TABLE `tr_m_lex` (
  `id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `name` VARCHAR(40) NOT NULL,
  `order` INT,
  `user` VARCHAR(20),
  flag TINYINT(1) NOT NULL DEFAULT 0,
  amount DECIMAL(8,2)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO tr_m_lex (name, `order`, `user`, flag, amount) VALUES ("Alice", 3, 'al', TRUE, 10.50);
INSERT INTO tr_m_lex (name, `order`, `user`, flag, amount) VALUES ('Bob', 1, "bo", FALSE, NULL);
INSERT INTO tr_m_lex (name, `order`, `user`, flag, amount) VALUES ('O\'Neil', NULL, NULL, 1, 7.25);
INSERT INTO tr_m_lex (name, `order`, `user`, flag, amount) VALUES ('back\\slash', 2, 'bs', 0, -3.00);

@case backtick names and a reserved word
SELECT `id`, `name`, `order` FROM `tr_m_lex` WHERE `order` IS NOT NULL ORDER BY `order`
@expect
2 | Bob | 1
4 | back\slash | 2
1 | Alice | 3

@case a column named user is a name, not the session user
SELECT user FROM tr_m_lex WHERE id = 1
@expect
al

@case double-quoted strings are strings
SELECT "double", 'single' FROM tr_m_lex WHERE id = 1
@expect
double | single

@case backslash escaped quote
SELECT name FROM tr_m_lex WHERE name = 'O\'Neil'
@expect
O'Neil

@case doubled quote
SELECT name FROM tr_m_lex WHERE name = 'O''Neil'
@expect
O'Neil

@case escaped backslash
SELECT name FROM tr_m_lex WHERE name = 'back\\slash'
@expect
back\slash

@case escapes for newline and tab
SELECT CHAR_LENGTH('a\nb\tc'), 'x\"y'
@expect
5 | x"y

@case double quote inside double-quoted string
SELECT "say ""hi"""
@expect
say "hi"

@case hash comment
SELECT 1 # the rest is a comment
@expect
1

@case dash dash comment needs a space
SELECT 2 -- a comment
@expect
2

@case minus minus without space is arithmetic
SELECT 5--1
@expect
6

@case block comment
SELECT /* a comment */ 3
@expect
3

@case executable comment is SQL
SELECT 1 /*!40101 + 1 */
@expect
2

@case optimizer hint in an executable comment is dropped
SELECT /*! SQL_NO_CACHE */ id FROM tr_m_lex WHERE id = 2
@expect
2

@case TRUE and FALSE are numbers
SELECT TRUE, FALSE, TRUE + 1
@expect
1 | 0 | 2

@case comparing a flag with TRUE
SELECT id FROM tr_m_lex WHERE flag = TRUE ORDER BY id
@expect
1
3

@case IS TRUE stays
SELECT id FROM tr_m_lex WHERE (flag = 1) IS TRUE ORDER BY id
@expect
1
3

@case double pipe is OR
SELECT id FROM tr_m_lex WHERE id = 1 || id = 2 ORDER BY id
@expect
1
2

@case double ampersand is AND
SELECT id FROM tr_m_lex WHERE id > 1 && flag = 1
@expect
3

@case exclamation mark is NOT
SELECT id FROM tr_m_lex WHERE !(id > 1)
@expect
1

@case null-safe equality with NULL
SELECT id FROM tr_m_lex WHERE `order` <=> NULL
@expect
3

@case null-safe equality with a value
SELECT NULL <=> NULL, 1 <=> NULL, 2 <=> 2
@expect
1 | 0 | 1

@case DIV truncates
SELECT 7 DIV 2, -7 DIV 2, 7.9 DIV 2
@expect
3 | -3 | 3

@case MOD operator
SELECT 7 MOD 3, 10 % 4
@expect
1 | 2

@case division is exact with four more digits
SELECT 7 / 2, 1 / 3, 2 / 3
@expect
3.5 | 0.3333 | 0.6667

@case division of a decimal literal
SELECT 1.5 / 4
@expect
0.375

@case division of a decimal column
SELECT amount / 3 FROM tr_m_lex WHERE id = 1
@expect
3.5

@case division of an integer column
SELECT `order` / 4 FROM tr_m_lex WHERE id = 1
@expect
0.75

@case multiplication chain before division
SELECT 2 * 3 / 4
@expect
1.5

@case parameters in LIMIT keep their order
SELECT id FROM tr_m_lex ORDER BY id LIMIT ?, ?
@bind 1 | 2
@expect
2
3

@case LIMIT offset and count literals
SELECT id FROM tr_m_lex ORDER BY id LIMIT 2, 1
@expect
3

@case LIMIT with OFFSET
SELECT id FROM tr_m_lex ORDER BY id LIMIT 2 OFFSET 1
@expect
2
3

@case plain LIMIT
SELECT id FROM tr_m_lex ORDER BY id DESC LIMIT 1
@expect
4

@case NULLs sort first ascending
SELECT id FROM tr_m_lex ORDER BY `order`, id
@expect
3
2
4
1

@case NULLs sort last descending
SELECT id FROM tr_m_lex ORDER BY `order` DESC
@expect
1
4
2
3

@case FROM DUAL
SELECT 1 + 1 FROM DUAL
@expect
2

@case LIKE with an escaped percent sign
SELECT 'a%b' LIKE 'a\%b', 'axb' LIKE 'a\%b'
@expect
1 | 0

@case a string with a charset introducer
SELECT _utf8mb4'text'
@expect
text

@case parameter compared with a column
SELECT name FROM tr_m_lex WHERE id = ?
@bind 2
@expect
Bob

@case VALUE as VALUES
CREATE TABLE tr_m_value (id INT PRIMARY KEY, v VARCHAR(5));
INSERT INTO tr_m_value VALUE (1, 'one');
SELECT id, v FROM tr_m_value
@expect
1 | one

@case STRAIGHT_JOIN as JOIN
SELECT a.id FROM tr_m_lex a STRAIGHT_JOIN tr_m_lex b ON a.id = b.id WHERE a.id = 3
@expect
3

@case index hints are dropped
SELECT id FROM tr_m_lex USE INDEX (PRIMARY) WHERE id = 4
@expect
4

@case negative numbers and unary minus
SELECT -amount FROM tr_m_lex WHERE id = 4
@expect
3

@case CASE expression passes through
SELECT CASE WHEN `order` > 1 THEN 'big' WHEN `order` = 1 THEN 'one' ELSE 'none' END FROM tr_m_lex ORDER BY id
@expect
big
one
none
big

@case IN list and BETWEEN pass through
SELECT id FROM tr_m_lex WHERE id IN (1, 3) OR id BETWEEN 4 AND 9 ORDER BY id
@expect
1
3
4

@case a semicolon inside a string
SELECT 'a;b'
@expect
a;b
