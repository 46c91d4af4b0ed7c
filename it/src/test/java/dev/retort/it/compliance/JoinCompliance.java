package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.Alias;
import dev.retort.Cte;
import dev.retort.Expr;
import dev.retort.Func;
import dev.retort.Over;
import dev.retort.Row;
import dev.retort.SelectQuery;
import dev.retort.Session;
import dev.retort.UnsupportedFeatureException;
import dev.retort.it.model.Employee;
import dev.retort.it.model.Employee_;
import dev.retort.it.model.Post;
import dev.retort.it.model.Post_;
import dev.retort.it.model.Score;
import dev.retort.it.model.Score_;
import dev.retort.it.model.User;
import dev.retort.it.model.User_;

/** Joins, aliases, subqueries, unions and window functions on every database, checked by their rows. */
abstract class JoinCompliance extends DatabaseTest {
    private User alice;
    private User bob;
    private User carol;

    private void seed() {
        try (Session session = sessions.open()) {
            alice = new User("Alice", 30);
            bob = new User("Bob", 25);
            carol = new User("Carol", 30);
            session.addAll(alice, bob, carol);
            session.flush();
            session.addAll(new Post(alice.id, "Joins", 12), new Post(alice.id, "Java", 3), new Post(bob.id, "Beer", 20));
            Employee boss = new Employee("Boss", null);
            session.add(boss);
            session.flush();
            Employee mia = new Employee("Mia", boss.id);
            session.add(mia);
            session.flush();
            session.addAll(new Employee("Ned", mia.id), new Employee("Ola", boss.id));
            session.addAll(new Score("ann", "red", 10, 2), new Score("ben", "red", 7, 7), new Score("cid", "blue", 3, 9),
                    new Score("dot", "blue", 12, null), new Score("eli", "blue", null, 1));
            session.commit();
        }
        sql.take();
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(user -> user.name).toList();
    }

    @Test
    void entityQueryJoinedToAnotherTable() {
        seed();
        try (Session session = sessions.open()) {
            assertThat(names(session.query(User.class).join(Post.class, Post_.authorId.eq(User_.id)).filter(Post_.title.like("J%"))
                    .distinct().orderBy(User_.name.asc()).all())).containsExactly("Alice");
            assertThat(names(session.query(User.class).join(Post.class, Post_.authorId.eq(User_.id)).orderBy(Post_.likes.desc()).all()))
                    .as("one result per joined row, ordered by the other table").containsExactly("Bob", "Alice", "Alice");
            assertThat(session.query(User.class).join(Post.class, Post_.authorId.eq(User_.id)).count()).isEqualTo(3);
            assertThat(names(session.query(User.class).leftJoin(Post.class, Post_.authorId.eq(User_.id)).filter(Post_.id.isNull()).all()))
                    .containsExactly("Carol");
        }
        assertThat(sql.takeStatements().get(0)).isEqualTo("SELECT DISTINCT users.id, users.name, users.age FROM users "
                + "JOIN posts ON posts.author_id = users.id WHERE posts.title LIKE ? ORDER BY users.name  [J%]");
    }

    @Test
    void leftJoinWithGroupedCountsKeepsRowsWithoutMatches() {
        seed();
        try (Session session = sessions.open()) {
            List<Row> rows = session.select(User_.name, Func.count(Post_.id), Func.sum(Post_.likes))
                    .leftJoin(Post.class, Post_.authorId.eq(User_.id)).groupBy(User_.name).orderBy(User_.name.asc()).all();
            assertThat(rows).extracting(Row::values).containsExactly(List.of("Alice", 2L, 15), List.of("Bob", 1L, 20),
                    Arrays.asList("Carol", 0L, null));
        }
    }

    @Test
    void selfJoinThroughAnAlias() {
        seed();
        Alias<Employee> manager = Alias.of(Employee.class, "manager");
        try (Session session = sessions.open()) {
            List<Row> rows = session.select(Employee_.name, manager.get(Employee_.name))
                    .join(manager, Employee_.managerId.eq(manager.get(Employee_.id))).orderBy(Employee_.name.asc()).all();
            assertThat(rows).extracting(Row::values).containsExactly(List.of("Mia", "Boss"), List.of("Ned", "Mia"),
                    List.of("Ola", "Boss"));
            assertThat(session.query(Employee.class).join(manager, Employee_.managerId.eq(manager.get(Employee_.id)))
                    .filter(manager.get(Employee_.name).eq("Boss")).orderBy(Employee_.name.asc()).all())
                    .extracting(employee -> employee.name).containsExactly("Mia", "Ola");
            List<Row> withoutManager = session.select(Employee_.name, manager.get(Employee_.name))
                    .leftJoin(manager, Employee_.managerId.eq(manager.get(Employee_.id))).where(manager.get(Employee_.id).isNull()).all();
            assertThat(withoutManager).extracting(Row::values).containsExactly(Arrays.asList("Boss", null));
        }
    }

    @Test
    void scalarInAndCorrelatedExistsSubqueries() {
        seed();
        try (Session session = sessions.open()) {
            Expr<Integer> oldest = Func.scalar(session.select(Func.max(User_.age)), Integer.class);
            assertThat(names(session.query(User.class).filter(User_.age.eq(oldest)).orderBy(User_.name.asc()).all()))
                    .containsExactly("Alice", "Carol");
            SelectQuery popularAuthors = session.select(Post_.authorId).where(Post_.likes.gt(10));
            assertThat(names(session.query(User.class).filter(User_.id.in(popularAuthors)).orderBy(User_.name.asc()).all()))
                    .containsExactly("Alice", "Bob");
            assertThat(names(session.query(User.class).filter(User_.id.notIn(popularAuthors)).all())).containsExactly("Carol");
            SelectQuery postsOfUser = session.select(Post_.id).where(Post_.authorId.eq(User_.id));
            assertThat(names(session.query(User.class).filter(Func.exists(postsOfUser).not()).all())).containsExactly("Carol");
            assertThat(names(session.query(User.class).filter(Func.exists(postsOfUser.where(Post_.title.eq("Beer")))).all()))
                    .containsExactly("Bob");
            List<Row> counts = session.select(User_.name, Func.scalar(session.select(Func.count()).from(Post.class)
                    .where(Post_.authorId.eq(User_.id)), Long.class)).orderBy(User_.name.asc()).all();
            assertThat(counts).extracting(Row::values).containsExactly(List.of("Alice", 2L), List.of("Bob", 1L), List.of("Carol", 0L));
        }
    }

    @Test
    void unionAndUnionAll() {
        seed();
        try (Session session = sessions.open()) {
            SelectQuery users = session.select(User_.name).where(User_.age.eq(30));
            SelectQuery employees = session.select(Employee_.name).where(Employee_.managerId.isNull());
            assertThat(users.union(employees).orderBy(User_.name.asc()).all()).extracting(row -> row.get(0))
                    .containsExactly("Alice", "Boss", "Carol");
            assertThat(users.unionAll(users).all()).hasSize(4);
            assertThat(users.union(users).all()).hasSize(2);
            assertThat(users.union(employees).orderBy(User_.name.desc()).limit(1).all()).extracting(row -> row.get(User_.name))
                    .containsExactly("Carol");
        }
    }

    @Test
    void windowFunctions() {
        seed();
        try (Session session = sessions.open()) {
            Expr<Long> place = Func.rowNumber().over(Over.partitionBy(Score_.team).orderBy(Score_.points.desc().nullsLast()));
            Expr<Long> rank = Func.rank().over(Over.ordered(Score_.bonus.desc().nullsLast()));
            Expr<Integer> teamTotal = Func.sum(Score_.points).over(Over.partitionBy(Score_.team));
            List<Row> rows = session.select(Score_.player, place, rank, teamTotal).orderBy(Score_.player.asc()).all();
            assertThat(rows).extracting(row -> row.get(place)).containsExactly(1L, 2L, 2L, 1L, 3L);
            assertThat(rows).extracting(row -> row.get(rank)).containsExactly(3L, 2L, 1L, 5L, 4L);
            assertThat(rows).extracting(row -> row.get(teamTotal)).containsExactly(17, 17, 15, 15, 15);
            Expr<Long> dense = Func.denseRank().over(Over.ordered(Score_.team.asc()));
            assertThat(session.select(Score_.player, dense).orderBy(Score_.player.asc()).all()).extracting(row -> row.get(dense))
                    .containsExactly(2L, 2L, 1L, 1L, 1L);
        }
    }

    @Test
    void fullJoinWhereTheDatabaseHasItAndAClearErrorWhereNot() {
        seed();
        try (Session session = sessions.open()) {
            session.add(new Post(999L, "Orphan", 0));
            SelectQuery everything = session.select(User_.name, Post_.title).fullJoin(Post.class, Post_.authorId.eq(User_.id))
                    .orderBy(Post_.title.asc().nullsFirst(), User_.name.asc().nullsLast());
            if (engine.dialect().supportsFullOuterJoin()) {
                assertThat(everything.all()).extracting(Row::values).containsExactly(Arrays.asList("Carol", null),
                        List.of("Bob", "Beer"), List.of("Alice", "Java"), List.of("Alice", "Joins"), Arrays.asList(null, "Orphan"));
            } else {
                assertThatThrownBy(everything::all).isInstanceOf(UnsupportedFeatureException.class)
                        .hasMessage("FULL OUTER JOIN is not supported by " + engine.dialect().displayName() + ". To fix this, "
                                + "combine a LEFT JOIN with the rows of the right table that match nothing (UNION ALL), or run it "
                                + "on a database that has it (PostgreSQL, SQLite).");
            }
        }
    }

    @Test
    void commonTableExpressions() {
        seed();
        try (Session session = sessions.open()) {
            Cte totals = Cte.of("team_totals", session.select(Score_.team, Func.sum(Score_.points)).groupBy(Score_.team),
                    "team", "total");
            Expr<String> team = totals.column("team", String.class);
            Expr<Integer> total = totals.column("total", Integer.class);
            assertThat(session.select(team, total).with(totals).where(total.gt(16)).all()).extracting(Row::values)
                    .containsExactly(List.of("red", 17));
            List<Row> best = session.select(Score_.player, total).with(totals).from(Score.class)
                    .join(totals, team.eq(Score_.team)).where(Score_.points.times(2).ge(total)).orderBy(Score_.player.asc()).all();
            assertThat(best).extracting(Row::values).containsExactly(List.of("ann", 17), List.of("dot", 15));
            assertThatThrownBy(() -> totals.column("sum", Integer.class)).isInstanceOf(dev.retort.InvalidRequestException.class)
                    .hasMessage("Common table team_totals has no column 'sum'. Its columns are: team, total. To fix this, use one of them.");
        }
        assertThat(sql.takeStatements()).startsWith("WITH team_totals (team, total) AS (SELECT team, SUM(points) FROM scores "
                + "GROUP BY team) SELECT team, total FROM team_totals WHERE total > ?  [16]");
    }
}
