--! MySQL's default collation compares text without case: the text columns of tables created through the
--! translator get the target's case-insensitive type (citext, VARCHAR_IGNORECASE, COLLATE NOCASE).
@source mysql
@fixture
CREATE TABLE tr_c_owners (id INT NOT NULL PRIMARY KEY, last_name VARCHAR(30), city VARCHAR(30), note TEXT);
INSERT INTO tr_c_owners VALUES (1, 'Davis', 'Madison', 'Old'), (2, 'davis', 'MADISON', 'old');
INSERT INTO tr_c_owners VALUES (3, 'Black', 'Monona', 'new'), (4, 'apple', 'Sun Prairie', NULL), (5, 'Cherry', 'Waunakee', NULL);
CREATE TABLE tr_c_cities (name VARCHAR(30) PRIMARY KEY);
INSERT INTO tr_c_cities VALUES ('madison'), ('monona');

@case LIKE with a literal
SELECT id FROM tr_c_owners WHERE last_name LIKE 'dav%' ORDER BY id
@expect
1
2

@case = with a literal
SELECT id FROM tr_c_owners WHERE last_name = 'DAVIS' ORDER BY id
@expect
1
2

@case <> and IN
SELECT id FROM tr_c_owners WHERE last_name <> 'davis' AND last_name IN ('BLACK', 'APPLE', 'x') ORDER BY id
@expect
3
4

@case = with a parameter
SELECT id FROM tr_c_owners WHERE last_name = ? ORDER BY id
@bind 'DaViS'
@expect
1
2

@case LIKE with a parameter
SELECT id FROM tr_c_owners WHERE last_name LIKE ? ORDER BY id
@bind 'DAV%'
@expect
1
2

@case = between columns of two tables
SELECT o.id FROM tr_c_owners o JOIN tr_c_cities c ON o.city = c.name ORDER BY o.id
@expect
1
2
3

@case ORDER BY
SELECT last_name FROM tr_c_owners WHERE id >= 3 ORDER BY last_name
@expect
apple
Black
Cherry

@case GROUP BY
SELECT COUNT(*) FROM (SELECT last_name FROM tr_c_owners GROUP BY last_name) grouped
@expect
4

@case DISTINCT
SELECT COUNT(DISTINCT city), COUNT(DISTINCT note) FROM tr_c_owners
@expect
4 | 2

@case a unique key without case
CREATE TABLE tr_c_users (id INT PRIMARY KEY, email VARCHAR(40), UNIQUE KEY uq_email (email));
INSERT INTO tr_c_users VALUES (1, 'Ann@example.com');
INSERT IGNORE INTO tr_c_users VALUES (2, 'ann@EXAMPLE.com');
SELECT COUNT(*) FROM tr_c_users
@expect
1

@case a binary collation keeps case
CREATE TABLE tr_c_codes (id INT PRIMARY KEY, code VARCHAR(10) COLLATE utf8mb4_bin, label VARCHAR(10));
INSERT INTO tr_c_codes VALUES (1, 'A', 'A'), (2, 'a', 'a');
SELECT COUNT(*), (SELECT COUNT(*) FROM tr_c_codes WHERE label = 'a') FROM tr_c_codes WHERE code = 'a'
@expect
1 | 2

@case a table collation that keeps case
CREATE TABLE tr_c_cs (id INT PRIMARY KEY, code VARCHAR(10)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO tr_c_cs VALUES (1, 'A'), (2, 'a');
SELECT COUNT(*) FROM tr_c_cs WHERE code = 'a'
@expect
1

@case the length of a VARCHAR is kept
CREATE TABLE tr_c_len (id INT PRIMARY KEY, code VARCHAR(3));
INSERT INTO tr_c_len VALUES (1, 'abc');
SELECT code FROM tr_c_len
@expect
abc
