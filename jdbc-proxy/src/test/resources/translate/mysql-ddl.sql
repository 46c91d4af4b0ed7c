--! DDL that keeps everything: inline indexes, identity start and continuation, ON UPDATE CURRENT_TIMESTAMP,
--! column positions, transactions and stored code. Each statement a translation splits in several is run
--! by the proxy one by one.
@source mysql

@case inline indexes with order and type become real indexes
CREATE TABLE tr_d_idx (id INT NOT NULL AUTO_INCREMENT, a VARCHAR(10), b INT, PRIMARY KEY (id) USING BTREE, UNIQUE INDEX uq_ab (a ASC, b DESC) USING BTREE, KEY k_b USING HASH (b), INDEX (a DESC) COMMENT 'by a') ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4;
INSERT INTO tr_d_idx (a, b) VALUES ('x', 1), ('y', 2);
INSERT IGNORE INTO tr_d_idx (a, b) VALUES ('x', 1), ('z', 3);
SELECT a, b FROM tr_d_idx ORDER BY a
@expect
x | 1
y | 2
z | 3

@case UNIQUE KEY inside CREATE TABLE is enforced
CREATE TABLE tr_d_uq (id INT PRIMARY KEY, code VARCHAR(5), UNIQUE KEY uq_code (code));
INSERT INTO tr_d_uq VALUES (1, 'a');
INSERT IGNORE INTO tr_d_uq VALUES (2, 'a');
SELECT id, code FROM tr_d_uq
@expect
1 | a

@case CREATE TABLE IF NOT EXISTS twice keeps working with inline indexes
CREATE TABLE IF NOT EXISTS tr_d_twice (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, last_name VARCHAR(30), INDEX(last_name));
CREATE TABLE IF NOT EXISTS tr_d_twice (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, last_name VARCHAR(30), INDEX(last_name));
INSERT INTO tr_d_twice (last_name) VALUES ('Davis');
SELECT id, last_name FROM tr_d_twice
@expect
1 | Davis

@case AUTO_INCREMENT=n starts the numbering
CREATE TABLE tr_d_start (id INT NOT NULL AUTO_INCREMENT, v VARCHAR(5), PRIMARY KEY (id)) ENGINE=InnoDB AUTO_INCREMENT=100;
INSERT INTO tr_d_start (v) VALUES ('a');
INSERT INTO tr_d_start (v) VALUES ('b');
SELECT id, v FROM tr_d_start ORDER BY id
@expect
100 | a
101 | b

@case AUTO_INCREMENT continues after explicit ids
CREATE TABLE tr_d_ids (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(5));
INSERT INTO tr_d_ids (id, v) VALUES (1, 'a'), (7, 'b');
INSERT INTO tr_d_ids (v) VALUES ('c');
INSERT INTO tr_d_ids VALUES (10, 'd');
INSERT INTO tr_d_ids (v) VALUES ('e');
INSERT INTO tr_d_ids (id, v) VALUES (3, 'f');
INSERT INTO tr_d_ids (v) VALUES ('g');
SELECT id, v FROM tr_d_ids ORDER BY id
@expect
1 | a
3 | f
7 | b
8 | c
10 | d
11 | e
12 | g

@case ON UPDATE CURRENT_TIMESTAMP changes with the row
CREATE TABLE tr_d_onupdate (id INT PRIMARY KEY, v VARCHAR(5), changed DATETIME DEFAULT '2000-01-01 00:00:00' ON UPDATE CURRENT_TIMESTAMP);
INSERT INTO tr_d_onupdate (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c');
UPDATE tr_d_onupdate SET v = 'x' WHERE id = 1;
UPDATE tr_d_onupdate SET v = 'b' WHERE id = 2;
UPDATE tr_d_onupdate SET v = 'y', changed = '2001-01-01 00:00:00' WHERE id = 3;
SELECT id, v, changed > '2020-01-01' FROM tr_d_onupdate ORDER BY id
@expect
1 | x | 1
2 | b | 0
3 | y | 0

@case ALTER TABLE with AFTER and FIRST runs
CREATE TABLE tr_d_alter (id INT PRIMARY KEY, b INT);
ALTER TABLE tr_d_alter ADD COLUMN a INT AFTER id;
ALTER TABLE tr_d_alter ADD COLUMN z INT FIRST;
INSERT INTO tr_d_alter (id, a, b, z) VALUES (1, 2, 3, 4);
SELECT id, a, b, z FROM tr_d_alter
@expect
1 | 2 | 3 | 4

@case START TRANSACTION and ROLLBACK
CREATE TABLE tr_d_tx (id INT PRIMARY KEY);
INSERT INTO tr_d_tx VALUES (1);
START TRANSACTION;
INSERT INTO tr_d_tx VALUES (2);
ROLLBACK;
BEGIN;
INSERT INTO tr_d_tx VALUES (3);
COMMIT;
SELECT id FROM tr_d_tx ORDER BY id
@expect
1
3

@case START TRANSACTION with options
START TRANSACTION WITH CONSISTENT SNAPSHOT
@refuse postgresql: START with WITH CONSISTENT SNAPSHOT cannot be translated from mysql to postgresql: the translator opens a plain transaction. To fix this, call Connection.setAutoCommit(false) and Connection.setReadOnly for a read-only one.
@refuse h2: START with WITH CONSISTENT SNAPSHOT cannot be translated from mysql to h2: the translator opens a plain transaction. To fix this, call Connection.setAutoCommit(false) and Connection.setReadOnly for a read-only one.
@refuse sqlite: START with WITH CONSISTENT SNAPSHOT cannot be translated from mysql to sqlite: the translator opens a plain transaction. To fix this, call Connection.setAutoCommit(false) and Connection.setReadOnly for a read-only one.

@case a trigger with a body is refused as a whole
CREATE DEFINER=`root`@`localhost` TRIGGER tr_d_trg BEFORE INSERT ON tr_d_alter FOR EACH ROW BEGIN SET NEW.b = 1; SET NEW.a = 2; END
@refuse postgresql: CREATE TRIGGER tr_d_trg cannot be translated from mysql to postgresql: the translator does not rewrite MySQL's procedural code. To fix this, create it on postgresql in its own language, outside the proxy.
@refuse h2: CREATE TRIGGER tr_d_trg cannot be translated from mysql to h2: the translator does not rewrite MySQL's procedural code. To fix this, create it on h2 in its own language, outside the proxy.
@refuse sqlite: CREATE TRIGGER tr_d_trg cannot be translated from mysql to sqlite: the translator does not rewrite MySQL's procedural code. To fix this, create it on sqlite in its own language, outside the proxy.

@case a procedure is refused as a whole
CREATE PROCEDURE tr_d_proc(IN n INT) BEGIN DECLARE i INT DEFAULT 0; WHILE i < n DO SET i = i + 1; END WHILE; SELECT i; END
@refuse postgresql: CREATE PROCEDURE tr_d_proc cannot be translated from mysql to postgresql: the translator does not rewrite MySQL's procedural code. To fix this, create it on postgresql in its own language, outside the proxy.
@refuse h2: CREATE PROCEDURE tr_d_proc cannot be translated from mysql to h2: the translator does not rewrite MySQL's procedural code. To fix this, create it on h2 in its own language, outside the proxy.
@refuse sqlite: CREATE PROCEDURE tr_d_proc cannot be translated from mysql to sqlite: the translator does not rewrite MySQL's procedural code. To fix this, create it on sqlite in its own language, outside the proxy.

@case a function is refused as a whole
CREATE FUNCTION tr_d_fn(n INT) RETURNS INT DETERMINISTIC RETURN n + 1
@refuse postgresql: CREATE FUNCTION tr_d_fn cannot be translated from mysql to postgresql: the translator does not rewrite MySQL's procedural code. To fix this, create it on postgresql in its own language, outside the proxy.
@refuse h2: CREATE FUNCTION tr_d_fn cannot be translated from mysql to h2: the translator does not rewrite MySQL's procedural code. To fix this, create it on h2 in its own language, outside the proxy.
@refuse sqlite: CREATE FUNCTION tr_d_fn cannot be translated from mysql to sqlite: the translator does not rewrite MySQL's procedural code. To fix this, create it on sqlite in its own language, outside the proxy.

