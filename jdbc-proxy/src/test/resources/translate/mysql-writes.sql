--! Writes and DDL: upserts, multi-table UPDATE/DELETE, LIMIT on writes, CREATE TABLE with MySQL types.
@source mysql

@case AUTO_INCREMENT numbers rows
CREATE TABLE tr_m_auto (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(10), PRIMARY KEY (id)) ENGINE=InnoDB;
INSERT INTO tr_m_auto (name) VALUES ('a'), ('b');
INSERT INTO tr_m_auto (name) VALUES ('c');
SELECT id, name FROM tr_m_auto ORDER BY id
@expect
1 | a
2 | b
3 | c

@case UNSIGNED accepts the upper range
CREATE TABLE tr_m_unsigned (id INT PRIMARY KEY, big INT UNSIGNED, small TINYINT UNSIGNED);
INSERT INTO tr_m_unsigned VALUES (1, 4000000000, 200);
SELECT big, small FROM tr_m_unsigned
@expect
4000000000 | 200

@case UNSIGNED refuses negative values
CREATE TABLE tr_m_unsigned2 (id INT PRIMARY KEY, v INT UNSIGNED);
INSERT INTO tr_m_unsigned2 VALUES (1, 5);
SELECT COUNT(*) FROM tr_m_unsigned2 WHERE v >= 0
@expect
1

@case TINYINT(1) holds booleans as numbers
CREATE TABLE tr_m_bool (id INT PRIMARY KEY, ok TINYINT(1) NOT NULL DEFAULT FALSE, yes BOOLEAN DEFAULT TRUE);
INSERT INTO tr_m_bool (id) VALUES (1);
INSERT INTO tr_m_bool (id, ok, yes) VALUES (2, TRUE, 0);
SELECT id, ok, yes, ok + yes FROM tr_m_bool ORDER BY id
@expect
1 | 0 | 1 | 1
2 | 1 | 0 | 1

@case DATETIME and DECIMAL and TEXT columns
CREATE TABLE tr_m_types (id BIGINT PRIMARY KEY, at DATETIME, price DECIMAL(7,2), note TEXT, big MEDIUMTEXT, d DOUBLE, f FLOAT);
INSERT INTO tr_m_types VALUES (1, '2024-05-06 07:08:09', 12.3, 'n', 'b', 0.5, 1.5);
SELECT at, price, note, big, d, f FROM tr_m_types
@expect
2024-05-06 07:08:09 | 12.3 | n | b | 0.5 | 1.5

@case DEFAULT CURRENT_TIMESTAMP fills the column
CREATE TABLE tr_m_created (id INT PRIMARY KEY, created DATETIME DEFAULT CURRENT_TIMESTAMP);
INSERT INTO tr_m_created (id) VALUES (1);
SELECT created IS NOT NULL FROM tr_m_created
@expect
1

@case ENUM as a checked string
CREATE TABLE tr_m_enum (id INT PRIMARY KEY, size ENUM('small', 'large') NOT NULL);
INSERT INTO tr_m_enum VALUES (1, 'large'), (2, 'small');
SELECT id, size FROM tr_m_enum ORDER BY id
@expect
1 | large
2 | small

@case inline KEY and UNIQUE KEY
CREATE TABLE tr_m_keys (id INT PRIMARY KEY, email VARCHAR(40), city VARCHAR(20), UNIQUE KEY uq_email (email), KEY idx_city (city));
INSERT INTO tr_m_keys VALUES (1, 'a@x', 'Paris');
SELECT id, email, city FROM tr_m_keys
@expect
1 | a@x | Paris

@case column comments and character sets are dropped
CREATE TABLE tr_m_comment (id INT PRIMARY KEY COMMENT 'the key', name VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin COMMENT 'a name') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='table';
INSERT INTO tr_m_comment VALUES (1, 'x');
SELECT name FROM tr_m_comment
@expect
x

@case INSERT IGNORE skips duplicate keys
CREATE TABLE tr_m_ignore (id INT PRIMARY KEY, v VARCHAR(5));
INSERT INTO tr_m_ignore VALUES (1, 'a');
INSERT IGNORE INTO tr_m_ignore VALUES (1, 'b'), (2, 'c');
SELECT id, v FROM tr_m_ignore ORDER BY id
@expect
1 | a
2 | c

@case ON DUPLICATE KEY UPDATE with VALUES()
CREATE TABLE tr_m_upsert (id INT PRIMARY KEY, v VARCHAR(5), n INT);
INSERT INTO tr_m_upsert VALUES (1, 'a', 1);
INSERT INTO tr_m_upsert (id, v, n) VALUES (1, 'b', 5), (2, 'c', 7) ON DUPLICATE KEY UPDATE v = VALUES(v), n = VALUES(n);
SELECT id, v, n FROM tr_m_upsert ORDER BY id
@expect
1 | b | 5
2 | c | 7

@case ON DUPLICATE KEY UPDATE with an expression
CREATE TABLE tr_m_counter (id INT PRIMARY KEY, hits INT NOT NULL);
INSERT INTO tr_m_counter VALUES (1, 1);
INSERT INTO tr_m_counter (id, hits) VALUES (1, 1) ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits);
SELECT id, hits FROM tr_m_counter
@expect
1 | 2

@case ON DUPLICATE KEY UPDATE with the existing row's column
CREATE TABLE tr_m_hits (page VARCHAR(20) PRIMARY KEY, n INT NOT NULL);
INSERT INTO tr_m_hits (page, n) VALUES ('home', 1) ON DUPLICATE KEY UPDATE n = n + 1;
INSERT INTO tr_m_hits (page, n) VALUES ('home', 1) ON DUPLICATE KEY UPDATE n = n + 1;
INSERT INTO tr_m_hits (page, n) VALUES ('about', 1) ON DUPLICATE KEY UPDATE n = n + 1;
SELECT page, n FROM tr_m_hits ORDER BY page
@expect
about | 1
home | 2

@case the AUTO_INCREMENT key plus one UNIQUE key
CREATE TABLE tr_m_tags (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL, uses INT NOT NULL, UNIQUE KEY uq_name (name));
INSERT INTO tr_m_tags (name, uses) VALUES ('java', 1) ON DUPLICATE KEY UPDATE uses = uses + 1;
INSERT INTO tr_m_tags (name, uses) VALUES ('sql', 1) ON DUPLICATE KEY UPDATE uses = uses + 1;
INSERT INTO tr_m_tags (name, uses) VALUES ('java', 1) ON DUPLICATE KEY UPDATE uses = uses + 1;
SELECT name, uses FROM tr_m_tags ORDER BY name
@expect
java | 2
sql | 1

@case INSERT … SET
CREATE TABLE tr_m_set (id INT PRIMARY KEY, v VARCHAR(5), n INT);
INSERT INTO tr_m_set SET id = 1, v = 'a', n = 2;
INSERT INTO tr_m_set SET id = 1, v = 'b', n = 3 ON DUPLICATE KEY UPDATE n = n + VALUES(n);
INSERT INTO tr_m_set SET id = 2, v = CONCAT('x', 'y'), n = 1;
SELECT id, v, n FROM tr_m_set ORDER BY id
@expect
1 | a | 5
2 | xy | 1

@case INSERT IGNORE skips rows that conflict on any unique key
CREATE TABLE tr_m_ignore2 (id INT PRIMARY KEY, code VARCHAR(5) UNIQUE);
INSERT INTO tr_m_ignore2 VALUES (1, 'a');
INSERT IGNORE INTO tr_m_ignore2 VALUES (2, 'a'), (1, 'b'), (3, 'c');
SELECT id, code FROM tr_m_ignore2 ORDER BY id
@expect
1 | a
3 | c

@case ON DUPLICATE KEY UPDATE with parameters
CREATE TABLE tr_m_upsert_p (id INT PRIMARY KEY, v VARCHAR(5));
INSERT INTO tr_m_upsert_p VALUES (1, 'a');
INSERT INTO tr_m_upsert_p (id, v) VALUES (1, 'z') ON DUPLICATE KEY UPDATE v = VALUES(v);
SELECT id, v FROM tr_m_upsert_p
@expect
1 | z

@case ON DUPLICATE KEY UPDATE on a table with two unique keys is refused
CREATE TABLE tr_m_two_keys (id INT PRIMARY KEY, code VARCHAR(5) UNIQUE, v INT);
INSERT INTO tr_m_two_keys VALUES (1, 'a', 1);
INSERT INTO tr_m_two_keys VALUES (2, 'a', 2) ON DUPLICATE KEY UPDATE v = VALUES(v);
SELECT id, code, v FROM tr_m_two_keys
@expect
1 | a | 2
@refuse postgresql: ON DUPLICATE KEY UPDATE cannot be translated from mysql to postgresql: table tr_m_two_keys has 2 unique keys [[id], [code]] and MySQL would match a row on any of them. To fix this, postgresql needs one conflict target; keep one unique key, or write ON CONFLICT (…) yourself.
@refuse h2: ON DUPLICATE KEY UPDATE cannot be translated from mysql to h2: table tr_m_two_keys has 2 unique keys [[id], [code]] and MySQL would match a row on any of them. To fix this, h2 needs one key for MERGE; keep one unique key, or write ON CONFLICT (…) yourself.
@refuse sqlite: ON DUPLICATE KEY UPDATE cannot be translated from mysql to sqlite: table tr_m_two_keys has 2 unique keys [[id], [code]] and MySQL would match a row on any of them. To fix this, sqlite needs one conflict target; keep one unique key, or write ON CONFLICT (…) yourself.

@case REPLACE INTO with every column
CREATE TABLE tr_m_replace (id INT PRIMARY KEY, v VARCHAR(5), n INT);
INSERT INTO tr_m_replace VALUES (1, 'a', 1);
REPLACE INTO tr_m_replace (id, v, n) VALUES (1, 'b', 2), (3, 'c', 3);
SELECT id, v, n FROM tr_m_replace ORDER BY id
@expect
1 | b | 2
3 | c | 3

@case REPLACE INTO without every column is refused where an update would differ
CREATE TABLE tr_m_replace2 (id INT PRIMARY KEY, v VARCHAR(5), n INT DEFAULT 9);
INSERT INTO tr_m_replace2 VALUES (1, 'a', 1);
REPLACE INTO tr_m_replace2 (id, v) VALUES (1, 'b');
SELECT id, v, n FROM tr_m_replace2
@expect
1 | b | 9
@refuse postgresql: REPLACE INTO without every column cannot be translated from mysql to postgresql: MySQL deletes the old row, so the columns not listed get their defaults, while an update on postgresql would keep them. To fix this, list every column of the table.
@refuse h2: REPLACE INTO without every column cannot be translated from mysql to h2: MySQL deletes the old row, so the columns not listed get their defaults, while an update on h2 would keep them. To fix this, list every column of the table.

@case UPDATE with JOIN
CREATE TABLE tr_m_orders (id INT PRIMARY KEY, customer INT, total INT);
CREATE TABLE tr_m_customers (id INT PRIMARY KEY, discount INT);
INSERT INTO tr_m_orders VALUES (1, 1, 100), (2, 2, 200), (3, 1, 300);
INSERT INTO tr_m_customers VALUES (1, 10), (2, 0);
UPDATE tr_m_orders o JOIN tr_m_customers c ON o.customer = c.id SET o.total = o.total - c.discount WHERE c.discount > 0;
SELECT id, total FROM tr_m_orders ORDER BY id
@expect
1 | 90
2 | 200
3 | 290

@case DELETE with JOIN
CREATE TABLE tr_m_lines (id INT PRIMARY KEY, header INT);
CREATE TABLE tr_m_headers (id INT PRIMARY KEY, closed INT);
INSERT INTO tr_m_lines VALUES (1, 1), (2, 2), (3, 2);
INSERT INTO tr_m_headers VALUES (1, 0), (2, 1);
DELETE l FROM tr_m_lines l JOIN tr_m_headers h ON l.header = h.id WHERE h.closed = 1;
SELECT id FROM tr_m_lines ORDER BY id
@expect
1

@case DELETE with ORDER BY and LIMIT
CREATE TABLE tr_m_queue (id INT PRIMARY KEY, prio INT);
INSERT INTO tr_m_queue VALUES (1, 5), (2, 1), (3, 3), (4, 1);
DELETE FROM tr_m_queue WHERE prio < 5 ORDER BY prio, id LIMIT 2;
SELECT id FROM tr_m_queue ORDER BY id
@expect
1
3

@case UPDATE with LIMIT
CREATE TABLE tr_m_jobs (id INT PRIMARY KEY, state VARCHAR(5));
INSERT INTO tr_m_jobs VALUES (1, 'new'), (2, 'new'), (3, 'new');
UPDATE tr_m_jobs SET state = 'taken' WHERE state = 'new' ORDER BY id DESC LIMIT 1;
SELECT id, state FROM tr_m_jobs ORDER BY id
@expect
1 | new
2 | new
3 | taken

@case TRUNCATE TABLE
CREATE TABLE tr_m_trunc (id INT PRIMARY KEY);
INSERT INTO tr_m_trunc VALUES (1), (2);
TRUNCATE TABLE tr_m_trunc;
SELECT COUNT(*) FROM tr_m_trunc
@expect
0

@case SET NAMES is answered
SET NAMES utf8mb4;
SELECT 'ok'
@expect
ok

@case multi-row insert with parameters
CREATE TABLE tr_m_multi (id INT PRIMARY KEY, v VARCHAR(5));
INSERT INTO tr_m_multi VALUES (1, 'a'), (2, 'b');
SELECT v FROM tr_m_multi WHERE id = ?
@bind 2
@expect
b

@case insert with a boolean literal into TINYINT(1)
CREATE TABLE tr_m_flags (id INT PRIMARY KEY, on_off TINYINT(1));
INSERT INTO tr_m_flags VALUES (1, TRUE), (2, FALSE);
SELECT id FROM tr_m_flags WHERE on_off = 1 ORDER BY id
@expect
1
