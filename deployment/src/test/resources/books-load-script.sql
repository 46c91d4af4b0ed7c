-- Two books; the semicolon inside the second title must not end the statement.
INSERT INTO book (id, title) VALUES (1, 'Dune');
/* a block comment; with a semicolon */
INSERT INTO book (id, title) VALUES (2, 'Semicolons; a history') ;
